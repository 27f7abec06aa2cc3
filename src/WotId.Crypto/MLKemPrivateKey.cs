// ML-KEM decapsulation key, FIPS 203 §7.1 (KeyGen from the 64-byte seed d ‖ z) and §7.3 (Decaps, with implicit
// rejection: a bad ciphertext yields a pseudorandom secret, never an error). Through BouncyCastle 2.7.0.
using System;
using System.Diagnostics;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace WotId.Crypto;

/// <summary>An ML-KEM-768/1024 private (decapsulation) key handle.</summary>
[DebuggerDisplay("MLKemPrivateKey {Algorithm}")]
public sealed class MLKemPrivateKey : IDisposable
{
    private readonly MLKemPrivateKeyParameters _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private MLKemPrivateKey(MLKemAlgorithm algorithm, MLKemPrivateKeyParameters key)
    {
        Algorithm = algorithm;
        _key = key;
        _publicKey = key.GetPublicKeyEncoded();
    }

    private MLKemPrivateKey(MLKemAlgorithm algorithm, MLKemPrivateKeyParameters key, byte[] publicKey)
    {
        Algorithm = algorithm;
        _key = key;
        _publicKey = publicKey;
    }

    /// <summary>The parameter set.</summary>
    public MLKemAlgorithm Algorithm { get; }

    /// <summary>The encapsulation key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The encapsulation key without copying.</summary>
    public ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>A new random key pair.</summary>
    public static MLKemPrivateKey Generate(MLKemAlgorithm algorithm)
    {
        var generator = new MLKemKeyPairGenerator();
        generator.Init(new MLKemKeyGenerationParameters(new SecureRandom(), MLKem.Parameters(algorithm)));
        var pair = generator.GenerateKeyPair();
        return new MLKemPrivateKey(algorithm, (MLKemPrivateKeyParameters)pair.Private);
    }

    /// <summary>The key pair for the 64-byte seed d ‖ z (FIPS 203 ML-KEM.KeyGen_internal).</summary>
    public static MLKemPrivateKey FromSeed(MLKemAlgorithm algorithm, ReadOnlySpan<byte> seed)
    {
        ThrowHelper.CheckLength(seed, MLKem.SeedSize, nameof(seed));
        return new MLKemPrivateKey(algorithm, MLKemPrivateKeyParameters.FromSeed(MLKem.Parameters(algorithm), seed.ToArray()));
    }

    /// <summary>Imports an expanded decapsulation key (dk = s ‖ ek ‖ H(ek) ‖ z; 2400 or 3168 bytes).</summary>
    /// <exception cref="ArgumentException">Wrong length or an inconsistent key (H(ek) does not match).</exception>
    public static MLKemPrivateKey FromExpanded(MLKemAlgorithm algorithm, ReadOnlySpan<byte> decapsulationKey)
    {
        int expected = algorithm == MLKemAlgorithm.MLKem768 ? 2400 : 3168;
        ThrowHelper.CheckLength(decapsulationKey, expected, nameof(decapsulationKey));
        int ekLength = MLKem.PublicKeySize(algorithm);
        int sLength = expected - ekLength - 64;
        ReadOnlySpan<byte> ek = decapsulationKey.Slice(sLength, ekLength);
        ReadOnlySpan<byte> h = decapsulationKey.Slice(sLength + ekLength, 32);
        if (!h.SequenceEqual(Sha3_256.Hash(ek)))
        {
            throw new ArgumentException("decapsulation key hash check failed (FIPS 203 §7.3)", nameof(decapsulationKey));
        }

        return new MLKemPrivateKey(algorithm, MLKemPrivateKeyParameters.FromEncoding(MLKem.Parameters(algorithm), decapsulationKey.ToArray()));
    }

    /// <summary>
    /// An independent handle on the same key, without re-encoding or re-checking it (issue 15: what a store hands out
    /// instead of parsing the expanded key again). BouncyCastle's key object is immutable and, as <see cref="Dispose"/>
    /// explains, cannot be cleared, so both handles refer to it; each has its own disposed state.
    /// </summary>
    public MLKemPrivateKey Copy()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MLKemPrivateKey(Algorithm, _key, (byte[])_publicKey.Clone());
    }

    /// <summary>The 64-byte seed, when the key was made from one (Generate or FromSeed); null otherwise.</summary>
    public byte[]? ExportSeed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _key.GetSeed();
    }

    /// <summary>The expanded decapsulation key (for libsignal's serialized KEM secret key).</summary>
    public byte[] ExportExpanded()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _key.GetEncoded();
    }

    /// <summary>Decapsulates <paramref name="ciphertext"/> (implicit rejection: never fails on a bad ciphertext).</summary>
    /// <exception cref="ArgumentException">The ciphertext has the wrong length.</exception>
    public void Decapsulate(ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowHelper.CheckLength(ciphertext, MLKem.CiphertextSize(Algorithm), nameof(ciphertext));
        ThrowHelper.CheckDestination(sharedSecret, MLKem.SharedSecretSize, nameof(sharedSecret));
        var decapsulator = new Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator(MLKem.Parameters(Algorithm));
        decapsulator.Init(_key);
        var ss = new byte[MLKem.SharedSecretSize];
        decapsulator.Decapsulate(ciphertext.ToArray(), 0, ciphertext.Length, ss, 0, ss.Length);
        ss.CopyTo(sharedSecret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(ss);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // BouncyCastle keeps its own copies of the key arrays and offers no way to clear them; dropping the
        // reference is the most this handle can do for the BC representation.
        _disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => $"MLKemPrivateKey({Algorithm})";
}
