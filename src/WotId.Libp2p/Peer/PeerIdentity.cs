// libp2p/specs peer-ids/peer-ids.md, "Ed25519": our own identity. The PrivateKey protobuf carries 64 bytes
// (seed ‖ public key) or the legacy 96 bytes (seed ‖ public ‖ public), whose copies must match.
using System;
using System.Security.Cryptography;
using WotId.Crypto;

namespace WotId.Libp2p.Peer;

/// <summary>This node's Ed25519 libp2p identity. Holds the private key; dispose to wipe it.</summary>
public sealed class PeerIdentity : IDisposable
{
    private readonly Ed25519PrivateKey _key;

    private PeerIdentity(Ed25519PrivateKey key)
    {
        _key = key;
        PublicKey = PeerPublicKey.FromEd25519(key.PublicKey);
        PeerId = PeerId.FromPublicKey(PublicKey);
    }

    /// <summary>The public key.</summary>
    public PeerPublicKey PublicKey { get; }

    /// <summary>The peer id derived from <see cref="PublicKey"/>.</summary>
    public PeerId PeerId { get; }

    /// <summary>Creates a fresh random identity.</summary>
    public static PeerIdentity Generate() => new(Ed25519PrivateKey.Generate());

    /// <summary>Creates the identity of a 32-byte Ed25519 seed.</summary>
    public static PeerIdentity FromSeed(ReadOnlySpan<byte> seed) => new(Ed25519PrivateKey.FromSeed(seed));

    /// <summary>Loads a <c>PrivateKey</c> protobuf of type Ed25519 (64- or legacy 96-byte data).</summary>
    /// <exception cref="PeerIdFormatException">Malformed, not Ed25519, or the stored public key does not match.</exception>
    public static PeerIdentity FromPrivateKeyProtobuf(ReadOnlySpan<byte> encoded)
    {
        KeyType type = KeyProtobuf.Decode(encoded, out ReadOnlySpan<byte> data);
        if (type != KeyType.Ed25519)
        {
            throw new PeerIdFormatException(PeerIdError.UnknownKeyType, "only Ed25519 private keys are supported");
        }

        if (data.Length != 64 && data.Length != 96)
        {
            throw new PeerIdFormatException(PeerIdError.InvalidKeyData, "Ed25519 private key data must be 64 or 96 bytes");
        }

        if (data.Length == 96 && !data.Slice(32, 32).SequenceEqual(data.Slice(64, 32)))
        {
            throw new PeerIdFormatException(PeerIdError.InvalidKeyData, "legacy Ed25519 private key has mismatching public keys");
        }

        Ed25519PrivateKey key = Ed25519PrivateKey.FromSeed(data[..32]);
        if (!CryptographicOperations.FixedTimeEquals(key.PublicKey, data.Slice(32, 32)))
        {
            key.Dispose();
            throw new PeerIdFormatException(PeerIdError.InvalidKeyData, "Ed25519 private key does not match its public key");
        }

        return new PeerIdentity(key);
    }

    /// <summary>The <c>PrivateKey</c> protobuf (64-byte form). The caller must protect and wipe the result.</summary>
    public byte[] ExportPrivateKeyProtobuf()
    {
        Span<byte> data = stackalloc byte[64];
        try
        {
            _key.ExportSeed(data[..32]);
            _key.PublicKey.CopyTo(data[32..]);
            return KeyProtobuf.Encode(KeyType.Ed25519, data);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    /// <summary>Signs <paramref name="data"/> (Ed25519, 64-byte signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _key.Sign(data);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>The peer id (never key material).</summary>
    public override string ToString() => "PeerIdentity " + PeerId;
}
