// HKDF with SHA-256, RFC 5869 §2.2 (Extract) and §2.3 (Expand). Output at most 255 × 32 bytes. Built on the same
// HMAC-SHA256 as HmacSha256: OpenSSL's low-level SHA-256 where available (OpenSslHmacSha256.cs, no allocation),
// else System.Security.Cryptography.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>HKDF-SHA256.</summary>
public static class HkdfSha256
{
    /// <summary>Longest output Expand can produce (RFC 5869 §2.3).</summary>
    public const int MaxOutputLength = 255 * 32;

    /// <summary>Extract then Expand: fills <paramref name="output"/> (1 to 8160 bytes).</summary>
    public static void DeriveKey(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        CheckOutput(output);

        // Extract with HMAC directly: OpenSSL 3's HKDF rejects an empty IKM (Noise Split uses one), and HMAC with
        // an empty salt equals RFC 5869's default of 32 zero bytes (HMAC zero-pads the key).
        Span<byte> prk = stackalloc byte[32];
        HmacSha256.Compute(salt, ikm, prk);
        Expand(prk, info, output);
        CryptographicOperations.ZeroMemory(prk);
    }

    /// <summary>Extract then Expand into a new array.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int length)
    {
        var output = new byte[length];
        DeriveKey(ikm, salt, info, output);
        return output;
    }

    /// <summary>RFC 5869 Extract: writes the 32-byte pseudorandom key (HMAC with the salt as key; empty salt = 32 zero bytes).</summary>
    public static void Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, Span<byte> prk)
    {
        ThrowHelper.CheckDestination(prk, 32, nameof(prk));
        HmacSha256.Compute(salt, ikm, prk[..32]);
    }

    /// <summary>RFC 5869 Expand from a pseudorandom key of at least 32 bytes.</summary>
    public static void Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> output)
    {
        CheckOutput(output);
        if (prk.Length < 32)
        {
            throw new ArgumentException("prk must be at least 32 bytes", nameof(prk));
        }

        if (OpenSslSha256.IsAvailable)
        {
            OpenSslHmacSha256.Expand(prk, info, output);
        }
        else
        {
            PlatformHmacSha256.Expand(prk, info, output);
        }
    }

    private static void CheckOutput(Span<byte> output)
    {
        if (output.IsEmpty || output.Length > MaxOutputLength)
        {
            throw new ArgumentException("HKDF output must be 1 to 8160 bytes", nameof(output));
        }
    }
}
