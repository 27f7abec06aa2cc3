// HMAC-SHA256, RFC 2104 / FIPS 198-1. On Linux with OpenSSL's low-level SHA-256 exports it is computed over them
// (OpenSslHmacSha256.cs, five times cheaper per call than OpenSSL 3's EVP path); elsewhere System.Security.Cryptography.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>HMAC-SHA256 (32-byte tag).</summary>
public static class HmacSha256
{
    /// <summary>Tag size in bytes.</summary>
    public const int TagSize = 32;

    /// <summary>Computes the tag.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var tag = new byte[TagSize];
        Core(key, data, tag);
        return tag;
    }

    /// <summary>Computes the tag into <paramref name="destination"/> (≥ 32 bytes).</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, TagSize, nameof(destination));
        Core(key, data, destination);
    }

    /// <summary>
    /// Checks <paramref name="tag"/> in constant time. A tag shorter than 32 bytes is compared with the prefix
    /// of the full tag (truncated MACs); an empty or over-long tag never verifies.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tag)
    {
        if (tag.IsEmpty || tag.Length > TagSize)
        {
            return false;
        }

        Span<byte> full = stackalloc byte[TagSize];
        Core(key, data, full);
        bool ok = CryptographicOperations.FixedTimeEquals(full[..tag.Length], tag);
        CryptographicOperations.ZeroMemory(full);
        return ok;
    }

    private static void Core(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (OpenSslSha256.IsAvailable)
        {
            OpenSslHmacSha256.Compute(key, data, destination);
        }
        else
        {
            PlatformHmacSha256.Compute(key, data, destination);
        }
    }
}
