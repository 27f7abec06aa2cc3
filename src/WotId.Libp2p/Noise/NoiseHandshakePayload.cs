// libp2p/specs noise/README.md, "The libp2p Handshake Payload", and connections/inlined-muxer-negotiation.md:
// NoiseHandshakePayload { identity_key = 1; identity_sig = 2; extensions = 4 } and
// NoiseExtensions { repeated bytes webtransport_certhashes = 1; repeated string stream_muxers = 2 }.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Noise;

/// <summary>The libp2p handshake payload carried in Noise messages 2 and 3.</summary>
internal sealed class NoiseHandshakePayload
{
    public const int MaxStreamMuxers = 32;
    public const int MaxCerthashes = 16;
    public const int MaxProtocolLength = 256;

    public byte[]? IdentityKey { get; set; }

    public byte[]? IdentitySig { get; set; }

    public List<string> StreamMuxers { get; } = [];

    public List<byte[]> WebTransportCerthashes { get; } = [];

    public byte[] Encode()
    {
        var writer = new ProtobufWriter(160);
        if (IdentityKey is not null)
        {
            writer.WriteBytes(1, IdentityKey);
        }

        if (IdentitySig is not null)
        {
            writer.WriteBytes(2, IdentitySig);
        }

        if (StreamMuxers.Count > 0 || WebTransportCerthashes.Count > 0)
        {
            var ext = new ProtobufWriter(64);
            foreach (byte[] hash in WebTransportCerthashes)
            {
                ext.WriteBytes(1, hash);
            }

            foreach (string muxer in StreamMuxers)
            {
                ext.WriteString(2, muxer);
            }

            writer.WriteBytes(4, ext.WrittenSpan);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes the payload; unknown fields are skipped as protobuf requires.</summary>
    /// <exception cref="NoiseHandshakeException">Malformed protobuf or limits exceeded (<see cref="NoiseError.InvalidPayload"/>).</exception>
    public static NoiseHandshakePayload Decode(ReadOnlySpan<byte> data)
    {
        var payload = new NoiseHandshakePayload();
        try
        {
            var reader = new ProtobufReader(data);
            while (reader.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: payload.IdentityKey = reader.ReadBytes(wire).ToArray(); break;
                    case 2: payload.IdentitySig = reader.ReadBytes(wire).ToArray(); break;
                    case 4: payload.DecodeExtensions(reader.ReadBytes(wire)); break;
                    default: reader.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw Invalid(e.Message);
        }

        return payload;
    }

    private void DecodeExtensions(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out WireType wire))
        {
            if (field == 1)
            {
                ReadOnlySpan<byte> hash = reader.ReadBytes(wire);
                if (WebTransportCerthashes.Count >= MaxCerthashes)
                {
                    throw Invalid("too many certhashes");
                }

                WebTransportCerthashes.Add(hash.ToArray());
            }
            else if (field == 2)
            {
                string muxer = reader.ReadString(wire);
                if (StreamMuxers.Count >= MaxStreamMuxers || muxer.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(muxer) > MaxProtocolLength)
                {
                    throw Invalid("too many or oversized stream muxers");
                }

                StreamMuxers.Add(muxer);
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static NoiseHandshakeException Invalid(string what) =>
        new(NoiseError.InvalidPayload, "malformed Noise handshake payload: " + what);
}
