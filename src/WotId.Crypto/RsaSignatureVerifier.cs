// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2) over DER SubjectPublicKeyInfo keys, as libp2p uses for RSA peer
// keys (libp2p/specs peer-ids/peer-ids.md, "RSA"). Verification only.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Verifies RSA PKCS#1 v1.5 / SHA-256 signatures (2048 to 8192-bit keys).</summary>
public static class RsaSignatureVerifier
{
    /// <summary>Smallest modulus accepted, in bits (go-libp2p's minimum).</summary>
    public const int MinKeyBits = 2048;

    /// <summary>Largest modulus accepted, in bits (js-libp2p's maximum).</summary>
    public const int MaxKeyBits = 8192;

    /// <summary>True when <paramref name="subjectPublicKeyInfo"/> is exactly one DER RSA key of an accepted size.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        using RSA? rsa = TryImport(subjectPublicKeyInfo);
        return rsa is not null;
    }

    /// <summary>Verifies <paramref name="signature"/> over SHA-256(<paramref name="message"/>). False on any failure.</summary>
    public static bool Verify(ReadOnlySpan<byte> subjectPublicKeyInfo, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using RSA? rsa = TryImport(subjectPublicKeyInfo);
        if (rsa is null || signature.Length != (rsa.KeySize + 7) / 8)
        {
            return false;
        }

        try
        {
            return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static RSA? TryImport(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out int read);
            if (read == subjectPublicKeyInfo.Length && rsa.KeySize >= MinKeyBits && rsa.KeySize <= MaxKeyBits)
            {
                return rsa;
            }
        }
        catch (CryptographicException)
        {
            // Not an RSA SubjectPublicKeyInfo.
        }

        rsa.Dispose();
        return null;
    }
}
