// The /wotid/file/5.0.0 codec (docs/files.md "Wire format", "Chunk encryption"): chunk geometry with 64-bit offsets,
// the chunk AEAD binding file, index and final flag, and the frame bounds.
using System;
using System.Security.Cryptography;
using WotId.Node.Files;

namespace WotId.Node.Tests.Files;

public sealed class FileChunkCodecTests
{
    private static readonly byte[] s_key = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] s_salt = RandomNumberGenerator.GetBytes(16);

    [Fact]
    public void LayoutOfAZeroByteFileIsOneEmptyFinalChunk()
    {
        var layout = new FileChunkLayout(0, 1024);
        Assert.Equal(1, layout.ChunkCount);
        Assert.Equal(0, layout.Length(0));
        Assert.True(layout.IsFinal(0));
        Assert.Equal(0, layout.ChunksWithin(0));
    }

    [Fact]
    public void LayoutAboveFourGibibytesUsesSixtyFourBitOffsets()
    {
        long size = (5L << 30) + 12345; // 5 GiB and a bit: past every 32-bit boundary
        var layout = new FileChunkLayout(size, FileProtocol.DefaultChunkSize);
        Assert.Equal((5L << 30) / FileProtocol.DefaultChunkSize + 1, layout.ChunkCount);
        long last = layout.ChunkCount - 1;
        Assert.Equal(5L << 30, layout.Offset(last));
        Assert.Equal(12345, layout.Length(last));
        Assert.True(layout.IsFinal(last));
        Assert.False(layout.IsFinal(last - 1));
        Assert.Equal(FileProtocol.DefaultChunkSize, layout.Length(last - 1));
        Assert.Equal(last, layout.ChunksWithin(5L << 30));
        Assert.Equal(layout.ChunkCount, layout.ChunksWithin(size));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.Offset(layout.ChunkCount));
    }

    [Theory]
    [InlineData(1023)]
    [InlineData((1 << 20) + 1)]
    public void LayoutRefusesChunkSizesOutsideTheLimits(int chunkSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FileChunkLayout(10, chunkSize));

    [Fact]
    public void SealedChunkOpensOnlyAsItsOwnIndexFileAndFinalFlag()
    {
        byte[] plain = RandomNumberGenerator.GetBytes(100);
        byte[] sealedChunk = new byte[100 + 32];
        using var cipher = new FileChunkCipher(s_key, "file-1", s_salt);
        cipher.Seal(7, final: false, plain, sealedChunk);
        byte[] opened = new byte[100];

        Assert.True(cipher.TryOpen(7, final: false, sealedChunk, opened));
        Assert.Equal(plain, opened);
        Assert.False(cipher.TryOpen(8, final: false, sealedChunk, opened)); // reordered
        Assert.False(cipher.TryOpen(7, final: true, sealedChunk, opened)); // truncation relabelled as the end
        using var otherFile = new FileChunkCipher(s_key, "file-2", s_salt);
        Assert.False(otherFile.TryOpen(7, final: false, sealedChunk, opened)); // swapped between files
        using var otherStream = new FileChunkCipher(s_key, "file-1", RandomNumberGenerator.GetBytes(16));
        Assert.False(otherStream.TryOpen(7, final: false, sealedChunk, opened)); // replayed from another stream
        sealedChunk[50] ^= 1;
        Assert.False(cipher.TryOpen(7, final: false, sealedChunk, opened)); // tampered
    }

    [Fact]
    public void ChunksAreAegis256UnderTheDerivedKeyNonceAndAssociatedDataOfTheSpec()
    {
        // docs/files.md "Chunk encryption", recomputed here with NSec's AEGIS-256 (its combined ciphertext ‖ tag API) and
        // .NET's HKDF, independent of FileChunkCipher.
        const string Id = "0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b";
        byte[] plain = RandomNumberGenerator.GetBytes(1000);
        byte[] info = [.. "/wotid/file/5.0.0 chunk key"u8, .. System.Text.Encoding.ASCII.GetBytes(Id)];
        byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, s_key, 32, s_salt, info);
        byte[] nonce = [.. new byte[24], 0, 0, 0, 0, 0, 0, 0x01, 0x02];
        byte[] ad = [.. "/wotid/file/5.0.0"u8, (byte)Id.Length, .. System.Text.Encoding.ASCII.GetBytes(Id), 0, 0, 0, 0, 0, 0, 0x01, 0x02, 1];
        byte[] expected;
        using (NSec.Cryptography.Key nsecKey = NSec.Cryptography.Key.Import(NSec.Cryptography.AeadAlgorithm.Aegis256, key, NSec.Cryptography.KeyBlobFormat.RawSymmetricKey))
        {
            expected = NSec.Cryptography.AeadAlgorithm.Aegis256.Encrypt(nsecKey, nonce, ad, plain);
        }

        Assert.Equal(plain.Length + 32, expected.Length);
        using var cipher = new FileChunkCipher(s_key, Id, s_salt);
        byte[] sealedChunk = new byte[plain.Length + 32];
        cipher.Seal(0x0102, final: true, plain, sealedChunk);
        Assert.Equal(expected, sealedChunk);

        // In place (the sender's and the receiver's path): the same bytes, and opened back in the same buffer.
        byte[] inPlace = [.. plain, .. new byte[32]];
        cipher.SealInPlace(0x0102, final: true, inPlace);
        Assert.Equal(expected, inPlace);
        Assert.True(cipher.TryOpenInPlace(0x0102, final: true, inPlace));
        Assert.Equal(plain, inPlace[..plain.Length]);
        inPlace = (byte[])expected.Clone();
        inPlace[3] ^= 1;
        Assert.False(cipher.TryOpenInPlace(0x0102, final: true, inPlace));
        Assert.All(inPlace[..plain.Length], b => Assert.Equal(0, b)); // nothing unverified is left in the buffer
    }

    [Fact]
    public void ADisposedCipherRefusesToSealOrOpen()
    {
        var cipher = new FileChunkCipher(s_key, "file-1", s_salt);
        byte[] sealedChunk = new byte[10 + 32];
        cipher.Seal(0, final: true, new byte[10], sealedChunk);
        cipher.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cipher.Seal(0, final: true, new byte[10], new byte[42]));
        Assert.Throws<ObjectDisposedException>(() => cipher.TryOpen(0, final: true, sealedChunk, new byte[10]));
    }

    [Fact]
    public void ChunkIndexesAboveThirtyTwoBitsAreBound()
    {
        long index = (1L << 33) + 5;
        byte[] sealedChunk = new byte[32];
        using var cipher = new FileChunkCipher(s_key, "big", s_salt);
        cipher.Seal(index, final: true, [], sealedChunk);
        Assert.True(cipher.TryOpen(index, final: true, sealedChunk, []));
        Assert.False(cipher.TryOpen(index & 0xFFFFFFFF, final: true, sealedChunk, []));
    }

    [Fact]
    public void HelloRoundTripsAndRefusesBadVersionsIdsAndLengths()
    {
        var hello = new FileStreamHello("0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b", 1L << 40, s_salt);
        byte[] frame = FileFrameCodec.EncodeHello(hello);
        FileStreamHello back = FileFrameCodec.DecodeHello(frame);
        Assert.Equal((hello.FileId, hello.StartChunk), (back.FileId, back.StartChunk));
        Assert.Equal(hello.Salt, back.Salt);

        byte[] badVersion = (byte[])frame.Clone();
        Assert.Equal(5, frame[0]);
        foreach (byte old in (byte[])[1, 2, 3, 4])
        {
            badVersion[0] = old; // 1.0.0 carried the hash in the offer, 2.0.0 sealed with ChaCha20-Poly1305, 3.0.0 hashed with SHA-256, 4.0.0 sealed with AES-256-GCM; refused
            Assert.Equal(FileTransferError.Malformed, Assert.Throws<FileTransferException>(() => FileFrameCodec.DecodeHello(badVersion)).Error);
        }

        byte[] badId = (byte[])frame.Clone();
        badId[3] = (byte)'/';
        Assert.Equal(FileTransferError.Malformed, Assert.Throws<FileTransferException>(() => FileFrameCodec.DecodeHello(badId)).Error);
        Assert.Throws<FileTransferException>(() => FileFrameCodec.DecodeHello(frame.AsSpan(0, frame.Length - 1)));
        Assert.Throws<FileTransferException>(() => FileFrameCodec.HelloIdLength([3, 0]));
        Assert.Throws<FileTransferException>(() => FileFrameCodec.HelloIdLength([3, 129]));
        Assert.Throws<FileTransferException>(() => FileFrameCodec.EncodeHello(new FileStreamHello("../x", 0, s_salt)));
    }

    [Fact]
    public void ChunkHeaderBoundsTheSealedLengthByTheChunkSizeTheDigestAndTheTag()
    {
        byte[] header = new byte[FileFrameCodec.ChunkHeaderLength];
        FileFrameCodec.WriteChunkHeader(final: true, 1024 + 32 + 32, header); // chunk, BLAKE3-256, AEGIS-256 tag
        Assert.Equal((true, 1088), FileFrameCodec.ReadChunkHeader(header, 1024));
        Assert.Throws<FileTransferException>(() => FileFrameCodec.ReadChunkHeader(header, 1023));
        header[0] = 0x03;
        Assert.Throws<FileTransferException>(() => FileFrameCodec.ReadChunkHeader(header, 1024));
        FileFrameCodec.WriteChunkHeader(final: false, 32, header);
        Assert.Equal((false, 32), FileFrameCodec.ReadChunkHeader(header, 1024));
        header[4] = 31; // shorter than a tag
        Assert.Throws<FileTransferException>(() => FileFrameCodec.ReadChunkHeader(header, 1024));
    }

    [Fact]
    public void CountsAreBoundedByTheChunkCount()
    {
        byte[] frame = new byte[8];
        FileFrameCodec.WriteCount(5L << 32, frame);
        Assert.Equal(5L << 32, FileFrameCodec.ReadCount(frame, 5L << 32));
        Assert.Throws<FileTransferException>(() => FileFrameCodec.ReadCount(frame, (5L << 32) - 1));
        frame[0] = 0x80;
        Assert.Throws<FileTransferException>(() => FileFrameCodec.ReadCount(frame, long.MaxValue));
    }

    [Fact]
    public void GarbageNeverCrashesTheDecoders()
    {
        var random = new Random(11);
        using var cipher = new FileChunkCipher(s_key, "f", s_salt);
        for (int i = 0; i < 5000; i++)
        {
            byte[] input = new byte[random.Next(0, 200)];
            random.NextBytes(input);
            Decode(() => FileFrameCodec.DecodeHello(input));
            Decode(() => FileFrameCodec.ReadCount(input.AsSpan(0, Math.Min(8, input.Length)), random.NextInt64()));
            Decode(() => FileFrameCodec.ReadChunkHeader(input.AsSpan(0, Math.Min(5, input.Length)), random.Next(1024, 1 << 20)));
            byte[] plain = new byte[Math.Max(0, input.Length - 32)];
            Assert.False(cipher.TryOpen(random.Next(), random.Next(2) == 0, input, plain));
        }
    }

    private static void Decode(Func<object> decode)
    {
        try
        {
            decode();
        }
        catch (FileTransferException)
        {
            // The documented rejection.
        }
    }
}
