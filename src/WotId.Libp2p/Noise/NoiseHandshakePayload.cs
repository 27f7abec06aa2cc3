// libp2p/specs noise/README.md, "The libp2p Handshake Payload", and connections/inlined-muxer-negotiation.md:
// NoiseHandshakePayload { identity_key = 1; identity_sig = 2; extensions = 4 } and
// NoiseExtensions { repeated bytes webtransport_certhashes = 1; repeated string stream_muxers = 2 }.
using System;
using System.Collections.Generic;
using System.Text;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Noise;

/// <summary>The libp2p handshake payload carried in Noise messages 2 and 3.</summary>
internal sealed class NoiseHandshakePayload
{
    public const int MaxStreamMuxers = 32;
    public const int MaxCerthashes = 16;
    public const int MaxProtocolLength = 256;

    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    public byte[]? IdentityKey { get; set; }

    public byte[]? IdentitySig { get; set; }

    public List<string> StreamMuxers { get; } = [];

    public List<byte[]> WebTransportCerthashes { get; } = [];

    public byte[] Encode()
    {
        var writer = new ProtoWriter(160);
        if (IdentityKey is not null)
        {
            writer.WriteBytesField(1, IdentityKey);
        }

        if (IdentitySig is not null)
        {
            writer.WriteBytesField(2, IdentitySig);
        }

        if (StreamMuxers.Count > 0 || WebTransportCerthashes.Count > 0)
        {
            var ext = new ProtoWriter(64);
            foreach (byte[] hash in WebTransportCerthashes)
            {
                ext.WriteBytesField(1, hash);
            }

            foreach (string muxer in StreamMuxers)
            {
                ext.WriteStringField(2, muxer);
            }

            writer.WriteBytesField(4, ext.ToArray());
        }

        return writer.ToArray();
    }

    /// <summary>Decodes the payload; unknown fields are skipped as protobuf requires.</summary>
    /// <exception cref="NoiseHandshakeException">Malformed protobuf or limits exceeded (<see cref="NoiseError.InvalidPayload"/>).</exception>
    public static NoiseHandshakePayload Decode(ReadOnlySpan<byte> data)
    {
        var payload = new NoiseHandshakePayload();
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out int wire))
            {
                throw Invalid("bad field key");
            }

            if (wire == ProtoReader.WireLengthDelimited && field is 1 or 2 or 4)
            {
                if (!reader.TryReadBytes(out ReadOnlySpan<byte> value))
                {
                    throw Invalid("truncated field");
                }

                switch (field)
                {
                    case 1:
                        payload.IdentityKey = value.ToArray();
                        break;
                    case 2:
                        payload.IdentitySig = value.ToArray();
                        break;
                    default:
                        payload.DecodeExtensions(value);
                        break;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                throw Invalid("cannot skip field");
            }
        }

        return payload;
    }

    private void DecodeExtensions(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out int wire))
            {
                throw Invalid("bad extensions field key");
            }

            if (wire == ProtoReader.WireLengthDelimited && field is 1 or 2)
            {
                if (!reader.TryReadBytes(out ReadOnlySpan<byte> value))
                {
                    throw Invalid("truncated extensions field");
                }

                if (field == 1)
                {
                    if (WebTransportCerthashes.Count >= MaxCerthashes)
                    {
                        throw Invalid("too many certhashes");
                    }

                    WebTransportCerthashes.Add(value.ToArray());
                }
                else
                {
                    if (StreamMuxers.Count >= MaxStreamMuxers || value.Length is 0 or > MaxProtocolLength)
                    {
                        throw Invalid("too many or oversized stream muxers");
                    }

                    StreamMuxers.Add(DecodeUtf8(value));
                }
            }
            else if (!reader.TrySkip(wire))
            {
                throw Invalid("cannot skip extensions field");
            }
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> value)
    {
        try
        {
            return s_strictUtf8.GetString(value);
        }
        catch (ArgumentException)
        {
            throw Invalid("stream muxer is not UTF-8");
        }
    }

    private static NoiseHandshakeException Invalid(string what) =>
        new(NoiseError.InvalidPayload, "malformed Noise handshake payload: " + what);
}
