// The sender's half of /wotid/file/5.0.0 after RESUME (docs/files.md "Wire format"): chunks start.. of the source,
// each read, appended to the whole-file BLAKE3-256, sealed and written as one CHUNK frame; the final chunk's plaintext
// ends with that BLAKE3-256, so the hash is authenticated by the file AEAD and never needs a pass of its own before the
// offer. A stream that starts after chunk 0 hashes the source's prefix first (read once more), unless the digest is
// already known from an earlier stream that reached the final chunk.
// Two stages run at once (docs/files.md "Throughput"): a producer reads a group of chunks (about
// GroupBytes, whole chunks, at least one) with one read into its source block, appends the block to the hash with one
// update, and seals each chunk from there straight into its frame in a group buffer (AEGIS-256 writes its output
// anyway, so sealing out of place costs no extra pass), while the caller's flow writes the previous group to the
// stream with one write, where Yamux and Noise encrypt and send it. Grouping is invisible on the wire (the frames are
// the same, back to back); it cuts the read calls, hash updates, stream writes and hand-overs to one per group, and the
// Yamux frames per chunk from five to about four and a quarter. They hand over GroupBuffers group buffers through
// bounded channels, so memory stays at the source block and that many groups whatever the file size; back-pressure is
// the stream's (Yamux send window: WriteAsync waits while the receiver has not consumed, and the producer waits for a
// free buffer).
// The producer's synchronous work (read, hash, seal) runs on LowPriorityWork's lowered-priority threads, so that chat
// and the rest of the node get a core before the transfer does (docs/files.md "Chat during a transfer").
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
    /// <summary>The file bytes a group holds at most (whole chunks, at least one): one read, one hash update, one stream write.</summary>
    internal const int GroupBytes = 1024 * 1024;

    /// <summary>Group buffers in flight between the producer and the writer (one being filled, one queued, one being written).</summary>
    internal const int GroupBuffers = 3;

    /// <summary>
    /// Writes chunks <paramref name="startChunk"/>…last of <paramref name="source"/> (positioned anywhere; it is
    /// seeked) to <paramref name="stream"/>; the final chunk carries <paramref name="knownDigest"/>, or the BLAKE3-256 of
    /// the source as read. <paramref name="digestReady"/> gets that digest before the final frame is written (so the
    /// caller can record it before any receipt can name it); <paramref name="sent"/> the chunk count written so far
    /// (after each group). Returns the digest sent.
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

        int chunksPerGroup = Math.Max(1, GroupBytes / layout.ChunkSize);
        int blockCapacity = (chunksPerGroup * layout.ChunkSize) + FileProtocol.DigestLength;
        int groupCapacity = (chunksPerGroup * (FileFrameCodec.ChunkHeaderLength + layout.ChunkSize + FileChunkCipher.TagLength)) + FileProtocol.DigestLength;
        var free = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(GroupBuffers) { SingleReader = true, SingleWriter = true });
        var filled = Channel.CreateBounded<Group>(new BoundedChannelOptions(GroupBuffers) { SingleReader = true, SingleWriter = true });
        byte[] block = ArrayPool<byte>.Shared.Rent(blockCapacity);
        byte[][] buffers = new byte[GroupBuffers][];
        for (int k = 0; k < buffers.Length; k++)
        {
            buffers[k] = ArrayPool<byte>.Shared.Rent(groupCapacity);
            free.Writer.TryWrite(buffers[k]);
        }

        using FileContentHash? hash = knownDigest is null ? new FileContentHash() : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<byte[]>? produce = null;
        try
        {
            if (hash is not null && startChunk > 0)
            {
                await HashPrefixAsync(source, Math.Min(layout.Size, startChunk * layout.ChunkSize), hash, block.AsMemory(0, chunksPerGroup * layout.ChunkSize), cancellationToken)
                    .ConfigureAwait(false);
            }

            if (startChunk < layout.ChunkCount)
            {
                source.Seek(layout.Offset(startChunk), SeekOrigin.Begin);
            }

            var producer = new Producer(source, cipher, layout, chunksPerGroup, block, hash, knownDigest, digestReady, free.Reader, filled.Writer);
            produce = Task.Run(() => producer.RunAsync(startChunk, stop.Token), CancellationToken.None);
            await foreach (Group g in filled.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.WriteAsync(g.Buffer.AsMemory(0, g.Length), cancellationToken).ConfigureAwait(false);
                sent?.Invoke(g.LastIndex + 1);
                free.Writer.TryWrite(g.Buffer);
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

            CryptographicOperations.ZeroMemory(block.AsSpan(0, blockCapacity)); // the source's plaintext
            ArrayPool<byte>.Shared.Return(block);
            foreach (byte[] b in buffers)
            {
                ArrayPool<byte>.Shared.Return(b); // sealed frames only
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
            await FileHashing.AppendAsync(hash, part).ConfigureAwait(false);
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

    /// <summary>Sealed CHUNK frames (header ‖ ciphertext ‖ tag, back to back) up to chunk <see cref="LastIndex"/> in <see cref="Buffer"/>.</summary>
    private readonly record struct Group(byte[] Buffer, int Length, long LastIndex);

    /// <summary>
    /// The read, hash and seal stage; it owns the source, the source block and the hash while it runs. Each group's
    /// synchronous work (read, hash, seal) runs on a lowered-priority thread (<see cref="LowPriorityWork"/>), so chat
    /// and the rest of the node get a core first; the waits and the callbacks stay here.
    /// </summary>
    private sealed class Producer(Stream source, FileChunkCipher cipher, FileChunkLayout layout, int chunksPerGroup, byte[] block, FileContentHash? hash,
        byte[]? knownDigest, Action<byte[]>? digestReady, ChannelReader<byte[]> free, ChannelWriter<Group> filled)
    {
        private byte[] _digest = knownDigest ?? [];

        /// <summary>Fills groups for chunks <paramref name="startChunk"/>…last; returns the digest sealed into the final one.</summary>
        internal async Task<byte[]> RunAsync(long startChunk, CancellationToken cancellationToken)
        {
            try
            {
                for (long first = startChunk; first < layout.ChunkCount;)
                {
                    long last = Math.Min(layout.ChunkCount, first + chunksPerGroup) - 1;
                    byte[] group = await free.ReadAsync(cancellationToken).ConfigureAwait(false);
                    int length = await LowPriorityWork.RunAsync(static f => f.Producer.Fill(f.First, f.Last, f.Group), new GroupFill(this, first, last, group), cancellationToken)
                        .ConfigureAwait(false);
                    if (layout.IsFinal(last))
                    {
                        digestReady?.Invoke(_digest); // before the final frame can be written
                    }

                    await filled.WriteAsync(new Group(group, length, last), cancellationToken).ConfigureAwait(false);
                    first = last + 1;
                }

                filled.Complete();
                return _digest;
            }
            catch (Exception e)
            {
                filled.TryComplete(e); // the writer's loop ends with the same exception
                throw;
            }
        }

        /// <summary>Reads chunks <paramref name="first"/>…<paramref name="last"/>, hashes them and seals them into <paramref name="group"/>; returns the bytes written there.</summary>
        private int Fill(long first, long last, byte[] group)
        {
            int bytes = (int)(layout.Offset(last) - layout.Offset(first)) + layout.Length(last);
            try
            {
                source.ReadExactly(block.AsSpan(0, bytes));
            }
            catch (EndOfStreamException e)
            {
                throw new FileTransferException(FileTransferError.SourceChanged, "the source file became shorter", e);
            }

            hash?.Append(block.AsSpan(0, bytes));
            int at = 0; // in group
            int from = 0; // in block
            for (long i = first; i <= last; i++)
            {
                int plainLength = layout.Length(i);
                bool final = layout.IsFinal(i);
                if (final)
                {
                    _digest = hash?.GetHashAndReset() ?? _digest;
                    _digest.CopyTo(block.AsSpan(from + plainLength)); // the final chunk's plaintext: its bytes ‖ the digest
                    plainLength += FileProtocol.DigestLength;
                }

                int sealedLength = plainLength + FileChunkCipher.TagLength;
                FileFrameCodec.WriteChunkHeader(final, sealedLength, group.AsSpan(at));
                at += FileFrameCodec.ChunkHeaderLength;
                cipher.Seal(i, final, block.AsSpan(from, plainLength), group.AsSpan(at, sealedLength));
                at += sealedLength;
                from += layout.ChunkSize;
            }

            return at;
        }
    }

    /// <summary>One group's work item for <see cref="LowPriorityWork"/>.</summary>
    private readonly record struct GroupFill(Producer Producer, long First, long Last, byte[] Group);
}
