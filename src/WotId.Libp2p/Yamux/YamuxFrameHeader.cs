// Yamux frame header codec, sans I/O: libp2p/specs yamux/README.md and hashicorp/yamux spec.md,
// "Framing": version(1) type(1) flags(2) stream id(4) length(4), all big-endian, 12 bytes.
using System;
using System.Buffers.Binary;

namespace WotId.Libp2p.Yamux;

/// <summary>A decoded 12-byte Yamux frame header.</summary>
internal readonly record struct YamuxFrameHeader(YamuxFrameType Type, YamuxFlags Flags, uint StreamId, uint Length)
{
    /// <summary>Size of an encoded header.</summary>
    public const int Size = 12;

    /// <summary>The only protocol version.</summary>
    public const byte Version = 0;

    /// <summary>Encodes the header into the first 12 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException("destination shorter than a yamux header", nameof(destination));
        }

        destination[0] = Version;
        destination[1] = (byte)Type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], StreamId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Length);
    }

    /// <summary>
    /// Decodes a header from the first 12 bytes of <paramref name="source"/>. Throws <see cref="YamuxException"/>
    /// (<see cref="YamuxError.InvalidVersion"/>, <see cref="YamuxError.InvalidFrameType"/>) on bad input; returns
    /// false only when fewer than 12 bytes are given.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out YamuxFrameHeader header)
    {
        header = default;
        if (source.Length < Size)
        {
            return false;
        }

        if (source[0] != Version)
        {
            throw new YamuxException(YamuxError.InvalidVersion, $"yamux version {source[0]} is not 0");
        }

        byte type = source[1];
        if (type > (byte)YamuxFrameType.GoAway)
        {
            throw new YamuxException(YamuxError.InvalidFrameType, $"yamux frame type {type} is unknown");
        }

        // Unknown flag bits are ignored (neither go-yamux nor js-yamux rejects them).
        ushort flags = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(source[2..]) & 0xF);

        uint streamId = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        uint length = BinaryPrimitives.ReadUInt32BigEndian(source[8..]);
        var t = (YamuxFrameType)type;
        bool sessionFrame = t is YamuxFrameType.Ping or YamuxFrameType.GoAway;
        if (sessionFrame != (streamId == 0))
        {
            throw new YamuxException(
                YamuxError.InvalidStreamId,
                sessionFrame ? $"yamux {t} frame on stream {streamId}" : $"yamux {t} frame on stream 0");
        }

        header = new YamuxFrameHeader(t, (YamuxFlags)flags, streamId, length);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Flags} stream={StreamId} length={Length}";
}
