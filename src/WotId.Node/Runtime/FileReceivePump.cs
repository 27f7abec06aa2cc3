// The receiver's half of /wotid/file/3.0.0 after RESUME (docs/files.md "Wire format", "Resume"): CHUNK frames for
// chunks start, start+1, … are checked (length and final flag as the layout expects, then the AEAD with the index and
// the flag), written to the partial file (the final chunk's plaintext ends with the sender's whole-file SHA-256, which
// is returned, not written), and made durable in batches (every durableEveryBytes or durableEveryTime,
// whichever comes first, and after the final chunk): flush to disk (fsync) first, then the durable callback (the offset
// in SQLite, then an ACK). So the offset in SQLite never names bytes that a crash could lose. Large batches keep the
// fsyncs and SQLite commits few; the time bound keeps a slow transfer's resume point recent. The fsync of a batch runs
// while the next batch is received (at most one at a time): the callback for batch k comes when its fsync has returned,
// which the receiver awaits at the end of batch k+1 (or at the final chunk). An fsync covers every byte written before
// it started, so the count given to the callback is the chunks written when that fsync began. Measured on 1 GiB, the
// fsyncs took 0.8–1.6 s of a 2.4–3.0 s receive loop when they stopped it (docs/benchmarks.md "File transfer").
// Nothing unauthenticated is ever written. Each chunk is opened in place (no second buffer) and written while the next
// one is read and opened (write-behind, one write at a time, awaited before a batch's fsync). Memory is two buffers of
// one chunk whatever the file size.
using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Reads, verifies and stores the CHUNK frames of a file.</summary>
internal static class FileReceivePump
{
    /// <summary>
    /// Receives chunks <paramref name="startChunk"/>…last into <paramref name="partial"/> (positioned at their offset),
    /// appending the plaintext to <paramref name="hash"/> when given; <paramref name="durable"/> is called with the
    /// number of chunks durable on disk after each batch of about <paramref name="durableEveryBytes"/> bytes and after
    /// the final chunk. Returns, once the final chunk is durable, the whole-file SHA-256 the sender put at the end of
    /// the final chunk (authenticated with it; the caller compares it with its own hash of the file).
    /// </summary>
    /// <exception cref="FileTransferException">
    /// <see cref="FileTransferError.Truncated"/>, <see cref="FileTransferError.Malformed"/>,
    /// <see cref="FileTransferError.Authentication"/>, <see cref="FileTransferError.WriteFailed"/> or
    /// <see cref="FileTransferError.DiskFull"/>.
    /// </exception>
    internal static Task<byte[]> ReceiveAsync(Stream stream, Stream partial, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        IncrementalHash? hash, int durableEveryBytes, Func<long, CancellationToken, ValueTask> durable, CancellationToken cancellationToken) =>
        ReceiveAsync(stream, partial, cipher, layout, startChunk, hash, durableEveryBytes, Timeout.InfiniteTimeSpan, TimeProvider.System, durable, cancellationToken);

    /// <summary>
    /// As the overload above, and a batch also ends once <paramref name="durableEveryTime"/> has passed since the last
    /// one (measured with <paramref name="time"/>; <see cref="Timeout.InfiniteTimeSpan"/> for no time bound).
    /// </summary>
    internal static async Task<byte[]> ReceiveAsync(Stream stream, Stream partial, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        IncrementalHash? hash, int durableEveryBytes, TimeSpan durableEveryTime, TimeProvider time, Func<long, CancellationToken, ValueTask> durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(durable);
        byte[] header = new byte[FileFrameCodec.ChunkHeaderLength];
        int sealedCapacity = layout.ChunkSize + FileProtocol.DigestLength + FileChunkCipher.TagLength;
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(sealedCapacity), ArrayPool<byte>.Shared.Rent(sealedCapacity)];
        byte[] digest = new byte[FileProtocol.DigestLength];
        long pending = 0;
        long batchStart = time.GetTimestamp();
        Task writing = Task.CompletedTask; // the write of the previous chunk (from the other buffer), if one is running
        Task? flushing = null; // the fsync of the previous batch, if one is running
        long flushingChunks = 0; // chunks written when it began
        try
        {
            for (long i = startChunk; i < layout.ChunkCount; i++)
            {
                byte[] chunk = buffers[i & 1]; // the other buffer may still be being written
                await ReadAsync(stream, header, cancellationToken).ConfigureAwait(false);
                (bool final, int sealedLength) = FileFrameCodec.ReadChunkHeader(header, layout.ChunkSize);
                int length = layout.Length(i);
                int plainLength = final ? length + FileProtocol.DigestLength : length;
                if (final != layout.IsFinal(i) || sealedLength != plainLength + FileChunkCipher.TagLength)
                {
                    throw new FileTransferException(FileTransferError.Authentication, $"chunk {i} has the wrong length or final flag");
                }

                await ReadAsync(stream, chunk.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
                if (!cipher.TryOpenInPlace(i, final, chunk.AsSpan(0, sealedLength)))
                {
                    throw new FileTransferException(FileTransferError.Authentication, $"chunk {i} does not authenticate");
                }

                if (final)
                {
                    chunk.AsSpan(length, FileProtocol.DigestLength).CopyTo(digest);
                }

                // Write-behind: this chunk's write runs while the next one is read and opened; one write at a time.
                await writing.ConfigureAwait(false);
                writing = WriteAsync(partial, chunk.AsMemory(0, length), cancellationToken);
                hash?.AppendData(chunk, 0, length);
                pending += length;
                if (final || pending >= durableEveryBytes
                    || (durableEveryTime != Timeout.InfiniteTimeSpan && time.GetElapsedTime(batchStart) >= durableEveryTime))
                {
                    Task written = writing;
                    writing = Task.CompletedTask;
                    await written.ConfigureAwait(false); // the batch's fsync must cover this chunk
                    pending = 0;
                    batchStart = time.GetTimestamp();
                    if (flushing is not null)
                    {
                        Task done = flushing;
                        flushing = null;
                        await done.ConfigureAwait(false);
                        await durable(flushingChunks, cancellationToken).ConfigureAwait(false);
                    }

                    if (final)
                    {
                        Sync(partial);
                        await durable(i + 1, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        flushingChunks = i + 1;
                        flushing = SyncInBackground(partial);
                    }
                }
            }

            return digest;
        }
        finally
        {
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // never left running past the call
            if (flushing is not null)
            {
                await flushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            foreach (byte[] b in buffers)
            {
                CryptographicOperations.ZeroMemory(b.AsSpan(0, sealedCapacity));
                ArrayPool<byte>.Shared.Return(b);
            }
        }
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

    private static async Task WriteAsync(Stream partial, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await partial.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be written", e);
        }
    }

    /// <summary>
    /// The fsync of a <see cref="FileStream"/> on a pool thread while the caller goes on writing: the stream's own
    /// buffer, if any, goes to the OS here; the pool thread only calls fsync on the handle, never the stream. Any
    /// other stream is flushed here.
    /// </summary>
    private static Task SyncInBackground(Stream partial)
    {
        if (partial is not FileStream file)
        {
            Sync(partial);
            return Task.CompletedTask;
        }

        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            file.Flush(flushToDisk: false);
            handle = file.SafeFileHandle;
        }
        catch (IOException e)
        {
            throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be flushed", e);
        }

        return Task.Run(() =>
        {
            try
            {
                RandomAccess.FlushToDisk(handle);
            }
            catch (IOException e)
            {
                throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be flushed", e);
            }
        });
    }

    private static void Sync(Stream partial)
    {
        try
        {
            if (partial is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
            else
            {
                partial.Flush();
            }
        }
        catch (IOException e)
        {
            throw new FileTransferException(FileTransferException.WriteError(e), "the partial file could not be flushed", e);
        }
    }
}
