// An X25519 private key (RFC 7748), stored clamped as libsignal stores it.
using System;
using System.Diagnostics;

namespace WotId.Crypto;

/// <summary>An X25519 private key handle; zeroed on dispose.</summary>
[DebuggerDisplay("X25519PrivateKey")]
public sealed class X25519PrivateKey : IDisposable
{
    private readonly SecretBytes _scalar;
    private readonly byte[] _publicKey;

    private X25519PrivateKey(SecretBytes scalar)
    {
        _scalar = scalar;
        _publicKey = new byte[X25519.KeySize];
        X25519.GetPublicKey(scalar.Span, _publicKey);
    }

    private X25519PrivateKey(SecretBytes scalar, byte[] publicKey)
    {
        _scalar = scalar;
        _publicKey = publicKey;
    }

    /// <summary>The 32-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key without copying.</summary>
    public ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>The clamped private scalar, for XEdDSA inside this assembly.</summary>
    internal ReadOnlySpan<byte> Scalar => _scalar.Span;

    /// <summary>A new random key.</summary>
    public static X25519PrivateKey Generate()
    {
        Span<byte> k = stackalloc byte[X25519.KeySize];
        RandomBytes.Fill(k);
        try
        {
            return Import(k);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(k);
        }
    }

    /// <summary>Imports 32 private bytes; they are clamped (RFC 7748 §5), as libsignal does on deserialize.</summary>
    public static X25519PrivateKey Import(ReadOnlySpan<byte> privateKey)
    {
        ThrowHelper.CheckLength(privateKey, X25519.KeySize, nameof(privateKey));
        SecretBytes s = SecretBytes.Allocate(X25519.KeySize);
        privateKey.CopyTo(s.WritableSpan);
        X25519.Clamp(s.WritableSpan);
        return new X25519PrivateKey(s);
    }

    /// <summary>
    /// An independent handle on the same key (its own zeroing copy of the scalar), without recomputing the public key:
    /// what a store hands out instead of re-importing the key (issue 15: a base-point multiplication saved per load).
    /// </summary>
    public X25519PrivateKey Copy() => new(SecretBytes.Create(_scalar.Span), (byte[])_publicKey.Clone());

    /// <summary>Writes the (clamped) private key, for storage.</summary>
    public void ExportPrivateKey(Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, X25519.KeySize, nameof(destination));
        _scalar.Span.CopyTo(destination);
    }

    /// <summary>Diffie-Hellman with <paramref name="peerPublicKey"/>; false when the result is all zero.</summary>
    public bool TryAgree(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret) =>
        X25519.TryAgree(_scalar.Span, peerPublicKey, sharedSecret);

    /// <inheritdoc />
    public void Dispose() => _scalar.Dispose();

    /// <inheritdoc />
    public override string ToString() => "X25519PrivateKey";
}
