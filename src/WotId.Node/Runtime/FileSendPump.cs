// The sender's half of /wotid/file/4.0.0 after RESUME (docs/files.md "Wire format"): chunks start.. of the source,
// each read, appended to the whole-file BLAKE3-256, sealed and written as one CHUNK frame; the final chunk's plaintext
// ends with that BLAKE3-256, so the hash is authenticated by the file AEAD and never needs a pass of its own before the
// offer. A stream that starts after chunk 0 hashes the source's prefix first (read once more), unless the digest is
// already known from an earlier stream that reached the final chunk.
// Two stages run at once (docs/files.md "Throughput"): a producer on a pool thread reads, hashes and seals chunk i+1
// (in place, straight into its frame buffer) while the caller's flow writes chunk i to the stream, where Yamux and
// Noise encrypt and send it. They hand over FrameBuffers frame buffers through bounded channels, so memory stays at
// that many chunks whatever the file size; back-pressure is the stream's (Yamux send window: WriteAsync waits while
// the receiver has not consumed, and the producer waits for a free buffer).
using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Writes the CHUNK frames of a file.</summary>
internal static class FileSendPump
{
    /// <summary>Frame buffers in flight between the producer and the writer (one being filled, one queued, one being written).</summary>
    internal const int FrameBuffers = 3;

    /// <summary>
    /// Writes chunks <paramref name="startChunk"/>…last of <paramref name="source"/> (positioned anywhere; it is
    /// seeked) to <paramref name="stream"/>; the final chunk carries <paramref name="knownDigest"/>, or the BLAKE3-256 of
    /// the source as read. <paramref name="digestReady"/> gets that digest before the final frame is written (so the
    /// caller can record it before any receipt can name it); <paramref name="sent"/> the chunk count written so far.
    /// Returns the digest sent.
    /// </summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.SourceChanged"/> when the source is shorter or longer than offered.</exception>
    internal static async Task<byte[]> SendAsync(Stream stream, Stream source, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        byte[]? knownDigest, Action<byte[]>? digestReady, Action<long>? sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentOutOfRangeException.ThrowIfNegative(startChunk);
        if (knownDigest is not null && knownDigest.Length != FileProtocol.DigestLength)
        {
            throw new ArgumentException("a BLAKE3-256 digest has 32 bytes", nameof(knownDigest));
        }

        if (source.Length != layout.Size)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file's size changed since the offer");
        }

        int frameCapacity = FileFrameCodec.ChunkHeaderLength + layout.ChunkSize + FileProtocol.DigestLength + FileChunkCipher.TagLength;
        var free = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(FrameBuffers) { SingleReader = true, SingleWriter = true });
        var filled = Channel.CreateBounded<Frame>(new BoundedChannelOptions(FrameBuffers) { SingleReader = true, SingleWriter = true });
        byte[][] buffers = new byte[FrameBuffers][];
        for (int k = 0; k < buffers.Length; k++)
        {
            buffers[k] = ArrayPool<byte>.Shared.Rent(frameCapacity);
            free.Writer.TryWrite(buffers[k]);
        }

        using FileContentHash? hash = knownDigest is null ? new FileContentHash() : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<byte[]>? produce = null;
        try
        {
            if (hash is not null && startChunk > 0)
            {
                await HashPrefixAsync(source, Math.Min(layout.Size, startChunk * layout.ChunkSize), hash, buffers[0].AsMemory(0, layout.ChunkSize), cancellationToken)
                    .ConfigureAwait(false);
            }

            if (startChunk < layout.ChunkCount)
            {
                source.Seek(layout.Offset(startChunk), SeekOrigin.Begin);
            }

            var producer = new Producer(source, cipher, layout, hash, knownDigest, digestReady, free.Reader, filled.Writer);
            produce = Task.Run(() => producer.RunAsync(startChunk, stop.Token), CancellationToken.None);
            await foreach (Frame f in filled.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.WriteAsync(f.Buffer.AsMemory(0, f.Length), cancellationToken).ConfigureAwait(false);
                sent?.Invoke(f.Index + 1);
                free.Writer.TryWrite(f.Buffer);
            }

            byte[] digest = await produce.ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return digest;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (produce is not null)
            {
                await ((Task)produce).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // never left running past the call
            }

            foreach (byte[] b in buffers)
            {
                CryptographicOperations.ZeroMemory(b.AsSpan(0, frameCapacity)); // a chunk read but not yet sealed is plaintext
                ArrayPool<byte>.Shared.Return(b);
            }
        }
    }

    /// <summary>Appends the first <paramref name="bytes"/> bytes of the source to <paramref name="hash"/> (a resumed stream).</summary>
    private static async Task HashPrefixAsync(Stream source, long bytes, FileContentHash hash, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        source.Seek(0, SeekOrigin.Begin);
        for (long left = bytes; left > 0;)
        {
            Memory<byte> part = buffer[..(int)Math.Min(buffer.Length, left)];
            await ReadSourceAsync(source, part, cancellationToken).ConfigureAwait(false);
            hash.Append(part.Span);
            left -= part.Length;
        }
    }

    private static async Task ReadSourceAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await source.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file became shorter", e);
        }
    }

    /// <summary>One sealed CHUNK frame (header ‖ ciphertext ‖ tag) in <see cref="Buffer"/>.</summary>
    private readonly record struct Frame(byte[] Buffer, int Length, long Index);

    /// <summary>The read, hash and seal stage; it owns the source and the hash while it runs.</summary>
    private sealed class Producer(Stream source, FileChunkCipher cipher, FileChunkLayout layout, FileContentHash? hash, byte[]? knownDigest,
        Action<byte[]>? digestReady, ChannelReader<byte[]> free, ChannelWriter<Frame> filled)
    {
        /// <summary>Fills frames for chunks <paramref name="startChunk"/>…last; returns the digest sealed into the final one.</summary>
        internal async Task<byte[]> RunAsync(long startChunk, CancellationToken cancellationToken)
        {
            try
            {
                byte[] digest = knownDigest ?? [];
                for (long i = startChunk; i < layout.ChunkCount; i++)
                {
                    byte[] frame = await free.ReadAsync(cancellationToken).ConfigureAwait(false);
                    int length = layout.Length(i);
                    Memory<byte> body = frame.AsMemory(FileFrameCodec.ChunkHeaderLength);
                    await ReadSourceAsync(source, body[..length], cancellationToken).ConfigureAwait(false);
                    hash?.Append(body.Span[..length]);
                    bool final = layout.IsFinal(i);
                    int plainLength = length;
                    if (final)
                    {
                        digest = hash?.GetHashAndReset() ?? digest;
                        digest.CopyTo(body.Span[length..]);
                        plainLength += FileProtocol.DigestLength;
                        digestReady?.Invoke(digest);
                    }

                    int sealedLength = plainLength + FileChunkCipher.TagLength;
                    FileFrameCodec.WriteChunkHeader(final, sealedLength, frame);
                    cipher.SealInPlace(i, final, body.Span[..sealedLength]);
                    await filled.WriteAsync(new Frame(frame, FileFrameCodec.ChunkHeaderLength + sealedLength, i), cancellationToken).ConfigureAwait(false);
                }

                filled.Complete();
                return digest;
            }
            catch (Exception e)
            {
                filled.TryComplete(e); // the writer's loop ends with the same exception
                throw;
            }
        }
    }
}
