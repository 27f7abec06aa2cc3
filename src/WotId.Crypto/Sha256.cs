// SHA-256, FIPS 180-4.
using System;

namespace WotId.Crypto;

/// <summary>SHA-256 (32-byte digest).</summary>
public static class Sha256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source) => System.Security.Cryptography.SHA256.HashData(source);

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> (≥ 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, HashSize, nameof(destination));
        System.Security.Cryptography.SHA256.HashData(source, destination);
    }
}
