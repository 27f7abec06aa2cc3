// SHA3-512, FIPS 202 §6.1 (ML-KEM's G function, FIPS 203 §4.1). Uses the platform (OpenSSL) when it offers
// SHA-3, BouncyCastle otherwise.
using System;
using Org.BouncyCastle.Crypto.Digests;

namespace WotId.Crypto;

/// <summary>SHA3-512 (64-byte digest).</summary>
public static class Sha3_512
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 64;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        var result = new byte[HashSize];
        Hash(source, result);
        return result;
    }

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> (≥ 64 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, HashSize, nameof(destination));
        if (System.Security.Cryptography.SHA3_512.IsSupported)
        {
            System.Security.Cryptography.SHA3_512.HashData(source, destination);
            return;
        }

        var digest = new Sha3Digest(512);
        digest.BlockUpdate(source);
        digest.DoFinal(destination);
    }
}
