// SHA-256, FIPS 180-4. OpenSSL's low-level SHA256_* where available (OpenSslSha256.cs, without OpenSSL 3's EVP
// per-call cost), else System.Security.Cryptography.
using System;

namespace WotId.Crypto;

/// <summary>SHA-256 (32-byte digest).</summary>
public static class Sha256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        var digest = new byte[HashSize];
        Core(source, digest);
        return digest;
    }

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> (≥ 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, HashSize, nameof(destination));
        Core(source, destination);
    }

    private static void Core(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (OpenSslSha256.IsAvailable)
        {
            OpenSslSha256.Hash(source, destination);
        }
        else
        {
            PlatformHmacSha256.Hash(source, destination);
        }
    }
}
