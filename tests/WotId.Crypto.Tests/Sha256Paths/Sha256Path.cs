// The two implementations behind HmacSha256 / HkdfSha256 / Sha256, called directly so every test runs on both:
// "native" (OpenSSL's low-level SHA256_* through OpenSslSha256) and "platform" (System.Security.Cryptography, the
// fallback where the exports are missing). The native path skips with a reason where it is not available.
using System;
using System.Collections.Generic;

namespace WotId.Crypto.Tests.Sha256Paths;

internal static class Sha256Path
{
    public const string Native = "native";

    public const string Platform = "platform";

    public static IEnumerable<TheoryDataRow<string>> Both() => [new(Native), new(Platform)];

    public static void Hmac(string path, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> tag)
    {
        if (IsNative(path))
        {
            OpenSslHmacSha256.Compute(key, data, tag);
        }
        else
        {
            PlatformHmacSha256.Compute(key, data, tag);
        }
    }

    public static byte[] Hmac(string path, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var tag = new byte[32];
        Hmac(path, key, data, tag);
        return tag;
    }

    public static void DeriveKey(string path, ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        // RFC 5869: Extract is HMAC(salt, ikm), then Expand, both on the one path.
        Span<byte> prk = stackalloc byte[32];
        Hmac(path, salt, ikm, prk);
        Expand(path, prk, info, output);
    }

    public static void Expand(string path, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> output)
    {
        if (IsNative(path))
        {
            OpenSslHmacSha256.Expand(prk, info, output);
        }
        else
        {
            PlatformHmacSha256.Expand(prk, info, output);
        }
    }

    public static byte[] Hash(string path, ReadOnlySpan<byte> source)
    {
        var digest = new byte[32];
        if (IsNative(path))
        {
            OpenSslSha256.Hash(source, digest);
        }
        else
        {
            PlatformHmacSha256.Hash(source, digest);
        }

        return digest;
    }

    private static bool IsNative(string path)
    {
        if (path == Platform)
        {
            return false;
        }

        if (!OpenSslSha256.IsAvailable)
        {
            Assert.Skip("OpenSSL's SHA256_Init/Update/Final are not exported by a loadable libcrypto here; the platform path serves HMAC, HKDF and SHA-256");
        }

        return true;
    }
}
