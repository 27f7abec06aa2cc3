// The fallback for HMAC-SHA256 / HKDF-SHA256 / SHA-256 where OpenSslSha256 is not available (Windows, macOS,
// another libcrypto): System.Security.Cryptography, as the project used before the OpenSSL fast path.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>HMAC-SHA256, HKDF-SHA256 and SHA-256 through System.Security.Cryptography; callers check sizes.</summary>
internal static class PlatformHmacSha256
{
    /// <summary>HMAC(key, data) into the first 32 bytes of <paramref name="tag"/>.</summary>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> tag) => HMACSHA256.HashData(key, data, tag);

    /// <summary>RFC 5869 §2.3 Expand.</summary>
    public static void Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> output) =>
        HKDF.Expand(HashAlgorithmName.SHA256, prk, output, info);

    /// <summary>SHA-256 into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination) => SHA256.HashData(source, destination);
}
