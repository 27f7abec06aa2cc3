// BLAKE2b with a 32-byte digest, RFC 7693 (unkeyed). Through NSec/libsodium.
using System;

namespace WotId.Crypto;

/// <summary>BLAKE2b-256 (IOTA transaction digests and addresses).</summary>
public static class Blake2b256
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source) => NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(source);

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> (≥ 32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ThrowHelper.CheckDestination(destination, HashSize, nameof(destination));
        NSec.Cryptography.HashAlgorithm.Blake2b_256.Hash(source, destination[..HashSize]);
    }
}
