// Kyber-1024 prekey record. libsignal stores it as a SignedPreKeyRecordStructure with KEM keys (1 id, 2 public key
// (1569 B), 3 secret key (3169 B), 4 signature, 5 timestamp); field 6 (this project's extension) marks last-resort keys. The signature is XEdDSA
// over the 1569-byte public key (libsignal rust/protocol/src/state/kyber_prekey.rs).
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Keys;

/// <summary>A signed Kyber-1024 prekey, one-time or last-resort.</summary>
public sealed class KyberPreKeyRecord : IDisposable
{
    /// <summary>Creates a record (takes ownership of the key pair).</summary>
    public KyberPreKeyRecord(uint id, ulong timestamp, KyberKeyPair keyPair, byte[] signature, bool isLastResort)
    {
        Id = id;
        Timestamp = timestamp;
        KeyPair = keyPair ?? throw new ArgumentNullException(nameof(keyPair));
        Signature = signature ?? throw new ArgumentNullException(nameof(signature));
        IsLastResort = isLastResort;
    }

    /// <summary>The id.</summary>
    public uint Id { get; }

    /// <summary>Creation time, milliseconds since the Unix epoch.</summary>
    public ulong Timestamp { get; }

    /// <summary>The key pair.</summary>
    public KyberKeyPair KeyPair { get; }

    /// <summary>XEdDSA signature by the identity key over the 1569-byte public key.</summary>
    public byte[] Signature { get; }

    /// <summary>True for a last-resort key (kept after use; a repeated base key is refused instead).</summary>
    public bool IsLastResort { get; }

    /// <summary>Generates and signs a new Kyber prekey.</summary>
    public static KyberPreKeyRecord Generate(IdentityKeyPair identity, uint id, ulong timestamp, bool isLastResort = false)
    {
        ArgumentNullException.ThrowIfNull(identity);
        KyberKeyPair pair = KyberKeyPair.Generate();
        return new KyberPreKeyRecord(id, timestamp, pair, identity.Sign(pair.PublicKey.SerializedSpan), isLastResort);
    }

    /// <summary>Serialized record (secret).</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(4900);
        w.WriteUInt32(1, Id);
        w.WriteBytes(2, KeyPair.PublicKey.SerializedSpan);
        byte[] secret = KeyPair.SerializeSecret();
        w.WriteBytes(3, secret);
        Array.Clear(secret);
        w.WriteBytes(4, Signature);
        w.WriteFixed64(5, Timestamp);
        if (IsLastResort)
        {
            w.WriteBool(6, true);
        }

        byte[] result = w.ToArray();
        w.Clear();
        return result;
    }

    /// <summary>An independent copy with its own private-key handle, equal to a parse of <see cref="Serialize"/> without re-encoding and re-checking the key.</summary>
    internal KyberPreKeyRecord Copy() => new(Id, Timestamp, KeyPair.Copy(), (byte[])Signature.Clone(), IsLastResort);

    /// <summary>Parses <see cref="Serialize"/>'s output.</summary>
    public static KyberPreKeyRecord Deserialize(ReadOnlySpan<byte> data)
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

    private static KyberPreKeyRecord DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint id = 0;
        ulong ts = 0;
        bool lastResort = false;
        ReadOnlySpan<byte> pub = default, seed = default, sig = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: id = r.ReadUInt32(wt); break;
                case 2: pub = r.ReadBytes(wt); break;
                case 3: seed = r.ReadBytes(wt); break;
                case 4: sig = r.ReadBytes(wt); break;
                case 5: ts = r.ReadFixed64(wt); break;
                case 6: lastResort = r.ReadBool(wt); break;
                default: r.Skip(wt); break;
            }
        }

        if (sig.Length != 64)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber prekey signature must be 64 bytes");
        }

        KyberPublicKey publicKey = KyberPublicKey.Deserialize(pub);
        KyberKeyPair pair = KyberKeyPair.FromSerializedSecret(seed);
        if (!pair.PublicKey.Equals(publicKey))
        {
            pair.Dispose();
            throw new SignalProtocolException(SignalError.InvalidEncoding, "stored Kyber public key does not match the secret key");
        }

        return new KyberPreKeyRecord(id, ts, pair, sig.ToArray(), lastResort);
    }

    /// <inheritdoc />
    public void Dispose() => KeyPair.Dispose();

    /// <summary>Id only.</summary>
    public override string ToString() => "KyberPreKeyRecord(" + Id + (IsLastResort ? ", last resort)" : ")");
}
