// Durable batches of the receiver (docs/files.md "Resume"): every durableEveryBytes or durableEveryTime, whichever comes
// first, and after the final chunk; the write stage fsyncs at a batch's end while the read stage goes on, and a batch's
// count is reported once its fsync has returned. The counts only grow, end at the chunk count, and never name bytes not
// yet written.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Files;

public sealed class FileReceiveBatchTests : IDisposable
{
    private const int ChunkSize = 1024;
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_salt = RandomNumberGenerator.GetBytes(16);
    private readonly string _dir = Directory.CreateTempSubdirectory("wotid-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task FileBackedBatchesReportOnlyWrittenChunksInOrderAndEndAtTheLast()
    {
        byte[] file = RandomNumberGenerator.GetBytes(20 * ChunkSize + 17);
        var layout = new FileChunkLayout(file.Length, ChunkSize);
        string path = Path.Combine(_dir, "partial");
        var durable = new List<long>();
        using FileChunkCipher cipher = Cipher();
        await using (FileStream partial = Open(path))
        {
            await FileReceivePump.ReceiveAsync(new MemoryStream(await SealAsync(file, layout)), partial, cipher, layout, 0, null, 3 * ChunkSize,
                Timeout.InfiniteTimeSpan, TimeProvider.System, (n, _) =>
                {
                    // What the callback may record is already in the file (seen through another handle).
                    long bytes = n >= layout.ChunkCount ? layout.Size : n * ChunkSize;
                    Assert.True(new FileInfo(path).Length >= bytes);
                    durable.Add(n);
                    return ValueTask.CompletedTask;
                }, TestProfiles.Ct);
        }

        Assert.Equal(file, await File.ReadAllBytesAsync(path, TestProfiles.Ct));
        Assert.Equal(layout.ChunkCount, durable[^1]);
        Assert.True(durable.Count >= 5, "expected a batch about every 3 chunks, got " + string.Join(",", durable));
        for (int i = 1; i < durable.Count; i++)
        {
            Assert.True(durable[i] > durable[i - 1], "counts must grow: " + string.Join(",", durable));
        }
    }

    [Fact]
    public async Task ATimeBoundEndsBatchesLongBeforeTheByteBound()
    {
        byte[] file = RandomNumberGenerator.GetBytes(6 * ChunkSize);
        var layout = new FileChunkLayout(file.Length, ChunkSize);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var wire = new ClockStream(await SealAsync(file, layout), time);
        var durable = new List<long>();
        using FileChunkCipher cipher = Cipher();
        await using (FileStream partial = Open(Path.Combine(_dir, "timed")))
        {
            await FileReceivePump.ReceiveAsync(wire, partial, cipher, layout, 0, null, int.MaxValue, TimeSpan.FromSeconds(1), time, (n, _) =>
            {
                durable.Add(n);
                return ValueTask.CompletedTask;
            }, TestProfiles.Ct);
        }

        // Every chunk's read moves the clock past the bound, so every chunk ends a batch, each reported once its
        // fsync is done.
        Assert.Equal([1, 2, 3, 4, 5, 6], durable);
    }

    private static FileStream Open(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous, BufferSize = 0 });

    private static FileChunkCipher Cipher() => new(s_key, "f", s_salt);

    private static async Task<byte[]> SealAsync(byte[] file, FileChunkLayout layout)
    {
        using FileChunkCipher cipher = Cipher();
        var wire = new MemoryStream();
        await FileSendPump.SendAsync(wire, new MemoryStream(file), cipher, layout, 0, null, null, null, TestProfiles.Ct);
        return wire.ToArray();
    }

    /// <summary>A wire whose every read advances the clock by 1.5 s (a slow sender).</summary>
    private sealed class ClockStream(byte[] bytes, FakeTimeProvider time) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            time.Advance(TimeSpan.FromMilliseconds(1500));
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}
