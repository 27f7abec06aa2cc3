// libp2p/specs relay/DCUtR.md: protocol id /libp2p/dcutr, uvarint length-prefixed HolePunch messages of at most
// 4 KiB; the driver retries up to 3 times (go and js); each attempt's stream times out (js 5 s, go 1 min).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Libp2p.Protocols.Dcutr;

/// <summary>Protocol id, limits and message I/O of DCUtR.</summary>
public static class DcutrProtocol
{
    /// <summary>The protocol id.</summary>
    public const string ProtocolId = "/libp2p/dcutr";

    /// <summary>Hole punch attempts by the driving side.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Time for one attempt's message exchange and its simultaneous open.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Writes one message.</summary>
    public static ValueTask WriteAsync(Stream stream, HolePunchMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return LengthPrefixed.WriteAsync(stream, message.Encode(), cancellationToken);
    }

    /// <summary>Reads one message of the expected type.</summary>
    /// <exception cref="RelayFormatException">Too large, truncated, malformed or of the other type.</exception>
    public static async Task<HolePunchMessage> ReadAsync(Stream stream, HolePunchType expected, CancellationToken cancellationToken)
    {
        byte[]? frame;
        try
        {
            frame = await LengthPrefixed.ReadAsync(stream, HolePunchMessage.MaxMessageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LengthPrefixedException e)
        {
            throw new RelayFormatException(e.Error == LengthPrefixedError.FrameTooLarge ? RelayError.TooLarge : RelayError.Truncated, "DCUtR frame rejected: " + e.Message);
        }

        HolePunchMessage message = HolePunchMessage.Decode(frame ?? throw new RelayFormatException(RelayError.Truncated, "the stream ended before a DCUtR message"));
        return message.Type == expected ? message
            : throw new RelayFormatException(RelayError.UnexpectedMessage, "expected DCUtR " + expected + ", got " + message.Type);
    }
}
