// The sender's half of /wotid/file/1.0.0 after RESUME (docs/files.md "Wire format"): chunks start.. of the source,
// each read, sealed and written as one CHUNK frame. Memory is two buffers of one chunk whatever the file size;
// back-pressure is the stream's (Yamux send window: WriteAsync waits while the receiver has not consumed).
using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Writes the CHUNK frames of a file.</summary>
internal static class FileSendPump
{
    /// <summary>
    /// Writes chunks <paramref name="startChunk"/>…last of <paramref name="source"/> (positioned anywhere; it is
    /// seeked) to <paramref name="stream"/>; <paramref name="sent"/> gets the chunk count written so far.
    /// </summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.SourceChanged"/> when the source is shorter or longer than offered.</exception>
    internal static async Task SendAsync(Stream stream, Stream source, FileChunkCipher cipher, FileChunkLayout layout, long startChunk,
        Action<long>? sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentOutOfRangeException.ThrowIfNegative(startChunk);
        if (source.Length != layout.Size)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file's size changed since the offer");
        }

        byte[] plain = ArrayPool<byte>.Shared.Rent(layout.ChunkSize);
        byte[] frame = ArrayPool<byte>.Shared.Rent(FileFrameCodec.ChunkHeaderLength + layout.ChunkSize + FileChunkCipher.TagLength);
        try
        {
            if (startChunk < layout.ChunkCount)
            {
                source.Seek(layout.Offset(startChunk), SeekOrigin.Begin);
            }

            for (long i = startChunk; i < layout.ChunkCount; i++)
            {
                int length = layout.Length(i);
                await ReadSourceAsync(source, plain.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                bool final = layout.IsFinal(i);
                int sealedLength = length + FileChunkCipher.TagLength;
                FileFrameCodec.WriteChunkHeader(final, sealedLength, frame);
                cipher.Seal(i, final, plain.AsSpan(0, length), frame.AsSpan(FileFrameCodec.ChunkHeaderLength, sealedLength));
                await stream.WriteAsync(frame.AsMemory(0, FileFrameCodec.ChunkHeaderLength + sealedLength), cancellationToken).ConfigureAwait(false);
                sent?.Invoke(i + 1);
            }

            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plain.AsSpan(0, layout.ChunkSize));
            ArrayPool<byte>.Shared.Return(plain);
            ArrayPool<byte>.Shared.Return(frame);
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
