// BLAKE3 in its default hash mode with a 256-bit output (BLAKE3 specification, O'Connor, Aumasson, Neves,
// Wilcox-O'Hearn, 2020, §2.1, §5.1: no key, no derive-key context), one-shot or incremental. Through the `Blake3`
// package 1.1.0, which wraps the reference Rust implementation (AVX-512/AVX2/SSE4.1 chosen at run time); checked against @noble/hashes (Node tests,
// FileContentHashInteropTests) and the reference vectors. Used for the whole-file hash of /wotid/file/ (since 4.0.0).
using System;

namespace WotId.Crypto;

/// <summary>BLAKE3-256: an incremental hash state, and a one-shot <see cref="Hash(ReadOnlySpan{byte})"/>.</summary>
public sealed class Blake3Hash : IDisposable
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 32;

    private readonly Blake3.Hasher _hasher = Blake3.Hasher.New();

    /// <summary>Appends <paramref name="data"/> to the input; updates of any size give the digest of their concatenation.</summary>
    public void Append(ReadOnlySpan<byte> data) => _hasher.Update(data);

    /// <summary>The digest of everything appended since the last reset; the state starts over.</summary>
    public byte[] GetHashAndReset()
    {
        byte[] digest = new byte[HashSize];
        _hasher.Finalize(digest);
        _hasher.Reset();
        return digest;
    }

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> source)
    {
        byte[] digest = new byte[HashSize];
        Blake3.Hasher.Hash(source, digest);
        return digest;
    }

    /// <inheritdoc />
    public void Dispose() => _hasher.Dispose();

    /// <inheritdoc />
    public override string ToString() => "Blake3Hash";
}
