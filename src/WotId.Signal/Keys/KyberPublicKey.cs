// libsignal KEM public key: type byte 0x08 (KeyType::Kyber1024, Kyber-1024 round 3) followed by the 1568-byte
// ML-KEM-1024-format encapsulation key (libsignal rust/protocol/src/kem.rs).
using System;
using System.Security.Cryptography;

namespace WotId.Signal.Keys;

/// <summary>A Kyber-1024 (round 3) public key in libsignal's 1569-byte serialized form.</summary>
public sealed class KyberPublicKey : IEquatable<KyberPublicKey>
{
    /// <summary>The type byte of Kyber-1024 keys and ciphertexts.</summary>
    public const byte Kyber1024Type = 0x08;

    /// <summary>Length of the serialized key (type byte + 1568).</summary>
    public const int SerializedLength = 1569;

    /// <summary>Length of a serialized ciphertext (type byte + 1568).</summary>
    public const int CiphertextLength = 1569;

    private readonly byte[] _serialized;

    private KyberPublicKey(byte[] serialized)
    {
        _serialized = serialized;
    }

    /// <summary>The raw 1568-byte key without the type byte.</summary>
    public ReadOnlySpan<byte> KeyBytes => _serialized.AsSpan(1);

    internal ReadOnlySpan<byte> SerializedSpan => _serialized;

    /// <summary>Wraps a raw 1568-byte encapsulation key.</summary>
    public static KyberPublicKey FromKeyBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != SerializedLength - 1)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber-1024 public key must be 1568 bytes");
        }

        byte[] s = new byte[SerializedLength];
        s[0] = Kyber1024Type;
        key.CopyTo(s.AsSpan(1));
        return new KyberPublicKey(s);
    }

    /// <summary>Parses the 1569-byte serialized form.</summary>
    public static KyberPublicKey Deserialize(ReadOnlySpan<byte> serialized)
    {
        if (serialized.IsEmpty)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "empty KEM key");
        }

        if (serialized[0] != Kyber1024Type)
        {
            throw new SignalProtocolException(SignalError.BadKeyType, "bad KEM key type " + serialized[0]);
        }

        if (serialized.Length != SerializedLength)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber-1024 public key must be 1569 bytes");
        }

        return new KyberPublicKey(serialized.ToArray());
    }

    /// <summary>The 1569-byte serialized form (a copy).</summary>
    public byte[] Serialize() => (byte[])_serialized.Clone();

    /// <summary>
    /// Encapsulates to this key: returns the 1569-byte ciphertext (0x08 ‖ ct) and writes the 32-byte round-3 shared secret.
    /// </summary>
    internal byte[] Encapsulate(Span<byte> sharedSecret)
    {
        byte[] ct = new byte[CiphertextLength];
        ct[0] = Kyber1024Type;
        if (!WotId.Crypto.Kyber1024Round3.TryEncapsulate(KeyBytes, ct.AsSpan(1), sharedSecret))
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "invalid Kyber-1024 public key");
        }

        return ct;
    }

    /// <inheritdoc />
    public bool Equals(KyberPublicKey? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_serialized, other._serialized);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KyberPublicKey k && Equals(k);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_serialized, 1);

    /// <summary>A short description (public data only).</summary>
    public override string ToString() => "KyberPublicKey(" + Convert.ToHexStringLower(_serialized.AsSpan(0, 9)) + "...)";
}
