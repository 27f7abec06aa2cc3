// libp2p/specs RFC/0002-signed-envelopes.md: Envelope { PublicKey public_key = 1; bytes payload_type = 2;
// bytes payload = 3; bytes signature = 5; }, signature over varint-prefixed domain, payload type and payload.
using System;
using WotId.Core.Encoding;
using WotId.Core.Protobuf;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>A signed envelope: a payload signed by a libp2p identity key under a domain string.</summary>
public sealed class SignedEnvelope
{
    private SignedEnvelope(PeerPublicKey publicKey, byte[] payloadType, byte[] payload, byte[] signature)
    {
        PublicKey = publicKey;
        PayloadType = payloadType;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The signer's key.</summary>
    public PeerPublicKey PublicKey { get; }

    /// <summary>The payload type (a multicodec, as raw bytes).</summary>
    public byte[] PayloadType { get; }

    /// <summary>The payload.</summary>
    public byte[] Payload { get; }

    /// <summary>The signature.</summary>
    public byte[] Signature { get; }

    /// <summary>Signs <paramref name="payload"/> and returns the encoded envelope.</summary>
    public static byte[] Seal(PeerIdentity signer, string domain, ReadOnlySpan<byte> payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(signer);
        byte[] signature = signer.Sign(SignedData(domain, payloadType, payload));
        var w = new ProtobufWriter(128 + payload.Length);
        w.WriteBytes(1, signer.PublicKey.Encode());
        w.WriteBytes(2, payloadType);
        w.WriteBytes(3, payload);
        w.WriteBytes(5, signature);
        return w.ToArray();
    }

    /// <summary>Decodes an envelope and verifies its signature under <paramref name="domain"/> and the payload type.</summary>
    /// <exception cref="IdentifyFormatException">Malformed, wrong payload type, or bad signature.</exception>
    public static SignedEnvelope Open(ReadOnlySpan<byte> encoded, string domain, ReadOnlySpan<byte> expectedPayloadType)
    {
        byte[]? key = null;
        byte[]? type = null;
        byte[]? payload = null;
        byte[]? signature = null;
        try
        {
            var r = new ProtobufReader(encoded);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: key = r.ReadBytes(wire).ToArray(); break;
                    case 2: type = r.ReadBytes(wire).ToArray(); break;
                    case 3: payload = r.ReadBytes(wire).ToArray(); break;
                    case 5: signature = r.ReadBytes(wire).ToArray(); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw IdentifyProtobuf.Malformed(e);
        }

        if (key is null || signature is null)
        {
            throw new IdentifyFormatException(IdentifyError.MissingField, "envelope without key or signature");
        }

        type ??= [];
        payload ??= [];
        if (!type.AsSpan().SequenceEqual(expectedPayloadType))
        {
            throw new IdentifyFormatException(IdentifyError.WrongPayloadType, "envelope has an unexpected payload type");
        }

        PeerPublicKey publicKey;
        try
        {
            publicKey = PeerPublicKey.Decode(key);
        }
        catch (FormatException)
        {
            throw new IdentifyFormatException(IdentifyError.BadPublicKey, "envelope public key does not decode");
        }

        bool valid;
        try
        {
            valid = publicKey.Verify(SignedData(domain, type, payload), signature);
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            valid = false;
        }

        if (!valid)
        {
            throw new IdentifyFormatException(IdentifyError.BadSignature, "envelope signature does not verify");
        }

        return new SignedEnvelope(publicKey, type, payload, signature);
    }

    private static byte[] SignedData(string domain, ReadOnlySpan<byte> payloadType, ReadOnlySpan<byte> payload)
    {
        byte[] d = System.Text.Encoding.UTF8.GetBytes(domain);
        int size = Varint.GetLength((ulong)d.Length) + d.Length + Varint.GetLength((ulong)payloadType.Length) + payloadType.Length
            + Varint.GetLength((ulong)payload.Length) + payload.Length;
        var buf = new byte[size];
        int pos = 0;
        pos += Varint.Write((ulong)d.Length, buf.AsSpan(pos));
        d.CopyTo(buf.AsSpan(pos));
        pos += d.Length;
        pos += Varint.Write((ulong)payloadType.Length, buf.AsSpan(pos));
        payloadType.CopyTo(buf.AsSpan(pos));
        pos += payloadType.Length;
        pos += Varint.Write((ulong)payload.Length, buf.AsSpan(pos));
        payload.CopyTo(buf.AsSpan(pos));
        return buf;
    }
}
