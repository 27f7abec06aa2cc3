// ML-KEM encapsulation, FIPS 203 §7.2 (ML-KEM.Encaps) including the §7.2 input check on the encapsulation
// key (every 12-bit coefficient of t̂ must be < q = 3329). Through the platform's ML-KEM where supported
// (PlatformPqc), this project's encapsulation otherwise (MLKemEncapsulator: AVX2 NTT and four-way Keccak, scalar
// fallback) and for the deterministic (known-answer) form. BouncyCastle 2.7.0 stays as the cross-check.
using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

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
    /// <remarks>Through the platform's ML-KEM where it is supported (<see cref="PlatformPqc"/>), this project's otherwise.</remarks>
    public static bool TryEncapsulate(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        CheckDestinations(algorithm, ciphertext, sharedSecret);
        if (PlatformPqc.MLKemEncapsulation)
        {
            if (!IsValidPublicKey(algorithm, publicKey))
            {
                return false;
            }

            PlatformPqc.Encapsulate(algorithm, publicKey, ciphertext, sharedSecret);
            return true;
        }

        // FIPS 203 Algorithm 20 step 1: m ← 32 random bytes.
        Span<byte> m = stackalloc byte[32];
        RandomNumberGenerator.Fill(m);
        bool ok = MLKemEncapsulator.Encapsulate(MLKemParameterSet.For(algorithm), publicKey, m, ciphertext, sharedSecret);
        CryptographicOperations.ZeroMemory(m);
        return ok;
    }

    /// <summary>Deterministic encapsulation with the 32-byte message <paramref name="m"/> (known-answer tests).</summary>
    public static bool TryEncapsulateDeterministic(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowHelper.CheckLength(m, 32, nameof(m));
        CheckDestinations(algorithm, ciphertext, sharedSecret);
        return MLKemEncapsulator.Encapsulate(MLKemParameterSet.For(algorithm), publicKey, m, ciphertext, sharedSecret);
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

    /// <summary>BouncyCastle's deterministic encapsulation (ML-KEM.Encaps_internal): the cross-check of <see cref="MLKemEncapsulator"/>.</summary>
    internal static bool TryEncapsulateBouncyCastle(MLKemParameterSet p, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        if (publicKey.Length != p.EncapsulationKeyBytes)
        {
            return false;
        }

        MLKemParameters parameters = p.K switch
        {
            2 => MLKemParameters.ml_kem_512,
            3 => MLKemParameters.ml_kem_768,
            _ => MLKemParameters.ml_kem_1024,
        };

        MLKemPublicKeyParameters key;
        try
        {
            key = MLKemPublicKeyParameters.FromEncoding(parameters, publicKey.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }

        var encapsulator = new Org.BouncyCastle.Crypto.Kems.MLKemEncapsulator(parameters);
        encapsulator.Init(new ParametersWithRandom(key, new FixedSecureRandom(m.ToArray())));
        var ct = new byte[encapsulator.EncapsulationLength];
        var ss = new byte[SharedSecretSize];
        encapsulator.Encapsulate(ct, 0, ct.Length, ss, 0, ss.Length);
        ct.CopyTo(ciphertext);
        ss.CopyTo(sharedSecret);
        CryptographicOperations.ZeroMemory(ss);
        return true;
    }

    private static void CheckDestinations(MLKemAlgorithm algorithm, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        ThrowHelper.CheckDestination(ciphertext, CiphertextSize(algorithm), nameof(ciphertext));
        ThrowHelper.CheckDestination(sharedSecret, SharedSecretSize, nameof(sharedSecret));
    }
}
