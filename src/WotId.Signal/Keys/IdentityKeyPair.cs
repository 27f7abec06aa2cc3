// Identity key pair, serialized like libsignal's IdentityKeyPairStructure (storage.proto: 1 public_key (33 B),
// 2 private_key (32 B)); libsignal rust/protocol/src/identity_key.rs.
using System;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.Keys;

/// <summary>A long-term identity key pair (Curve25519, XEdDSA signatures).</summary>
public sealed class IdentityKeyPair : IDisposable
{
    private IdentityKeyPair(EcKeyPair keyPair)
    {
        KeyPair = keyPair;
    }

    /// <summary>The public identity key.</summary>
    public EcPublicKey PublicKey => KeyPair.PublicKey;

    internal EcKeyPair KeyPair { get; }

    /// <summary>Generates a new identity.</summary>
    public static IdentityKeyPair Generate() => new(EcKeyPair.Generate());

    /// <summary>Wraps an existing key pair (takes ownership).</summary>
    public static IdentityKeyPair FromKeyPair(EcKeyPair keyPair) => new(keyPair ?? throw new ArgumentNullException(nameof(keyPair)));

    /// <summary>Signs with XEdDSA.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => KeyPair.Sign(message);

    /// <summary>libsignal's IdentityKeyPairStructure protobuf (contains the private key: treat as secret).</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(80);
        w.WriteBytes(1, PublicKey.SerializedSpan);
        Span<byte> priv = stackalloc byte[32];
        KeyPair.ExportPrivateKey(priv);
        w.WriteBytes(2, priv);
        priv.Clear();
        byte[] result = w.ToArray();
        w.Clear();
        return result;
    }

    /// <summary>Parses <see cref="Serialize"/>'s output; checks that the public key matches the private key.</summary>
    public static IdentityKeyPair Deserialize(ReadOnlySpan<byte> data)
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

    private static IdentityKeyPair DeserializeCore(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        ReadOnlySpan<byte> pub = default, priv = default;
        while (r.TryReadTag(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: pub = r.ReadBytes(wt); break;
                case 2: priv = r.ReadBytes(wt); break;
                default: r.Skip(wt); break;
            }
        }

        EcPublicKey publicKey = EcPublicKey.Deserialize(pub);
        EcKeyPair pair = EcKeyPair.FromPrivateKey(priv);
        if (!pair.PublicKey.Equals(publicKey))
        {
            pair.Dispose();
            throw new SignalProtocolException(SignalError.InvalidEncoding, "identity public key does not match the private key");
        }

        return new IdentityKeyPair(pair);
    }

    /// <inheritdoc />
    public void Dispose() => KeyPair.Dispose();

    /// <summary>Names the public key only.</summary>
    public override string ToString() => "IdentityKeyPair(" + PublicKey + ")";
}
