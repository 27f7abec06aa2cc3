// libp2p/specs autonat/autonat-v2.md: protocol ids, uvarint length-prefixed messages ("RPC Messages"), and the
// dial-back stream's DialBack { fixed64 nonce = 1; } / DialBackResponse { DialBackStatus status = 1; } (OK = 0).
// Limits follow go-libp2p p2p/protocol/autonatv2 (8 KiB messages, 15 s stream timeout, 5 s dial-back stream).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>Protocol ids, limits and message I/O of AutoNAT v2.</summary>
public static class AutoNatProtocol
{
    /// <summary>The client's request stream.</summary>
    public const string DialRequestProtocolId = "/libp2p/autonat/2/dial-request";

    /// <summary>The server's dial-back stream, opened on the fresh connection.</summary>
    public const string DialBackProtocolId = "/libp2p/autonat/2/dial-back";

    /// <summary>Least dial data a server asks for (spec: 30 k to 100 k bytes).</summary>
    public const int MinDialData = 30_000;

    /// <summary>Most dial data a server asks for.</summary>
    public const int MaxDialData = 100_000;

    /// <summary>Most dial data our client agrees to send (js-libp2p's maxDialDataBytes is 200 KiB).</summary>
    public const int ClientMaxDialData = 200 * 1024;

    /// <summary>Limit for a whole dial-request exchange.</summary>
    public static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Limit for the server's dial and its dial-back stream.</summary>
    public static readonly TimeSpan DialBackTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Writes one message.</summary>
    public static ValueTask WriteAsync(Stream stream, AutoNatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return LengthPrefixed.WriteAsync(stream, message.Encode(), cancellationToken);
    }

    /// <summary>Reads one message.</summary>
    /// <exception cref="AutoNatFormatException">Too large, truncated or malformed.</exception>
    public static async Task<AutoNatMessage> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        AutoNatMessage.Decode(await ReadFrameAsync(stream, cancellationToken).ConfigureAwait(false));

    /// <summary>Encodes a DialBack message.</summary>
    public static byte[] EncodeDialBack(ulong nonce)
    {
        var w = new ProtobufWriter(12);
        w.WriteFixed64(1, nonce);
        return w.ToArray();
    }

    /// <summary>Decodes a DialBack message and returns its nonce.</summary>
    /// <exception cref="AutoNatFormatException">Malformed, too large, or without nonce.</exception>
    public static ulong DecodeDialBack(ReadOnlySpan<byte> encoded)
    {
        ulong? nonce = null;
        Walk(encoded, (ref ProtobufReader r, int field, WireType wire) =>
        {
            if (field == 1 && wire == WireType.Fixed64)
            {
                nonce = r.ReadFixed64(wire);
                return true;
            }

            return false;
        });
        return nonce ?? throw new AutoNatFormatException(AutoNatError.MissingField, "DialBack without nonce");
    }

    /// <summary>Encodes a DialBackResponse with status OK (0, so the field is omitted, as proto3 does).</summary>
    public static byte[] EncodeDialBackResponse() => [];

    /// <summary>Decodes a DialBackResponse; true when its status is OK.</summary>
    /// <exception cref="AutoNatFormatException">Malformed or too large.</exception>
    public static bool DecodeDialBackResponse(ReadOnlySpan<byte> encoded)
    {
        ulong status = 0;
        Walk(encoded, (ref ProtobufReader r, int field, WireType wire) =>
        {
            if (field == 1 && wire == WireType.Varint)
            {
                status = r.ReadUInt64(wire);
                return true;
            }

            return false;
        });
        return status == 0;
    }

    /// <summary>Reads one length-prefixed frame of at most 8 KiB.</summary>
    /// <exception cref="AutoNatFormatException">Too large or truncated (also a clean end before the frame).</exception>
    public static async Task<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[]? frame;
        try
        {
            frame = await LengthPrefixed.ReadAsync(stream, AutoNatMessage.MaxMessageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LengthPrefixedException e)
        {
            throw new AutoNatFormatException(
                e.Error == LengthPrefixedError.FrameTooLarge ? AutoNatError.TooLarge : AutoNatError.Truncated, "AutoNAT frame rejected: " + e.Message);
        }

        return frame ?? throw new AutoNatFormatException(AutoNatError.Truncated, "the stream ended before an AutoNAT message");
    }

    private delegate bool FieldReader(ref ProtobufReader reader, int field, WireType wire);

    private static void Walk(ReadOnlySpan<byte> encoded, FieldReader read)
    {
        if (encoded.Length > AutoNatMessage.MaxMessageSize)
        {
            throw new AutoNatFormatException(AutoNatError.TooLarge, "AutoNAT message exceeds 8 KiB");
        }

        try
        {
            var r = new ProtobufReader(encoded);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                if (!read(ref r, field, wire))
                {
                    r.Skip(wire);
                }
            }
        }
        catch (ProtobufException e)
        {
            throw new AutoNatFormatException(AutoNatError.MalformedProtobuf, "malformed AutoNAT protobuf: " + e.Message);
        }
    }
}
