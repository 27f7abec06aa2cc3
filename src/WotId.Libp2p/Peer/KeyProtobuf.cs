// libp2p/specs peer-ids/peer-ids.md, "Keys": PublicKey/PrivateKey { required KeyType Type = 1; required bytes Data = 2; }
// encoded deterministically (Type then Data).
using System;
using WotId.Core.Protobuf;

namespace WotId.Libp2p.Peer;

/// <summary>Codec of the libp2p key protobuf (shared by PublicKey and PrivateKey).</summary>
internal static class KeyProtobuf
{
    /// <summary>Largest encoded key accepted (an RSA-8192 SubjectPublicKeyInfo is about 1.1 KB; private ~4.7 KB).</summary>
    public const int MaxEncodedLength = 8192;

    public static byte[] Encode(KeyType type, ReadOnlySpan<byte> data)
    {
        var writer = new ProtobufWriter(data.Length + 8);
        writer.WriteUInt64(1, (ulong)type);
        writer.WriteBytes(2, data);
        return writer.ToArray();
    }

    /// <summary>Decodes Type and Data; fields may come in any order but each exactly once, nothing else.</summary>
    /// <exception cref="PeerIdFormatException">Malformed protobuf or unknown key type.</exception>
    public static KeyType Decode(ReadOnlySpan<byte> encoded, out ReadOnlySpan<byte> data)
    {
        data = default;
        if (encoded.IsEmpty)
        {
            throw new PeerIdFormatException(PeerIdError.Empty, "empty key protobuf");
        }

        if (encoded.Length > MaxEncodedLength)
        {
            throw new PeerIdFormatException(PeerIdError.TooLong, "key protobuf too long");
        }

        ulong? type = null;
        bool haveData = false;
        try
        {
            var reader = new ProtobufReader(encoded);
            while (reader.TryReadTag(out int field, out WireType wire))
            {
                if (field == 1 && type is null)
                {
                    type = reader.ReadUInt64(wire);
                }
                else if (field == 2 && !haveData)
                {
                    data = reader.ReadBytes(wire);
                    haveData = true;
                }
                else
                {
                    throw Malformed("unexpected or repeated field");
                }
            }
        }
        catch (ProtobufException e)
        {
            throw Malformed(e.Message);
        }

        if (type is null || !haveData)
        {
            throw Malformed("missing Type or Data");
        }

        if (type.Value > (ulong)KeyType.Ecdsa)
        {
            throw new PeerIdFormatException(PeerIdError.UnknownKeyType, "unknown key type");
        }

        return (KeyType)type.Value;
    }

    private static PeerIdFormatException Malformed(string what) =>
        new(PeerIdError.InvalidKeyProtobuf, "malformed key protobuf: " + what);
}
