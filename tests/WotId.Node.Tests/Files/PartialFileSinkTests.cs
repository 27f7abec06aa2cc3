// The receiver's write path (docs/files.md "Throughput"): block-aligned writes of the partial file go unbuffered
// (O_DIRECT) on Linux where the file system takes it, the unaligned final chunk buffered, and what is read back is what
// was written, at the offsets after the caller's position; the whole pump over a real file with 4 KiB chunks (the
// unbuffered path) stores the file exactly and reports growing durable counts.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Files;

public sealed class PartialFileSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wotid-sink-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AlignedBlocksGoUnbufferedOnLinuxAndTheTailBufferedAfterTheCallersPosition()
    {
        byte[] prefix = RandomNumberGenerator.GetBytes(DirectIo.Alignment);
        byte[] data = RandomNumberGenerator.GetBytes(3 * 2 * DirectIo.Alignment + 100);
        string path = Path.Combine(_dir, "partial");
        await using (FileStream partial = Open(path))
        {
            await partial.WriteAsync(prefix, TestProfiles.Ct);
            var sink = new PartialFileSink(partial, tryDirect: true);
            if (OperatingSystem.IsLinux())
            {
                Assert.SkipUnless(sink.IsDirect, "the file system of the temporary folder refuses O_DIRECT");
            }

            Memory<byte> block = FileReceivePump.AlignedBlock(2 * DirectIo.Alignment);
            for (int k = 0; k < 3; k++)
            {
                data.AsMemory(k * block.Length, block.Length).CopyTo(block);
                await sink.WriteAsync(block, TestProfiles.Ct);
                Assert.Equal(OperatingSystem.IsLinux(), sink.IsDirect);
            }

            data.AsMemory(3 * block.Length).CopyTo(block);
            await sink.WriteAsync(block[..100], TestProfiles.Ct);
            Assert.False(sink.IsDirect);
            sink.Flush();
            sink.Finish();
            Assert.Equal(prefix.Length + data.Length, partial.Position);
        }

        byte[] back = await File.ReadAllBytesAsync(path, TestProfiles.Ct);
        Assert.Equal([.. prefix, .. data], back);
    }

    [Fact]
    public async Task PumpWithPageSizedChunksStoresTheFileExactlyWithGrowingDurableCounts()
    {
        const int chunkSize = 4096;
        byte[] file = RandomNumberGenerator.GetBytes(700 * chunkSize + 17); // several blocks, then an unaligned tail
        var layout = new FileChunkLayout(file.Length, chunkSize);
        byte[] key = RandomNumberGenerator.GetBytes(32);
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        var wire = new MemoryStream();
        using (var cipher = new FileChunkCipher(key, "f", salt))
        {
            await FileSendPump.SendAsync(wire, new MemoryStream(file), cipher, layout, 0, null, null, null, TestProfiles.Ct);
        }

        wire.Position = 0;
        string path = Path.Combine(_dir, "pumped");
        var durable = new List<long>();
        using var hash = new FileContentHash();
        using (var cipher = new FileChunkCipher(key, "f", salt))
        await using (FileStream partial = Open(path))
        {
            byte[] claimed = await FileReceivePump.ReceiveAsync(wire, partial, cipher, layout, 0, hash, 100 * chunkSize, Timeout.InfiniteTimeSpan,
                TimeProvider.System, (n, _) =>
                {
                    long bytes = n >= layout.ChunkCount ? layout.Size : n * chunkSize;
                    Assert.True(new FileInfo(path).Length >= bytes);
                    durable.Add(n);
                    return ValueTask.CompletedTask;
                }, TestProfiles.Ct);
            Assert.Equal(FileContentHash.Hash(file), claimed);
            Assert.Equal(file.Length, partial.Position);
        }

        Assert.Equal(FileContentHash.Hash(file), hash.GetHashAndReset());
        Assert.Equal(file, await File.ReadAllBytesAsync(path, TestProfiles.Ct));
        Assert.Equal(layout.ChunkCount, durable[^1]);
        Assert.True(durable.Count >= 7, "expected a batch about every 100 chunks, got " + string.Join(",", durable));
        for (int i = 1; i < durable.Count; i++)
        {
            Assert.True(durable[i] > durable[i - 1], "counts must grow: " + string.Join(",", durable));
        }
    }

    private static FileStream Open(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.Asynchronous, BufferSize = 0 });
}
