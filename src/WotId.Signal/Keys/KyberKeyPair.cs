// Kyber-1024 round 3 key pair as libsignal uses it (type 0x08): ML-KEM-1024 key generation and decapsulation,
// plus the round-3 shared-secret wrapper SHAKE256(K ‖ SHA3-256(ct)) (libsignal rust/protocol/src/kem/kyber1024.rs), via WotId.Crypto.Kyber1024Round3.
using System;
using WotId.Crypto;

namespace WotId.Signal.Keys;

/// <summary>A Kyber-1024 key pair. The secret lives in a disposable handle.</summary>
public sealed class KyberKeyPair : IDisposable
{
    /// <summary>Length of libsignal's serialized secret key: 0x08 ‖ 3168-byte expanded decapsulation key.</summary>
    public const int SerializedSecretLength = 3169;

    private readonly MLKemPrivateKey _privateKey;

    private KyberKeyPair(MLKemPrivateKey privateKey)
    {
        _privateKey = privateKey;
        PublicKey = KyberPublicKey.FromKeyBytes(privateKey.PublicKey);
    }

    private KyberKeyPair(MLKemPrivateKey privateKey, KyberPublicKey publicKey)
    {
        _privateKey = privateKey;
        PublicKey = publicKey;
    }

    /// <summary>The public half in libsignal's 1569-byte form.</summary>
    public KyberPublicKey PublicKey { get; }

    /// <summary>Generates a fresh key pair.</summary>
    public static KyberKeyPair Generate() => new(MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024));

    /// <summary>Recreates a key pair from libsignal's 3169-byte secret key form (0x08 ‖ s ‖ pk ‖ H(pk) ‖ z).</summary>
    public static KyberKeyPair FromSerializedSecret(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SerializedSecretLength)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber-1024 secret key must be 3169 bytes");
        }

        if (secret[0] != KyberPublicKey.Kyber1024Type)
        {
            throw new SignalProtocolException(SignalError.BadKeyType, "bad KEM key type " + secret[0]);
        }

        try
        {
            return new KyberKeyPair(MLKemPrivateKey.FromExpanded(MLKemAlgorithm.MLKem1024, secret[1..]));
        }
        catch (ArgumentException e)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "invalid Kyber-1024 secret key", e);
        }
    }

    /// <summary>An independent pair with its own private-key handle; the (immutable) public key is shared, nothing is re-parsed.</summary>
    internal KyberKeyPair Copy() => new(_privateKey.Copy(), PublicKey);

    /// <summary>libsignal's 3169-byte secret key form (secret; the caller owns and should zero it).</summary>
    public byte[] SerializeSecret()
    {
        byte[] expanded = _privateKey.ExportExpanded();
        byte[] result = new byte[SerializedSecretLength];
        result[0] = KyberPublicKey.Kyber1024Type;
        expanded.CopyTo(result.AsSpan(1));
        Array.Clear(expanded);
        return result;
    }

    /// <summary>Decapsulates a 1569-byte libsignal ciphertext (0x08 ‖ ct) into the 32-byte round-3 shared secret.</summary>
    public void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        if (ciphertext.Length != KyberPublicKey.CiphertextLength)
        {
            throw new SignalProtocolException(SignalError.InvalidEncoding, "Kyber-1024 ciphertext must be 1569 bytes");
        }

        if (ciphertext[0] != KyberPublicKey.Kyber1024Type)
        {
            throw new SignalProtocolException(SignalError.BadKeyType, "bad KEM ciphertext type " + ciphertext[0]);
        }

        Kyber1024Round3.Decapsulate(_privateKey, ciphertext[1..], sharedSecret);
    }

    /// <inheritdoc />
    public void Dispose() => _privateKey.Dispose();

    /// <summary>Names the public key only.</summary>
    public override string ToString() => "KyberKeyPair(" + PublicKey + ")";
}
