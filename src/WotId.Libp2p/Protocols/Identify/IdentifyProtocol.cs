// libp2p/specs identify/README.md: /ipfs/id/1.0.0 (the opener reads) and /ipfs/id/push/1.0.0 (the opener writes);
// uvarint length-prefixed messages until end of stream, at most 10 messages of at most 8 KiB (js and go limits).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>Identify wire exchange over one stream.</summary>
public static class IdentifyProtocol
{
    /// <summary>The identify protocol id.</summary>
    public const string ProtocolId = "/ipfs/id/1.0.0";

    /// <summary>The identify/push protocol id.</summary>
    public const string PushProtocolId = "/ipfs/id/push/1.0.0";

    /// <summary>Largest single message accepted.</summary>
    public const int MaxMessageSize = 8 * 1024;

    /// <summary>Most messages merged from one stream.</summary>
    public const int MaxMessages = 10;

    /// <summary>Writes one message (the caller then half-closes the stream).</summary>
    public static ValueTask WriteAsync(Stream stream, IdentifyMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] encoded = message.Encode();
        if (encoded.Length > MaxMessageSize)
        {
            throw new IdentifyFormatException(IdentifyError.TooLarge, "identify message exceeds 8 KiB");
        }

        return LengthPrefixed.WriteAsync(stream, encoded, cancellationToken);
    }

    /// <summary>Reads and merges messages until end of stream.</summary>
    /// <exception cref="IdentifyFormatException">Malformed data or limits exceeded.</exception>
    public static async Task<IdentifyMessage> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var merged = new IdentifyMessage();
        for (int count = 0; ; count++)
        {
            byte[]? message;
            try
            {
                message = await LengthPrefixed.ReadAsync(stream, MaxMessageSize, cancellationToken).ConfigureAwait(false);
            }
            catch (LengthPrefixedException ex) when (ex.Error != LengthPrefixedError.Truncated)
            {
                throw new IdentifyFormatException(IdentifyError.TooLarge, "identify length prefix rejected: " + ex.Message);
            }

            if (message is null)
            {
                return merged;
            }

            if (count == MaxMessages)
            {
                throw new IdentifyFormatException(IdentifyError.TooLarge, "more than 10 identify messages");
            }

            merged.MergeFrom(message);
        }
    }
}
