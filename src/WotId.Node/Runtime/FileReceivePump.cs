// The receiver's half of /wotid/file/5.0.0 after RESUME (docs/files.md "Wire format", "Resume", "Throughput"): CHUNK
// frames for chunks start, start+1, … are checked (length and final flag as the layout expects, then the AEAD with the
// index and the flag), written to the partial file (the final chunk's plaintext ends with the sender's whole-file
// BLAKE3-256, which is returned, not written), and made durable in batches (every durableEveryBytes or durableEveryTime,
// whichever comes first, and after the final chunk): flush to disk (fsync) first, then the durable callback (the offset
// in SQLite, then an ACK). So the offset in SQLite never names bytes that a crash could lose. Nothing unauthenticated
// is ever written.
// Two stages (docs/files.md "Throughput"): this loop reads each frame into a block buffer, straight behind the
// previous chunk's plaintext, and opens it in place there; a full block (about BlockBytes: several chunks, one
// write) or the end of a batch goes, through a bounded channel, to the write stage (FileReceiveWriter), which appends
// the block to the receiver's BLAKE3-256 while the block is written, then at a batch's end fsyncs and calls the durable
// callback, in order. Blocks are 4 KiB-aligned, so on Linux the partial file is written unbuffered (PartialFileSink).
// The AEGIS-256 open and the BLAKE3 update run on LowPriorityWork's lowered-priority threads, so that chat and the rest
// of the node get a core before the transfer does (docs/files.md "Chat during a transfer").
// Memory is Blocks blocks whatever the file size.
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Reads, verifies and stores the CHUNK frames of a file.</summary>
internal static class FileReceivePump
{
    /// <summary>The bytes of file data a block holds at most (whole chunks, at least one).</summary>
    internal const int BlockBytes = 1024 * 1024;

    /// <summary>Blocks per stream: one being filled, the rest queued for or in the write stage.</summary>
    internal const int Blocks = 4;

    /// <summary>
    /// Receives chunks <paramref name="startChunk"/>…last into <paramref name="partial"/> (positioned at their offset),
    /// appending the plaintext to <paramref name="hash"/> when given; <paramref name="durable"/> is called with the
    /// number of chunks durable on disk after each batch of about <paramref name="durableEveryBytes"/> bytes and after
    /// the final chunk. Returns, once the final chunk is durable, the whole-file BLAKE3-256 the sender put at the end of
    /// the final chunk (authenticated with it; the caller compares it with its own hash of the file).
    /// </summary>
    /// <exception cref="FileTransferException">
    /// <see cref="FileTransferError.Truncated"/>, <see cref="FileTransferError.Malformed"/>,
    /// <see cref="FileTransferError.Authentication"/>, <see cref="FileTransferError.WriteFailed"/> or
    /// <see cref="FileTransferError.DiskFull"/>.
    /// </exception>
    internal static Task<byte[]> ReceiveAsync(Stream stream, Stream partial, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        FileContentHash? hash, int durableEveryBytes, Func<long, CancellationToken, ValueTask> durable, CancellationToken cancellationToken) =>
        ReceiveAsync(stream, partial, cipher, layout, startChunk, hash, durableEveryBytes, Timeout.InfiniteTimeSpan, TimeProvider.System, durable, cancellationToken);

    /// <summary>
    /// As the overload above, and a batch also ends once <paramref name="durableEveryTime"/> has passed since the last
    /// one (measured with <paramref name="time"/>; <see cref="Timeout.InfiniteTimeSpan"/> for no time bound).
    /// </summary>
    internal static async Task<byte[]> ReceiveAsync(Stream stream, Stream partial, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        FileContentHash? hash, int durableEveryBytes, TimeSpan durableEveryTime, TimeProvider time, Func<long, CancellationToken, ValueTask> durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(durable);
        int chunksPerBlock = Math.Max(1, BlockBytes / layout.ChunkSize);
        int capacity = chunksPerBlock * layout.ChunkSize + FileProtocol.DigestLength + FileChunkCipher.TagLength;
        var sink = new PartialFileSink(partial, tryDirect: layout.ChunkSize % DirectIo.Alignment == 0);
        var free = Channel.CreateBounded<Memory<byte>>(new BoundedChannelOptions(Blocks) { SingleReader = true, SingleWriter = true });
        var filled = Channel.CreateBounded<FileReceiveWriter.Block>(new BoundedChannelOptions(Blocks) { SingleReader = true, SingleWriter = true });
        Memory<byte>[] blocks = new Memory<byte>[Blocks];
        for (int k = 0; k < blocks.Length; k++)
        {
            blocks[k] = AlignedBlock(capacity);
            free.Writer.TryWrite(blocks[k]);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = new FileReceiveWriter(sink, hash, durable, filled.Reader, free.Writer);
        Task writing = Task.Run(() => writer.RunAsync(stop), CancellationToken.None);
        byte[] header = new byte[FileFrameCodec.ChunkHeaderLength];
        byte[] digest = new byte[FileProtocol.DigestLength];
        try
        {
            Memory<byte> block = Memory<byte>.Empty;
            int used = 0; // file bytes in block
            int count = 0; // chunks in block
            long pending = 0; // file bytes since the last batch
            long batchStart = time.GetTimestamp();
            for (long i = startChunk; i < layout.ChunkCount; i++)
            {
                if (count == 0)
                {
                    block = await free.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                    used = 0;
                }

                await ReadAsync(stream, header, stop.Token).ConfigureAwait(false);
                (bool final, int sealedLength) = FileFrameCodec.ReadChunkHeader(header, layout.ChunkSize);
                int length = layout.Length(i);
                int plainLength = final ? length + FileProtocol.DigestLength : length;
                if (final != layout.IsFinal(i) || sealedLength != plainLength + FileChunkCipher.TagLength)
                {
                    throw new FileTransferException(FileTransferError.Authentication, $"chunk {i} has the wrong length or final flag");
                }

                // The frame lands right after the previous chunk's plaintext (its tag there is overwritten).
                Memory<byte> chunk = block.Slice(used, sealedLength);
                await ReadAsync(stream, chunk, stop.Token).ConfigureAwait(false);
                if (!await LowPriorityWork.RunAsync(static o => o.Cipher.TryOpenInPlace(o.Index, o.Final, o.Chunk.Span), new ChunkOpen(cipher, i, final, chunk), stop.Token)
                        .ConfigureAwait(false))
                {
                    throw new FileTransferException(FileTransferError.Authentication, $"chunk {i} does not authenticate");
                }

                if (final)
                {
                    chunk.Span.Slice(length, FileProtocol.DigestLength).CopyTo(digest);
                }

                used += length;
                pending += length;
                bool batchEnds = final || pending >= durableEveryBytes
                    || (durableEveryTime != Timeout.InfiniteTimeSpan && time.GetElapsedTime(batchStart) >= durableEveryTime);
                if (batchEnds || ++count == chunksPerBlock)
                {
                    await filled.Writer.WriteAsync(new FileReceiveWriter.Block(block, used, batchEnds ? i + 1 : -1), stop.Token).ConfigureAwait(false);
                    count = 0;
                    if (batchEnds)
                    {
                        pending = 0;
                        batchStart = time.GetTimestamp();
                    }
                }
            }

            filled.Writer.Complete();
            await writing.ConfigureAwait(false);
            return digest;
        }
        catch (OperationCanceledException) when (writing.IsFaulted || (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            await writing.ConfigureAwait(false); // the write stage failed and stopped this loop: its exception
            throw;
        }
        finally
        {
            filled.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // never left running past the call
            sink.Finish();
            foreach (Memory<byte> b in blocks)
            {
                CryptographicOperations.ZeroMemory(b.Span);
            }
        }
    }

    /// <summary>A pinned buffer of <paramref name="length"/> bytes whose address is a multiple of <see cref="DirectIo.Alignment"/>.</summary>
    internal static Memory<byte> AlignedBlock(int length)
    {
        byte[] array = GC.AllocateUninitializedArray<byte>(length + DirectIo.Alignment, pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0).ToInt64();
        int skip = (int)((DirectIo.Alignment - (address % DirectIo.Alignment)) % DirectIo.Alignment);
        return array.AsMemory(skip, length);
    }

    private static async Task ReadAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new FileTransferException(FileTransferError.Truncated, "the stream ended before the final chunk", e);
        }
    }

    /// <summary>One chunk's AEGIS-256 open for <see cref="LowPriorityWork"/>.</summary>
    private readonly record struct ChunkOpen(FileChunkCipher Cipher, long Index, bool Final, Memory<byte> Chunk);
}
