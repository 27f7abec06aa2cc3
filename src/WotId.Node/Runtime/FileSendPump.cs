// The sender's half of /wotid/file/2.0.0 after RESUME (docs/files.md "Wire format"): chunks start.. of the source,
// each read, appended to the whole-file SHA-256, sealed and written as one CHUNK frame; the final chunk's plaintext
// ends with that SHA-256, so the hash is authenticated by the file AEAD and never needs a pass of its own before the
// offer. A stream that starts after chunk 0 hashes the source's prefix first (read once more), unless the digest is
// already known from an earlier stream that reached the final chunk. Memory is two buffers of one chunk whatever the
// file size; back-pressure is the stream's (Yamux send window: WriteAsync waits while the receiver has not consumed).
using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Writes the CHUNK frames of a file.</summary>
internal static class FileSendPump
{
    /// <summary>
    /// Writes chunks <paramref name="startChunk"/>…last of <paramref name="source"/> (positioned anywhere; it is
    /// seeked) to <paramref name="stream"/>; the final chunk carries <paramref name="knownDigest"/>, or the SHA-256 of
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
            throw new ArgumentException("a SHA-256 digest has 32 bytes", nameof(knownDigest));
        }

        if (source.Length != layout.Size)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file's size changed since the offer");
        }

        int plainCapacity = layout.ChunkSize + FileProtocol.DigestLength;
        byte[] plain = ArrayPool<byte>.Shared.Rent(plainCapacity);
        byte[] frame = ArrayPool<byte>.Shared.Rent(FileFrameCodec.ChunkHeaderLength + plainCapacity + FileChunkCipher.TagLength);
        using IncrementalHash? hash = knownDigest is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        try
        {
            if (hash is not null && startChunk > 0)
            {
                await HashPrefixAsync(source, Math.Min(layout.Size, (long)startChunk * layout.ChunkSize), hash, plain.AsMemory(0, layout.ChunkSize), cancellationToken)
                    .ConfigureAwait(false);
            }

            if (startChunk < layout.ChunkCount)
            {
                source.Seek(layout.Offset(startChunk), SeekOrigin.Begin);
            }

            byte[] digest = knownDigest ?? [];
            for (long i = startChunk; i < layout.ChunkCount; i++)
            {
                int length = layout.Length(i);
                await ReadSourceAsync(source, plain.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                hash?.AppendData(plain, 0, length);
                bool final = layout.IsFinal(i);
                int plainLength = length;
                if (final)
                {
                    digest = hash?.GetHashAndReset() ?? digest;
                    digest.CopyTo(plain, length);
                    plainLength += FileProtocol.DigestLength;
                    digestReady?.Invoke(digest);
                }

                int sealedLength = plainLength + FileChunkCipher.TagLength;
                FileFrameCodec.WriteChunkHeader(final, sealedLength, frame);
                cipher.Seal(i, final, plain.AsSpan(0, plainLength), frame.AsSpan(FileFrameCodec.ChunkHeaderLength, sealedLength));
                await stream.WriteAsync(frame.AsMemory(0, FileFrameCodec.ChunkHeaderLength + sealedLength), cancellationToken).ConfigureAwait(false);
                sent?.Invoke(i + 1);
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return digest;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, plainCapacity));
            ArrayPool<byte>.Shared.Return(plain);
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Appends the first <paramref name="bytes"/> bytes of the source to <paramref name="hash"/> (a resumed stream).</summary>
    private static async Task HashPrefixAsync(Stream source, long bytes, IncrementalHash hash, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        source.Seek(0, SeekOrigin.Begin);
        for (long left = bytes; left > 0;)
        {
            Memory<byte> part = buffer[..(int)Math.Min(buffer.Length, left)];
            await ReadSourceAsync(source, part, cancellationToken).ConfigureAwait(false);
            hash.AppendData(part.Span);
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
}
