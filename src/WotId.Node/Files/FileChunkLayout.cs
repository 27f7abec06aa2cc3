// How a file of `size` bytes splits into chunks of `chunkSize` (docs/files.md "Wire format"): chunk i holds bytes
// [i·chunkSize, min(size, (i+1)·chunkSize)); a file always has at least one chunk, so a zero-byte file is one empty
// final chunk. All offsets are 64-bit: sizes up to 2^63 − 1 (no 4 GiB limit anywhere).
using System;

namespace WotId.Node.Files;

/// <summary>The chunk geometry of one file.</summary>
internal readonly record struct FileChunkLayout
{
    internal FileChunkLayout(long size, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (chunkSize is < FileProtocol.MinChunkSize or > FileProtocol.MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize));
        }

        Size = size;
        ChunkSize = chunkSize;
        ChunkCount = size == 0 ? 1 : (size / chunkSize) + (size % chunkSize == 0 ? 0 : 1);
    }

    /// <summary>File size in bytes.</summary>
    internal long Size { get; }

    /// <summary>Plaintext bytes per chunk (the last may be shorter).</summary>
    internal int ChunkSize { get; }

    /// <summary>Number of chunks (at least 1).</summary>
    internal long ChunkCount { get; }

    /// <summary>Byte offset of chunk <paramref name="index"/>.</summary>
    internal long Offset(long index) => CheckIndex(index) * ChunkSize;

    /// <summary>Plaintext length of chunk <paramref name="index"/>.</summary>
    internal int Length(long index) => (int)Math.Min(ChunkSize, Size - Offset(index));

    /// <summary>Whether chunk <paramref name="index"/> is the last.</summary>
    internal bool IsFinal(long index) => CheckIndex(index) == ChunkCount - 1;

    /// <summary>Chunks wholly contained in the first <paramref name="bytes"/> bytes (the resume point of a durable prefix).</summary>
    internal long ChunksWithin(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return bytes >= Size ? (Size == 0 ? 0 : ChunkCount) : bytes / ChunkSize;
    }

    private long CheckIndex(long index) =>
        index >= 0 && index < ChunkCount ? index : throw new ArgumentOutOfRangeException(nameof(index));
}
