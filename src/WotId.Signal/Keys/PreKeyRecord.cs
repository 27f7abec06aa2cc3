// One-time EC prekey, serialized like libsignal's PreKeyRecordStructure (storage.proto: 1 id, 2 public_key (33 B),
// 3 private_key (32 B)); libsignal rust/protocol/src/state/prekey.rs.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Keys;

/// <summary>A one-time Curve25519 prekey and its id.</summary>
public sealed class PreKeyRecord : IDisposable
{
    /// <summary>Creates a record (takes ownership of the key pair).</summary>
    public PreKeyRecord(uint id, EcKeyPair keyPair)
    {
        Id = id;
        KeyPair = keyPair ?? throw new ArgumentNullException(nameof(keyPair));
    }

    /// <summary>The prekey id.</summary>
    public uint Id { get; }

    /// <summary>The key pair.</summary>
    public EcKeyPair KeyPair { get; }

    /// <summary>Generates a record with a fresh key.</summary>
    public static PreKeyRecord Generate(uint id) => new(id, EcKeyPair.Generate());

    /// <summary>libsignal's PreKeyRecordStructure bytes (secret).</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(80);
        w.WriteUInt32(1, Id);
        w.WriteBytes(2, KeyPair.PublicKey.SerializedSpan);
        Span<byte> priv = stackalloc byte[32];
        KeyPair.ExportPrivateKey(priv);
        w.WriteBytes(3, priv);
        priv.Clear();
        byte[] result = w.ToArray();
        w.Clear();
        return result;
    }

    /// <summary>An independent copy with its own private-key handle, equal to a parse of <see cref="Serialize"/> but without recomputing the public key.</summary>
    internal PreKeyRecord Copy() => new(Id, KeyPair.Copy());

    /// <summary>Parses <see cref="Serialize"/>'s output.</summary>
    public static PreKeyRecord Deserialize(ReadOnlySpan<byte> data)
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

    private static PreKeyRecord DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        uint id = 0;
        ReadOnlySpan<byte> pub = default, priv = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: id = r.ReadUInt32(wt); break;
                case 2: pub = r.ReadBytes(wt); break;
                case 3: priv = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        return new PreKeyRecord(id, KeyRecordHelpers.CheckedPair(pub, priv));
    }

    /// <inheritdoc />
    public void Dispose() => KeyPair.Dispose();

    /// <summary>Id and public key only.</summary>
    public override string ToString() => "PreKeyRecord(" + Id + ", " + KeyPair.PublicKey + ")";
}
