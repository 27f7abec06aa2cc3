// ML-KEM encapsulation, FIPS 203 §7.2 (ML-KEM.Encaps) including the §7.2 input check on the encapsulation
// key (every 12-bit coefficient of t̂ must be < q = 3329). Through the platform's ML-KEM where supported
// (PlatformPqc), BouncyCastle 2.7.0 otherwise and for the deterministic (known-answer) form.
using System;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace WotId.Crypto;

/// <summary>ML-KEM-768/1024 encapsulation and sizes.</summary>
public static class MLKem
{
    /// <summary>Shared-secret size.</summary>
    public const int SharedSecretSize = 32;

    /// <summary>Seed (d ‖ z) size for deterministic key generation.</summary>
    public const int SeedSize = 64;

    private const int Q = 3329;

    /// <summary>Encapsulation-key size.</summary>
    public static int PublicKeySize(MLKemAlgorithm algorithm) => algorithm switch
    {
        MLKemAlgorithm.MLKem768 => 1184,
        MLKemAlgorithm.MLKem1024 => 1568,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Ciphertext size.</summary>
    public static int CiphertextSize(MLKemAlgorithm algorithm) => algorithm switch
    {
        MLKemAlgorithm.MLKem768 => 1088,
        MLKemAlgorithm.MLKem1024 => 1568,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// Encapsulates to <paramref name="publicKey"/> with fresh randomness. False when the key has the wrong length
    /// or fails the FIPS 203 modulus check.
    /// </summary>
    /// <remarks>Through the platform's ML-KEM where it is supported (<see cref="PlatformPqc"/>), BouncyCastle otherwise.</remarks>
    public static bool TryEncapsulate(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext, Span<byte> sharedSecret) =>
        TryEncapsulate(algorithm, publicKey, ciphertext, sharedSecret, PlatformPqc.MLKemEncapsulation ? null : new SecureRandom());

    /// <summary>Deterministic encapsulation with the 32-byte message <paramref name="m"/> (known-answer tests).</summary>
    public static bool TryEncapsulateDeterministic(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowHelper.CheckLength(m, 32, nameof(m));
        return TryEncapsulate(algorithm, publicKey, ciphertext, sharedSecret, new FixedSecureRandom(m));
    }

    /// <summary>FIPS 203 §7.2 encapsulation-key check: length and every coefficient below q.</summary>
    public static bool IsValidPublicKey(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize(algorithm))
        {
            return false;
        }

        ReadOnlySpan<byte> t = publicKey[..^32];
        for (int i = 0; i + 2 < t.Length; i += 3)
        {
            int c0 = t[i] | ((t[i + 1] & 0x0F) << 8);
            int c1 = (t[i + 1] >> 4) | (t[i + 2] << 4);
            if (c0 >= Q || c1 >= Q)
            {
                return false;
            }
        }

        return true;
    }

    internal static MLKemParameters Parameters(MLKemAlgorithm algorithm) => algorithm switch
    {
        MLKemAlgorithm.MLKem768 => MLKemParameters.ml_kem_768,
        MLKemAlgorithm.MLKem1024 => MLKemParameters.ml_kem_1024,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    // random: the randomness for BouncyCastle; null to encapsulate through the platform.
    private static bool TryEncapsulate(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext, Span<byte> sharedSecret, SecureRandom? random)
    {
        int ctSize = CiphertextSize(algorithm);
        ThrowHelper.CheckDestination(ciphertext, ctSize, nameof(ciphertext));
        ThrowHelper.CheckDestination(sharedSecret, SharedSecretSize, nameof(sharedSecret));
        if (!IsValidPublicKey(algorithm, publicKey))
        {
            return false;
        }

        if (random is null)
        {
            PlatformPqc.Encapsulate(algorithm, publicKey, ciphertext, sharedSecret);
            return true;
        }

        MLKemParameters p = Parameters(algorithm);
        var key = MLKemPublicKeyParameters.FromEncoding(p, publicKey.ToArray());
        var encapsulator = new MLKemEncapsulator(p);
        encapsulator.Init(new ParametersWithRandom(key, random));
        var ct = new byte[ctSize];
        var ss = new byte[SharedSecretSize];
        encapsulator.Encapsulate(ct, 0, ct.Length, ss, 0, ss.Length);
        ct.CopyTo(ciphertext);
        ss.CopyTo(sharedSecret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(ss);
        return true;
    }
}
