// Stream level (docs/files.md "Wire format"): the sender's CHUNK frames, captured, then tampered with, reordered,
// truncated or relabelled before the receiver reads them. Nothing unauthentic reaches the partial file.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Files;

public sealed class FileStreamPumpTests
{
    private const int ChunkSize = 1024;
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_salt = RandomNumberGenerator.GetBytes(16);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(5000)]
    public async Task ChunksRoundTripAndTheFinalChunkCarriesTheWholeFileHash(int size)
    {
        byte[] file = RandomNumberGenerator.GetBytes(size);
        byte[]? recorded = null;
        byte[] wire = await SendAsync(file, 0, digestReady: d => recorded = d);
        (byte[] received, List<long> durable, byte[] hash, byte[] claimed) = await ReceiveAsync(wire, size, 0);
        Assert.Equal(file, received);
        Assert.Equal(FileContentHash.Hash(file), hash);
        Assert.Equal(FileContentHash.Hash(file), claimed);
        Assert.Equal(FileContentHash.Hash(file), recorded);
        Assert.Equal(new FileChunkLayout(size, ChunkSize).ChunkCount, durable[^1]);
    }

    [Fact]
    public async Task ResumedStreamStartsAtTheRequestedChunkAndTheSenderHashesThePrefixFirst()
    {
        byte[] file = RandomNumberGenerator.GetBytes(5000);
        byte[] wire = await SendAsync(file, 3);
        (byte[] received, _, _, byte[] claimed) = await ReceiveAsync(wire, file.Length, 3);
        Assert.Equal(file.AsSpan(3 * ChunkSize).ToArray(), received);
        Assert.Equal(FileContentHash.Hash(file), claimed);
    }

    [Fact]
    public async Task KnownDigestIsSentAsItIsWithoutHashing()
    {
        byte[] file = RandomNumberGenerator.GetBytes(3000);
        byte[] known = RandomNumberGenerator.GetBytes(32);
        byte[] wire = await SendAsync(file, 1, known: known);
        (byte[] received, _, _, byte[] claimed) = await ReceiveAsync(wire, file.Length, 1);
        Assert.Equal(file.AsSpan(ChunkSize).ToArray(), received);
        Assert.Equal(known, claimed);
    }

    [Fact]
    public async Task FinalChunkWithoutItsDigestIsRejected()
    {
        // A 1.0.0-style final chunk (file bytes and tag only) has the wrong length since 2.0.0.
        byte[] file = RandomNumberGenerator.GetBytes(1500);
        List<byte[]> frames = Frames(await SendAsync(file, 0));
        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        byte[] shortFinal = new byte[FileFrameCodec.ChunkHeaderLength + 476 + FileChunkCipher.TagLength];
        FileFrameCodec.WriteChunkHeader(final: true, 476 + FileChunkCipher.TagLength, shortFinal);
        cipher.Seal(1, final: true, file.AsSpan(1024), shortFinal.AsSpan(FileFrameCodec.ChunkHeaderLength));
        frames[1] = shortFinal;
        Assert.Equal(FileTransferError.Authentication, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0))).Error);
    }

    [Fact]
    public async Task TamperedChunkIsRejectedBeforeItIsWritten()
    {
        byte[] file = RandomNumberGenerator.GetBytes(3000);
        List<byte[]> frames = Frames(await SendAsync(file, 0));
        frames[1][100] ^= 0x40;
        FileTransferException e = await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0));
        Assert.Equal(FileTransferError.Authentication, e.Error);
    }

    [Fact]
    public async Task ReorderedChunksAreRejected()
    {
        byte[] file = RandomNumberGenerator.GetBytes(4096);
        List<byte[]> frames = Frames(await SendAsync(file, 0));
        (frames[1], frames[2]) = (frames[2], frames[1]);
        Assert.Equal(FileTransferError.Authentication, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0))).Error);
    }

    [Fact]
    public async Task DroppedChunkIsRejected()
    {
        byte[] file = RandomNumberGenerator.GetBytes(4096);
        List<byte[]> frames = Frames(await SendAsync(file, 0));
        frames.RemoveAt(1);
        Assert.Equal(FileTransferError.Authentication, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0))).Error);
    }

    [Fact]
    public async Task TruncatedStreamIsReportedAsTruncated()
    {
        byte[] file = RandomNumberGenerator.GetBytes(4096);
        byte[] wire = await SendAsync(file, 0);
        Assert.Equal(FileTransferError.Truncated, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(wire[..^10], file.Length, 0))).Error);
        List<byte[]> frames = Frames(wire);
        frames.RemoveAt(frames.Count - 1);
        Assert.Equal(FileTransferError.Truncated, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0))).Error);
    }

    [Fact]
    public async Task EarlierChunkRelabelledFinalIsRejected()
    {
        byte[] file = RandomNumberGenerator.GetBytes(2048);
        List<byte[]> frames = Frames(await SendAsync(file, 0));
        frames[0][0] = FileFrameCodec.FinalFlag;
        Assert.Equal(FileTransferError.Authentication, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(frames), file.Length, 0))).Error);
    }

    [Fact]
    public async Task ChunkOfAnotherFileIsRejected()
    {
        byte[] file = RandomNumberGenerator.GetBytes(2048);
        List<byte[]> mine = Frames(await SendAsync(file, 0));
        List<byte[]> other = Frames(await SendAsync(file, 0, "other-file"));
        mine[1] = other[1];
        Assert.Equal(FileTransferError.Authentication, (await Assert.ThrowsAsync<FileTransferException>(() => ReceiveAsync(Join(mine), file.Length, 0))).Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnyDamagedStreamIsRefusedAndOnlyAnAuthenticPrefixIsWritten(int seed)
    {
        var random = new Random(seed);
        byte[] file = RandomNumberGenerator.GetBytes(5000);
        byte[] wire = await SendAsync(file, 0);
        for (int i = 0; i < 300; i++)
        {
            byte[] damaged = (byte[])wire.Clone();
            switch (random.Next(3))
            {
                case 0:
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    damaged = damaged[..random.Next(damaged.Length)];
                    break;
                default:
                    int at = random.Next(damaged.Length);
                    damaged = [.. damaged[..at], .. RandomNumberGenerator.GetBytes(random.Next(1, 40)), .. damaged[at..]];
                    break;
            }

            using var cipher = new FileChunkCipher(s_key, "f", s_salt);
            var partial = new MemoryStream();
            await Assert.ThrowsAsync<FileTransferException>(() => FileReceivePump.ReceiveAsync(new MemoryStream(damaged), partial, cipher,
                new FileChunkLayout(file.Length, ChunkSize), 0, null, 2048, (_, _) => ValueTask.CompletedTask, TestProfiles.Ct));
            byte[] written = partial.ToArray();
            Assert.True(written.Length < file.Length && written.AsSpan().SequenceEqual(file.AsSpan(0, written.Length)), "only authentic chunks are written");
        }
    }

    [Fact]
    public async Task SourceOfAnotherSizeIsRefusedBySender()
    {
        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        FileTransferException e = await Assert.ThrowsAsync<FileTransferException>(() =>
            FileSendPump.SendAsync(new MemoryStream(), new MemoryStream(new byte[10]), cipher, new FileChunkLayout(11, ChunkSize), 0, null, null, null, TestProfiles.Ct));
        Assert.Equal(FileTransferError.SourceChanged, e.Error);
    }

    [Fact]
    public async Task FailedWriteIsReportedAsWriteFailed()
    {
        byte[] file = RandomNumberGenerator.GetBytes(2048);
        byte[] wire = await SendAsync(file, 0);
        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        FileTransferException e = await Assert.ThrowsAsync<FileTransferException>(() => FileReceivePump.ReceiveAsync(new MemoryStream(wire), new FullDisk(),
            cipher, new FileChunkLayout(file.Length, ChunkSize), 0, null, 4096, (_, _) => ValueTask.CompletedTask, TestProfiles.Ct));
        Assert.Equal(FileTransferError.WriteFailed, e.Error);
    }

    [Fact]
    public async Task ResumeNearTheEndOfAFiveGibibyteSparseFileWritesAtItsOffset()
    {
        // Beyond 4 GiB without moving 4 GiB: a sparse source and a sparse partial file, the stream resumed 3 chunks
        // before the end (offsets, seeks, chunk indexes and the final flag all past 2^32).
        using var profiles = new TestProfiles();
        long size = (5L << 30) + 100;
        var layout = new FileChunkLayout(size, FileProtocol.DefaultChunkSize);
        long start = layout.ChunkCount - 3;
        byte[] tail = RandomNumberGenerator.GetBytes((int)(size - layout.Offset(start)));
        string sourcePath = Path.Combine(profiles.Root, "source.bin");
        string partialPath = Path.Combine(profiles.Root, "partial.bin");
        using (var source = new FileStream(sourcePath, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            source.SetLength(size);
            source.Seek(layout.Offset(start), SeekOrigin.Begin);
            source.Write(tail);
        }

        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        var wire = new MemoryStream();
        await using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read))
        {
            // A known digest: hashing the 5 GiB sparse prefix would only make the test slow.
            await FileSendPump.SendAsync(wire, source, cipher, layout, start, new byte[32], null, null, TestProfiles.Ct);
        }

        var durable = new List<long>();
        await using (var partial = new FileStream(partialPath, FileMode.CreateNew, FileAccess.ReadWrite))
        {
            partial.SetLength(layout.Offset(start));
            partial.Seek(0, SeekOrigin.End);
            wire.Position = 0;
            await FileReceivePump.ReceiveAsync(wire, partial, cipher, layout, start, null, 1 << 20, (n, _) =>
            {
                durable.Add(n);
                return ValueTask.CompletedTask;
            }, TestProfiles.Ct);
            Assert.Equal(size, partial.Length);
            partial.Seek(layout.Offset(start), SeekOrigin.Begin);
            byte[] back = new byte[tail.Length];
            await partial.ReadExactlyAsync(back, TestProfiles.Ct);
            Assert.Equal(tail, back);
        }

        Assert.Equal(layout.ChunkCount, Assert.Single(durable));
        Assert.True(layout.Offset(start) > uint.MaxValue);
    }

    private static async Task<byte[]> SendAsync(byte[] file, long start, string id = "f", byte[]? known = null, Action<byte[]>? digestReady = null)
    {
        using var cipher = new FileChunkCipher(s_key, id, s_salt);
        var wire = new MemoryStream();
        await FileSendPump.SendAsync(wire, new MemoryStream(file), cipher, new FileChunkLayout(file.Length, ChunkSize), start, known, digestReady, null, TestProfiles.Ct);
        return wire.ToArray();
    }

    private static async Task<(byte[] Received, List<long> Durable, byte[] Hash, byte[] Claimed)> ReceiveAsync(byte[] wire, int size, long start)
    {
        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        using var hash = new FileContentHash();
        var partial = new MemoryStream();
        var durable = new List<long>();
        byte[] claimed = await FileReceivePump.ReceiveAsync(new MemoryStream(wire), partial, cipher, new FileChunkLayout(size, ChunkSize), start, hash, 2048,
            (n, _) =>
            {
                durable.Add(n);
                return ValueTask.CompletedTask;
            }, TestProfiles.Ct);
        return (partial.ToArray(), durable, hash.GetHashAndReset(), claimed);
    }

    /// <summary>Splits captured CHUNK frames.</summary>
    private static List<byte[]> Frames(byte[] wire)
    {
        var frames = new List<byte[]>();
        for (int at = 0; at < wire.Length;)
        {
            int length = FileFrameCodec.ChunkHeaderLength + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(wire.AsSpan(at + 1, 4));
            frames.Add(wire.AsSpan(at, length).ToArray());
            at += length;
        }

        return frames;
    }

    private static byte[] Join(List<byte[]> frames) => frames.SelectMany(f => f).ToArray();

    /// <summary>A partial file on a full disk.</summary>
    private sealed class FullDisk : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device");
    }
}
