// libp2p/specs peer-ids/peer-ids.md, "Keys" and "How Keys are Encoded and Messages Signed": the PublicKey protobuf
// for RSA, Ed25519, secp256k1 and ECDSA, and signature verification for each.
using System;
using WotId.Crypto;

namespace WotId.Libp2p.Peer;

/// <summary>A libp2p public key of any of the four key types, validated at construction.</summary>
public sealed class PeerPublicKey : IEquatable<PeerPublicKey>
{
    /// <summary>Size of an Ed25519 public key.</summary>
    public const int Ed25519KeySize = 32;

    private readonly byte[] _data;
    private readonly byte[] _encoded;

    private PeerPublicKey(KeyType type, byte[] data)
    {
        Type = type;
        _data = data;
        _encoded = KeyProtobuf.Encode(type, data);
    }

    /// <summary>The key algorithm.</summary>
    public KeyType Type { get; }

    /// <summary>The key bytes as carried in the protobuf <c>Data</c> field.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>Decodes a <c>PublicKey</c> protobuf and validates the key for its type.</summary>
    /// <exception cref="PeerIdFormatException">Malformed protobuf, unknown type or invalid key.</exception>
    public static PeerPublicKey Decode(ReadOnlySpan<byte> encoded)
    {
        KeyType type = KeyProtobuf.Decode(encoded, out ReadOnlySpan<byte> data);
        return Create(type, data);
    }

    /// <summary>Creates a key from its type and raw <c>Data</c> bytes, validating them.</summary>
    /// <exception cref="PeerIdFormatException">The data is not a valid key of that type.</exception>
    public static PeerPublicKey Create(KeyType type, ReadOnlySpan<byte> data)
    {
        bool valid = type switch
        {
            KeyType.Ed25519 => data.Length == Ed25519KeySize,
            KeyType.Secp256k1 => Secp256k1Verifier.IsValidPublicKey(data),
            KeyType.Rsa => RsaSignatureVerifier.IsValidPublicKey(data),
            KeyType.Ecdsa => EcdsaVerifier.IsValidPublicKey(data),
            _ => throw new PeerIdFormatException(PeerIdError.UnknownKeyType, "unknown key type"),
        };
        if (!valid)
        {
            throw new PeerIdFormatException(PeerIdError.InvalidKeyData, "invalid " + type + " public key");
        }

        return new PeerPublicKey(type, data.ToArray());
    }

    /// <summary>Wraps a raw 32-byte Ed25519 public key.</summary>
    /// <exception cref="PeerIdFormatException">Not 32 bytes.</exception>
    public static PeerPublicKey FromEd25519(ReadOnlySpan<byte> publicKey) => Create(KeyType.Ed25519, publicKey);

    /// <summary>The deterministic <c>PublicKey</c> protobuf encoding.</summary>
    public byte[] Encode() => (byte[])_encoded.Clone();

    /// <summary>The encoding without a copy (callers must not modify it).</summary>
    internal ReadOnlySpan<byte> EncodedSpan => _encoded;

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with this key's scheme.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Type switch
    {
        KeyType.Ed25519 => signature.Length == 64 && Ed25519.Verify(_data, data, signature),
        KeyType.Secp256k1 => Secp256k1Verifier.Verify(_data, data, signature),
        KeyType.Rsa => RsaSignatureVerifier.Verify(_data, data, signature),
        KeyType.Ecdsa => EcdsaVerifier.Verify(_data, data, signature),
        _ => false,
    };

    /// <summary>The peer id derived from this key.</summary>
    public PeerId ToPeerId() => PeerId.FromPublicKey(this);

    /// <inheritdoc />
    public bool Equals(PeerPublicKey? other) =>
        other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeerPublicKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_encoded);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Type + " public key of " + ToPeerId();
}
