// libp2p/specs perf/perf.md: /perf/1.0.0. The client sends the number of bytes it wants back as an 8-byte
// big-endian unsigned integer, then uploads, then closes its write side; the server drains the upload, then sends
// the requested bytes and closes.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Protocols.Perf;

/// <summary>The libp2p perf protocol, both roles, over any stream with half-close.</summary>
public static class PerfProtocol
{
    /// <summary>The protocol id.</summary>
    public const string ProtocolId = "/perf/1.0.0";

    private const int BlockSize = 64 * 1024;

    /// <summary>
    /// Client: uploads <paramref name="uploadBytes"/>, asks for <paramref name="downloadBytes"/>, and measures both.
    /// <paramref name="completeWrites"/> half-closes the stream (e.g. <c>YamuxStream.CompleteWrites</c>).
    /// </summary>
    /// <exception cref="PerfException">The server sent a different number of bytes than asked for.</exception>
    public static async Task<PerfResult> RunAsync(Stream stream, Action completeWrites, long uploadBytes, long downloadBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(completeWrites);
        ArgumentOutOfRangeException.ThrowIfNegative(uploadBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(downloadBytes);
        byte[] block = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            long start = Stopwatch.GetTimestamp();
            BinaryPrimitives.WriteUInt64BigEndian(block, (ulong)downloadBytes);
            await stream.WriteAsync(block.AsMemory(0, 8), cancellationToken).ConfigureAwait(false);
            Array.Clear(block, 0, BlockSize);
            for (long left = uploadBytes; left > 0;)
            {
                int n = (int)Math.Min(left, BlockSize);
                await stream.WriteAsync(block.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                left -= n;
            }

            completeWrites();
            TimeSpan upload = Stopwatch.GetElapsedTime(start);
            long downloadStart = Stopwatch.GetTimestamp();
            long received = 0;
            int r;
            while ((r = await stream.ReadAsync(block.AsMemory(0, BlockSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                received += r;
                if (received > downloadBytes)
                {
                    throw new PerfException($"perf server sent more than the {downloadBytes} bytes asked for");
                }
            }

            if (received != downloadBytes)
            {
                throw new PerfException($"perf server sent {received} bytes instead of {downloadBytes}");
            }

            return new PerfResult(uploadBytes, downloadBytes, upload, Stopwatch.GetElapsedTime(downloadStart));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Server: reads the size, drains the upload, sends the requested bytes; the caller then half-closes.</summary>
    public static async Task HandleAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] block = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            await stream.ReadExactlyAsync(block.AsMemory(0, 8), cancellationToken).ConfigureAwait(false);
            ulong requested = BinaryPrimitives.ReadUInt64BigEndian(block);
            if (requested > long.MaxValue)
            {
                throw new PerfException("perf client asked for more than 2^63 - 1 bytes");
            }

            while (await stream.ReadAsync(block.AsMemory(0, BlockSize), cancellationToken).ConfigureAwait(false) > 0)
            {
                // Upload bytes are discarded.
            }

            Array.Clear(block, 0, BlockSize);
            for (long left = (long)requested; left > 0;)
            {
                int n = (int)Math.Min(left, BlockSize);
                await stream.WriteAsync(block.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                left -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
