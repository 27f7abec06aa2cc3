// HMAC-SHA256, RFC 2104 / FIPS 198-1.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>HMAC-SHA256 (32-byte tag).</summary>
public static class HmacSha256
{
    /// <summary>Tag size in bytes.</summary>
    public const int TagSize = 32;

    /// <summary>Computes the tag.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>Computes the tag into <paramref name="destination"/> (≥ 32 bytes).</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, TagSize, nameof(destination));
        HMACSHA256.HashData(key, data, destination);
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
        HMACSHA256.HashData(key, data, full);
        bool ok = CryptographicOperations.FixedTimeEquals(full[..tag.Length], tag);
        CryptographicOperations.ZeroMemory(full);
        return ok;
    }
}
