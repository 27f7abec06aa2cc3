// ECDSA with SHA-256 (FIPS 186-5) over DER SubjectPublicKeyInfo keys and DER (RFC 3279) signatures, as libp2p uses
// for ECDSA peer keys (libp2p/specs peer-ids/peer-ids.md, "ECDSA"; P-256 in practice). Verification only.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Verifies ECDSA/SHA-256 DER signatures for keys on the NIST curves P-256, P-384 and P-521.</summary>
public static class EcdsaVerifier
{
    /// <summary>True when <paramref name="subjectPublicKeyInfo"/> is exactly one DER EC key on a supported curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        using ECDsa? key = TryImport(subjectPublicKeyInfo);
        return key is not null;
    }

    /// <summary>
    /// Verifies a DER (spec, go) or fixed-size r ‖ s (js-libp2p) <paramref name="signature"/> over SHA-256(<paramref name="message"/>).
    /// False on any failure.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> subjectPublicKeyInfo, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using ECDsa? key = TryImport(subjectPublicKeyInfo);
        if (key is null || signature.Length > 160)
        {
            return false;
        }

        try
        {
            if (key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return true;
            }

            // js-libp2p (@libp2p/crypto 5, WebCrypto) signs with the fixed-size r ‖ s form instead of DER.
            return signature.Length == 2 * ((key.KeySize + 7) / 8)
                && key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECDsa? TryImport(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out int read);
            if (read == subjectPublicKeyInfo.Length && key.KeySize is 256 or 384 or 521)
            {
                ECParameters p = key.ExportParameters(false);
                if (p.Curve.IsNamed && IsNist(p.Curve.Oid.Value))
                {
                    return key;
                }
            }
        }
        catch (CryptographicException)
        {
            // Not an EC SubjectPublicKeyInfo, or a point not on the curve.
        }

        key.Dispose();
        return null;
    }

    private static bool IsNist(string? oid) =>
        oid is "1.2.840.10045.3.1.7" or "1.3.132.0.34" or "1.3.132.0.35";
}
