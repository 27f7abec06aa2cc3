// A Curve25519 key pair as libsignal uses it: X25519 agreement and XEdDSA signatures with the same scalar
// (XEdDSA spec, signal.org/docs/specifications/xeddsa; libsignal rust/core/src/curve.rs).
using System;
using WotId.Crypto;

namespace WotId.Signal.Keys;

/// <summary>A Curve25519 key pair. The private key lives in a disposable handle that zeroes its memory.</summary>
public sealed class EcKeyPair : IDisposable
{
    private readonly X25519PrivateKey _privateKey;

    private EcKeyPair(X25519PrivateKey privateKey)
    {
        _privateKey = privateKey;
        PublicKey = EcPublicKey.FromPublicKeyBytes(privateKey.PublicKey);
    }

    /// <summary>The public half.</summary>
    public EcPublicKey PublicKey { get; }

    /// <summary>Generates a fresh key pair.</summary>
    public static EcKeyPair Generate() => new(X25519PrivateKey.Generate());

    /// <summary>Imports a 32-byte private scalar (clamped on use, as libsignal does).</summary>
    public static EcKeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "X25519 private key must be 32 bytes");
        }

        Span<byte> clamped = stackalloc byte[32];
        privateKey.CopyTo(clamped);
        clamped[0] &= 248;
        clamped[31] &= 127;
        clamped[31] |= 64;
        try
        {
            return new EcKeyPair(X25519PrivateKey.Import(clamped));
        }
        finally
        {
            clamped.Clear();
        }
    }

    /// <summary>An independent pair with its own private-key handle; the public key is not recomputed.</summary>
    internal EcKeyPair Copy() => new(_privateKey.Copy());

    /// <summary>Writes the 32-byte private scalar (for storage).</summary>
    public void ExportPrivateKey(Span<byte> destination) => _privateKey.ExportPrivateKey(destination);

    /// <summary>Signs with XEdDSA (64-byte signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => XEdDsa.Sign(_privateKey, message);

    /// <summary>X25519 with <paramref name="peer"/>; throws <see cref="SignalError.InvalidKeyAgreement"/> on an all-zero result.</summary>
    public void Agree(EcPublicKey peer, Span<byte> shared32)
    {
        if (!_privateKey.TryAgree(peer.PublicKeyBytes, shared32))
        {
            throw new SignalProtocolException(SignalError.InvalidKeyAgreement, "X25519 agreement gave the all-zero value");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _privateKey.Dispose();

    /// <summary>Names the public key only.</summary>
    public override string ToString() => "EcKeyPair(" + PublicKey + ")";
}
