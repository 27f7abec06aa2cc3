// libp2p/specs relay/circuit-v2.md: protocol ids /libp2p/circuit/relay/0.2.0/hop (client ↔ relay) and
// /libp2p/circuit/relay/0.2.0/stop (relay → target); uvarint length-prefixed protobufs of at most 4096 bytes
// (go p2p/protocol/circuitv2/proto maxMessageSize).
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Protocol ids, limits and message I/O of Circuit Relay v2.</summary>
public static class RelayProtocol
{
    /// <summary>The hop protocol id.</summary>
    public const string HopProtocolId = "/libp2p/circuit/relay/0.2.0/hop";

    /// <summary>The stop protocol id.</summary>
    public const string StopProtocolId = "/libp2p/circuit/relay/0.2.0/stop";

    /// <summary>Largest message accepted or sent.</summary>
    public const int MaxMessageSize = 4096;

    /// <summary>Writes one hop message.</summary>
    public static ValueTask WriteAsync(Stream stream, HopMessage message, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(message);
        return LengthPrefixed.WriteAsync(stream, message.Encode(), cancellationToken);
    }

    /// <summary>Writes one stop message.</summary>
    public static ValueTask WriteAsync(Stream stream, StopMessage message, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(message);
        return LengthPrefixed.WriteAsync(stream, message.Encode(), cancellationToken);
    }

    /// <summary>Reads one hop message; reads nothing past it, so the stream can carry a circuit afterwards.</summary>
    /// <exception cref="RelayFormatException">Too large, truncated or malformed.</exception>
    public static async Task<HopMessage> ReadHopAsync(Stream stream, CancellationToken cancellationToken) =>
        HopMessage.Decode(await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads one stop message; reads nothing past it.</summary>
    /// <exception cref="RelayFormatException">Too large, truncated or malformed.</exception>
    public static async Task<StopMessage> ReadStopAsync(Stream stream, CancellationToken cancellationToken) =>
        StopMessage.Decode(await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false));

    private static async Task<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[]? frame;
        try
        {
            frame = await LengthPrefixed.ReadAsync(stream, MaxMessageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LengthPrefixedException e)
        {
            RelayError error = e.Error == LengthPrefixedError.FrameTooLarge ? RelayError.TooLarge
                : e.Error == LengthPrefixedError.Truncated ? RelayError.Truncated : RelayError.MalformedProtobuf;
            throw new RelayFormatException(error, "relay frame rejected: " + e.Message);
        }

        return frame ?? throw new RelayFormatException(RelayError.Truncated, "the stream ended before a relay message");
    }
}
