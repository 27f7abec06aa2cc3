// Signed prekey, serialized like libsignal's SignedPreKeyRecordStructure (storage.proto: 1 id, 2 public_key,
// 3 private_key, 4 signature, 5 timestamp fixed64 ms); the signature is XEdDSA over the 33-byte public key
// (libsignal rust/protocol/src/state/signed_prekey.rs).
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Keys;

/// <summary>A signed Curve25519 prekey.</summary>
public sealed class SignedPreKeyRecord : IDisposable
{
    /// <summary>Creates a record (takes ownership of the key pair).</summary>
    public SignedPreKeyRecord(uint id, ulong timestamp, EcKeyPair keyPair, byte[] signature)
    {
        Id = id;
        Timestamp = timestamp;
        KeyPair = keyPair ?? throw new ArgumentNullException(nameof(keyPair));
        Signature = signature ?? throw new ArgumentNullException(nameof(signature));
    }

    /// <summary>The id.</summary>
    public uint Id { get; }

    /// <summary>Creation time, milliseconds since the Unix epoch.</summary>
    public ulong Timestamp { get; }

    /// <summary>The key pair.</summary>
    public EcKeyPair KeyPair { get; }

    /// <summary>XEdDSA signature by the identity key over the 33-byte public key.</summary>
    public byte[] Signature { get; }

    /// <summary>Generates and signs a new signed prekey.</summary>
    public static SignedPreKeyRecord Generate(IdentityKeyPair identity, uint id, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(identity);
        EcKeyPair pair = EcKeyPair.Generate();
        return new SignedPreKeyRecord(id, timestamp, pair, identity.Sign(pair.PublicKey.SerializedSpan));
    }

    /// <summary>libsignal's SignedPreKeyRecordStructure bytes (secret).</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(160);
        w.WriteUInt32(1, Id);
        w.WriteBytes(2, KeyPair.PublicKey.SerializedSpan);
        Span<byte> priv = stackalloc byte[32];
        KeyPair.ExportPrivateKey(priv);
        w.WriteBytes(3, priv);
        priv.Clear();
        w.WriteBytes(4, Signature);
        w.WriteFixed64(5, Timestamp);
        byte[] result = w.ToArray();
        w.Clear();
        return result;
    }

    /// <summary>An independent copy with its own private-key handle, equal to a parse of <see cref="Serialize"/> but without recomputing the public key.</summary>
    internal SignedPreKeyRecord Copy() => new(Id, Timestamp, KeyPair.Copy(), (byte[])Signature.Clone());

    /// <summary>Parses <see cref="Serialize"/>'s output.</summary>
    public static SignedPreKeyRecord Deserialize(ReadOnlySpan<byte> data)
    {
        try
        {
            return DeserializeCore(data);
        }
        catch (ProtobufException e)
        {
            throw SignalProtobuf.Invalid(e);
        }
    }

    private static SignedPreKeyRecord DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint id = 0;
        ulong ts = 0;
        ReadOnlySpan<byte> pub = default, priv = default, sig = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: id = r.ReadUInt32(wt); break;
                case 2: pub = r.ReadBytes(wt); break;
                case 3: priv = r.ReadBytes(wt); break;
                case 4: sig = r.ReadBytes(wt); break;
                case 5: ts = r.ReadFixed64(wt); break;
                default: r.Skip(wt); break;
            }
        }

        if (sig.Length != 64)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "signed prekey signature must be 64 bytes");
        }

        return new SignedPreKeyRecord(id, ts, KeyRecordHelpers.CheckedPair(pub, priv), sig.ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => KeyPair.Dispose();

    /// <summary>Id and public key only.</summary>
    public override string ToString() => "SignedPreKeyRecord(" + Id + ", " + KeyPair.PublicKey + ")";
}
