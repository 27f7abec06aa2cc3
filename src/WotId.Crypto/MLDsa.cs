// ML-DSA verification, FIPS 204 §5.3 (ML-DSA.Verify, "pure" mode, with context string of ≤ 255 bytes).
// Through the platform's ML-DSA where supported (PlatformPqc), this project's verifier otherwise (MLDsaVerifier:
// AVX2 NTT, platform SHAKE); BouncyCastle 2.7.0 stays as the tests' cross-check and serves signing.
using System;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace WotId.Crypto;

/// <summary>ML-DSA-44/65/87 verification and sizes.</summary>
public static class MLDsa
{
    /// <summary>Seed size for key generation (ξ).</summary>
    public const int SeedSize = 32;

    /// <summary>Longest context string (FIPS 204 §5.2).</summary>
    public const int MaxContextLength = 255;

    /// <summary>Public key size.</summary>
    public static int PublicKeySize(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => 1312,
        MLDsaAlgorithm.MLDsa65 => 1952,
        MLDsaAlgorithm.MLDsa87 => 2592,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Signature size.</summary>
    public static int SignatureSize(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => 2420,
        MLDsaAlgorithm.MLDsa65 => 3309,
        MLDsaAlgorithm.MLDsa87 => 4627,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// True when <paramref name="signature"/> is valid for <paramref name="message"/> and <paramref name="context"/>.
    /// Wrong lengths and malformed keys give false; a context over 255 bytes is a caller bug and throws.
    /// </summary>
    public static bool Verify(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature)
    {
        CheckContext(context);
        if (publicKey.Length != PublicKeySize(algorithm) || signature.Length != SignatureSize(algorithm))
        {
            return false;
        }

        if (PlatformPqc.MLDsaVerification)
        {
            return PlatformPqc.Verify(algorithm, publicKey, message, context, signature);
        }

        return MLDsaVerifier.Verify(algorithm, publicKey, message, context, signature);
    }

    /// <summary>BouncyCastle's verification (lengths already checked): the cross-check of the platform path and of <see cref="MLDsaVerifier"/>.</summary>
    internal static bool VerifyBouncyCastle(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature)
    {
        MLDsaParameters p = Parameters(algorithm);
        var key = MLDsaPublicKeyParameters.FromEncoding(p, publicKey.ToArray());
        var signer = new MLDsaSigner(p, deterministic: true);
        signer.Init(false, new ParametersWithContext(key, context));
        signer.BlockUpdate(message);
        return signer.VerifySignature(signature.ToArray());
    }

    internal static void CheckContext(ReadOnlySpan<byte> context)
    {
        if (context.Length > MaxContextLength)
        {
            throw new ArgumentException("ML-DSA context must be at most 255 bytes", nameof(context));
        }
    }

    internal static MLDsaParameters Parameters(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => MLDsaParameters.ml_dsa_44,
        MLDsaAlgorithm.MLDsa65 => MLDsaParameters.ml_dsa_65,
        MLDsaAlgorithm.MLDsa87 => MLDsaParameters.ml_dsa_87,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    internal static ICipherParameters WithContext(ICipherParameters inner, ReadOnlySpan<byte> context) =>
        new ParametersWithContext(inner, context);
}
