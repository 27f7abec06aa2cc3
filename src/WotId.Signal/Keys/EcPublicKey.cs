// Curve25519 public key in libsignal's serialized form: type byte 0x05 (KeyType::Djb) followed by the 32-byte
// X25519 u-coordinate (libsignal rust/core/src/curve.rs).
using System;
using System.Security.Cryptography;

namespace WotId.Signal.Keys;

/// <summary>A Curve25519 public key (identity key, prekey, base key or ratchet key).</summary>
public sealed class EcPublicKey : IEquatable<EcPublicKey>
{
    /// <summary>The type byte libsignal puts in front of Curve25519 keys.</summary>
    public const byte DjbType = 0x05;

    /// <summary>Length of the serialized form.</summary>
    public const int SerializedLength = 33;

    private readonly byte[] _serialized;

    private EcPublicKey(byte[] serialized)
    {
        _serialized = serialized;
    }

    /// <summary>The 32-byte X25519 u-coordinate.</summary>
    public ReadOnlySpan<byte> PublicKeyBytes => _serialized.AsSpan(1);

    /// <summary>Wraps a raw 32-byte X25519 public key.</summary>
    public static EcPublicKey FromPublicKeyBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "X25519 public key must be 32 bytes");
        }

        byte[] s = new byte[SerializedLength];
        s[0] = DjbType;
        key.CopyTo(s.AsSpan(1));
        return new EcPublicKey(s);
    }

    /// <summary>Parses the 33-byte serialized form (exactly 33 bytes, type 0x05).</summary>
    public static EcPublicKey Deserialize(ReadOnlySpan<byte> serialized)
    {
        if (serialized.IsEmpty)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "empty public key");
        }

        if (serialized[0] != DjbType)
        {
            throw new SignalProtocolException(SignalError.BadKeyType, "bad EC key type " + serialized[0]);
        }

        if (serialized.Length != SerializedLength)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "EC public key must be 33 bytes, got " + serialized.Length);
        }

        return new EcPublicKey(serialized.ToArray());
    }

    /// <summary>The 33-byte serialized form (a fresh copy).</summary>
    public byte[] Serialize() => (byte[])_serialized.Clone();

    /// <summary>The 33-byte serialized form without copying.</summary>
    internal ReadOnlySpan<byte> SerializedSpan => _serialized;

    /// <summary>Verifies an XEdDSA signature (libsignal convention) made with the matching private key.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && WotId.Crypto.XEdDsa.Verify(PublicKeyBytes, message, signature);

    /// <inheritdoc />
    public bool Equals(EcPublicKey? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_serialized, other._serialized);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EcPublicKey k && Equals(k);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_serialized, 1);

    /// <summary>Hex of the serialized public key (public data only).</summary>
    public override string ToString() => Convert.ToHexStringLower(_serialized);
}
