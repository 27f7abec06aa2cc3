// The sender's groups (docs/files.md "Throughput"): FileSendPump reads, hashes and writes about 1 MiB of whole chunks
// at a time, and seals each chunk out of place into its frame. On the wire that is invisible: the bytes are exactly
// the CHUNK frames of docs/files.md "Wire format", sealed one by one, back to back, whatever the chunk size, the
// start chunk of a resumed stream, or where the groups end.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Files;

public sealed class FileSendGroupingTests
{
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_salt = RandomNumberGenerator.GetBytes(16);

    [Theory]
    [InlineData(1024, 2_500_000, 0)] // 1024 chunks per group: three groups, the last one partial
    [InlineData(1024, 2_500_000, 1500)] // a resumed stream starting inside the second group
    [InlineData(300 * 1024, 2_000_001, 0)] // a chunk size that does not divide the group: three chunks per group
    [InlineData(1024 * 1024, 3 * 1024 * 1024, 1)] // the largest chunk size: one chunk per group, a final chunk of a whole chunk size
    [InlineData(4096, 1024 * 1024, 0)] // the file ends exactly at a group's end
    public async Task GroupedFramesAreTheChunkFramesSealedOneByOne(int chunkSize, int size, long start)
    {
        byte[] file = RandomNumberGenerator.GetBytes(size);
        var layout = new FileChunkLayout(size, chunkSize);
        var wire = new MemoryStream();
        using (var cipher = new FileChunkCipher(s_key, "g", s_salt))
        {
            byte[] digest = await FileSendPump.SendAsync(wire, new MemoryStream(file), cipher, layout, start, null, null, null, TestProfiles.Ct);
            Assert.Equal(FileContentHash.Hash(file), digest);
        }

        Assert.Equal(Expected(file, layout, start), wire.ToArray());
    }

    [Fact]
    public async Task SenderWritesOneStreamWritePerGroupOfChunks()
    {
        const int ChunkSize = 64 * 1024;
        byte[] file = RandomNumberGenerator.GetBytes((5 * 1024 * 1024) + 7);
        var layout = new FileChunkLayout(file.Length, ChunkSize);
        var wire = new CountingStream();
        var counts = new List<long>();
        using (var cipher = new FileChunkCipher(s_key, "g", s_salt))
        {
            await FileSendPump.SendAsync(wire, new MemoryStream(file), cipher, layout, 0, null, null, counts.Add, TestProfiles.Ct);
        }

        int perGroup = FileSendPump.GroupBytes / ChunkSize;
        Assert.Equal(81, layout.ChunkCount);
        Assert.Equal(6, wire.Writes); // 16 + 16 + 16 + 16 + 16 + 1 chunks
        Assert.Equal([perGroup, 2 * perGroup, 3 * perGroup, 4 * perGroup, 5 * perGroup, 81], counts);
        Assert.Equal(Expected(file, layout, 0), wire.ToArray());
    }

    /// <summary>The frames of docs/files.md "Wire format", each chunk sealed on its own.</summary>
    private static byte[] Expected(byte[] file, FileChunkLayout layout, long start)
    {
        using var cipher = new FileChunkCipher(s_key, "g", s_salt);
        var expected = new MemoryStream();
        for (long i = start; i < layout.ChunkCount; i++)
        {
            bool final = layout.IsFinal(i);
            byte[] plain = file.AsSpan((int)layout.Offset(i), layout.Length(i)).ToArray();
            if (final)
            {
                plain = [.. plain, .. FileContentHash.Hash(file)];
            }

            byte[] frame = new byte[FileFrameCodec.ChunkHeaderLength + plain.Length + FileChunkCipher.TagLength];
            FileFrameCodec.WriteChunkHeader(final, plain.Length + FileChunkCipher.TagLength, frame);
            cipher.Seal(i, final, plain, frame.AsSpan(FileFrameCodec.ChunkHeaderLength));
            expected.Write(frame);
        }

        return expected.ToArray();
    }

    /// <summary>A stream that counts the writes it is given.</summary>
    private sealed class CountingStream : MemoryStream
    {
        internal int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
