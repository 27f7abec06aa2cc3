// The platform's post-quantum primitives (System.Security.Cryptography.MLKem / MLDsa, FIPS 203 / FIPS 204), used for
// the public-key operations where the runtime supports them (OpenSSL ≥ 3.5 on Linux, recent Windows); elsewhere
// ML-KEM encapsulation uses BouncyCastle and ML-DSA verification the project's own MLDsaVerifier. Selected once per
// process. Secret-key operations (decapsulation, signing) stay on BouncyCastle, whose key objects the project holds.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Whether the platform's ML-KEM / ML-DSA are used, and the calls into them.</summary>
internal static class PlatformPqc
{
    /// <summary>Why the platform path is not taken on this machine (for skipped tests and benchmark output).</summary>
    public const string UnsupportedReason =
        "System.Security.Cryptography.MLKem / MLDsa report IsSupported = false here (they need OpenSSL 3.5 or newer); " +
        "BouncyCastle serves ML-KEM and ML-DSA signing, the project's MLDsaVerifier ML-DSA verification";

    /// <summary>True when ML-KEM encapsulation goes through the platform (decided once).</summary>
    public static readonly bool MLKemEncapsulation = System.Security.Cryptography.MLKem.IsSupported;

    /// <summary>True when ML-DSA verification goes through the platform (decided once).</summary>
    public static readonly bool MLDsaVerification = System.Security.Cryptography.MLDsa.IsSupported;

    /// <summary>FIPS 203 ML-KEM.Encaps with the platform's randomness; the caller checked the key (§7.2) and the sizes.</summary>
    public static void Encapsulate(MLKemAlgorithm algorithm, ReadOnlySpan<byte> publicKey, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        using System.Security.Cryptography.MLKem key = System.Security.Cryptography.MLKem.ImportEncapsulationKey(Map(algorithm), publicKey);
        key.Encapsulate(ciphertext[..MLKem.CiphertextSize(algorithm)], sharedSecret[..MLKem.SharedSecretSize]);
    }

    /// <summary>FIPS 204 ML-DSA.Verify (pure, with context); a malformed key or signature is false.</summary>
    public static bool Verify(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature)
    {
        try
        {
            using System.Security.Cryptography.MLDsa key = System.Security.Cryptography.MLDsa.ImportMLDsaPublicKey(Map(algorithm), publicKey);
            return key.VerifyData(message, signature, context);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static System.Security.Cryptography.MLKemAlgorithm Map(MLKemAlgorithm algorithm) => algorithm switch
    {
        MLKemAlgorithm.MLKem768 => System.Security.Cryptography.MLKemAlgorithm.MLKem768,
        MLKemAlgorithm.MLKem1024 => System.Security.Cryptography.MLKemAlgorithm.MLKem1024,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    private static System.Security.Cryptography.MLDsaAlgorithm Map(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => System.Security.Cryptography.MLDsaAlgorithm.MLDsa44,
        MLDsaAlgorithm.MLDsa65 => System.Security.Cryptography.MLDsaAlgorithm.MLDsa65,
        MLDsaAlgorithm.MLDsa87 => System.Security.Cryptography.MLDsaAlgorithm.MLDsa87,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
