// Ed25519 signing key, RFC 8032 §5.1.5-5.1.6, through NSec (libsodium).
using System;
using System.Diagnostics;
using NSec.Cryptography;

namespace WotId.Crypto;

/// <summary>An Ed25519 private key handle (libp2p peer keys, IOTA transaction signing).</summary>
[DebuggerDisplay("Ed25519PrivateKey")]
public sealed class Ed25519PrivateKey : IDisposable
{
    private readonly Key _key;
    private readonly SecretBytes _seed;
    private readonly byte[] _publicKey;

    private Ed25519PrivateKey(SecretBytes seed)
    {
        _seed = seed;
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed.Span, KeyBlobFormat.RawPrivateKey);
        _publicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The 32-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key without copying.</summary>
    public ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>A new random key.</summary>
    public static Ed25519PrivateKey Generate() => new(SecretBytes.Random(Ed25519.SeedSize));

    /// <summary>The key for a 32-byte seed.</summary>
    public static Ed25519PrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        ThrowHelper.CheckLength(seed, Ed25519.SeedSize, nameof(seed));
        return new Ed25519PrivateKey(SecretBytes.Create(seed));
    }

    /// <summary>Writes the 32-byte seed, for storage.</summary>
    public void ExportSeed(Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, Ed25519.SeedSize, nameof(destination));
        _seed.Span.CopyTo(destination);
    }

    /// <summary>Signs <paramref name="message"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => SignatureAlgorithm.Ed25519.Sign(_key, message);

    /// <summary>Signs into <paramref name="signature"/> (≥ 64 bytes).</summary>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        ThrowHelper.CheckDestination(signature, Ed25519.SignatureSize, nameof(signature));
        SignatureAlgorithm.Ed25519.Sign(_key, message, signature[..Ed25519.SignatureSize]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _key.Dispose();
        _seed.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => "Ed25519PrivateKey";
}
