// Frames of /wotid/file/5.0.0 (docs/files.md "Wire format"); pure functions with strict bounds, no I/O.
//
// | frame   | direction | bytes                                                             | length          |
// |---------|-----------|-------------------------------------------------------------------|-----------------|
// | HELLO   | → recv    | u8 version (2) ‖ u8 n ‖ file id (n ASCII, 1..128) ‖ u64be start ‖ salt[16] | 27 .. 154 |
// | RESUME  | ← recv    | u64be chunk index to start from (the receiver's durable chunks)   | 8               |
// | CHUNK   | → recv    | u8 flags (0x01 final) ‖ u32be m ‖ m sealed bytes                   | 5 + (16 .. chunk size + 48) |
// | ACK     | ← recv    | u64be chunks durable at the receiver                              | 8               |
//
// The final chunk's plaintext is its file bytes followed by the whole-file BLAKE3-256 (32 bytes), so it seals 48 bytes
// more than its file bytes; every other chunk seals 16 more. Chunk indexes are implicit: the chunks after RESUME r are r, r+1, …; the AEAD binds each index (FileChunkCipher).
using System;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Node.Files;

/// <summary>Encodes and decodes the frames of the file stream.</summary>
internal static class FileFrameCodec
{
    /// <summary>Version and id length.</summary>
    internal const int HelloPrefixLength = 2;

    /// <summary>Start chunk and salt after the id.</summary>
    internal const int HelloSuffixLength = 8 + FileProtocol.SaltLength;

    /// <summary>Flags and sealed length.</summary>
    internal const int ChunkHeaderLength = 5;

    /// <summary>RESUME and ACK.</summary>
    internal const int CountLength = 8;

    /// <summary>The final-chunk flag.</summary>
    internal const byte FinalFlag = 0x01;

    /// <summary>The ASCII bytes of a transfer id (1..128 of <c>A–Z a–z 0–9 . _ : -</c>).</summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.Malformed"/>.</exception>
    internal static byte[] IdBytes(string fileId)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        if (!IsId(fileId))
        {
            throw new FileTransferException(FileTransferError.Malformed, "not a transfer id");
        }

        return Encoding.ASCII.GetBytes(fileId);
    }

    /// <summary>Encodes a HELLO.</summary>
    internal static byte[] EncodeHello(FileStreamHello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        byte[] id = IdBytes(hello.FileId);
        if (hello.StartChunk < 0 || hello.Salt.Length != FileProtocol.SaltLength)
        {
            throw new FileTransferException(FileTransferError.Malformed, "start chunk or salt out of bounds");
        }

        byte[] frame = new byte[HelloPrefixLength + id.Length + HelloSuffixLength];
        frame[0] = FileProtocol.Version;
        frame[1] = (byte)id.Length;
        id.CopyTo(frame, HelloPrefixLength);
        BinaryPrimitives.WriteInt64BigEndian(frame.AsSpan(HelloPrefixLength + id.Length), hello.StartChunk);
        hello.Salt.CopyTo(frame, HelloPrefixLength + id.Length + 8);
        return frame;
    }

    /// <summary>The id length announced by the first two HELLO bytes (checked: version 2, 1..128).</summary>
    internal static int HelloIdLength(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length != HelloPrefixLength || prefix[0] != FileProtocol.Version)
        {
            throw new FileTransferException(FileTransferError.Malformed, "unknown HELLO version");
        }

        return prefix[1] is >= 1 and <= FileProtocol.MaxIdLength
            ? prefix[1]
            : throw new FileTransferException(FileTransferError.Malformed, "transfer id length out of bounds");
    }

    /// <summary>Decodes a whole HELLO frame.</summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.Malformed"/>.</exception>
    internal static FileStreamHello DecodeHello(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < HelloPrefixLength)
        {
            throw new FileTransferException(FileTransferError.Malformed, "HELLO too short");
        }

        int n = HelloIdLength(frame[..HelloPrefixLength]);
        if (frame.Length != HelloPrefixLength + n + HelloSuffixLength)
        {
            throw new FileTransferException(FileTransferError.Malformed, "HELLO length does not match its id length");
        }

        ReadOnlySpan<byte> id = frame.Slice(HelloPrefixLength, n);
        foreach (byte b in id)
        {
            if (!IsIdChar((char)b))
            {
                throw new FileTransferException(FileTransferError.Malformed, "not a transfer id");
            }
        }

        long start = BinaryPrimitives.ReadInt64BigEndian(frame.Slice(HelloPrefixLength + n, 8));
        if (start < 0)
        {
            throw new FileTransferException(FileTransferError.Malformed, "negative start chunk");
        }

        return new FileStreamHello(Encoding.ASCII.GetString(id), start, frame[(HelloPrefixLength + n + 8)..].ToArray());
    }

    /// <summary>Writes a RESUME or ACK count.</summary>
    internal static void WriteCount(long chunks, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunks);
        BinaryPrimitives.WriteInt64BigEndian(destination[..CountLength], chunks);
    }

    /// <summary>Reads a RESUME or ACK count, which must lie in <c>0..<paramref name="max"/></c>.</summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.Malformed"/>.</exception>
    internal static long ReadCount(ReadOnlySpan<byte> frame, long max)
    {
        if (frame.Length != CountLength)
        {
            throw new FileTransferException(FileTransferError.Malformed, "a count has 8 bytes");
        }

        long n = BinaryPrimitives.ReadInt64BigEndian(frame);
        return n >= 0 && n <= max ? n : throw new FileTransferException(FileTransferError.Malformed, "chunk count out of bounds");
    }

    /// <summary>Writes a CHUNK header for a sealed chunk of <paramref name="sealedLength"/> bytes.</summary>
    internal static void WriteChunkHeader(bool final, int sealedLength, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sealedLength, FileChunkCipher.TagLength);
        destination[0] = final ? FinalFlag : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(1, 4), (uint)sealedLength);
    }

    /// <summary>Reads a CHUNK header: the final flag and the sealed length, bounded by <paramref name="chunkSize"/> + 48 (the final chunk's digest and the tag).</summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.Malformed"/>.</exception>
    internal static (bool Final, int SealedLength) ReadChunkHeader(ReadOnlySpan<byte> header, int chunkSize)
    {
        if (header.Length != ChunkHeaderLength || (header[0] & ~FinalFlag) != 0)
        {
            throw new FileTransferException(FileTransferError.Malformed, "unknown chunk flags");
        }

        uint m = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        return m >= FileChunkCipher.TagLength && m <= (uint)chunkSize + FileProtocol.DigestLength + FileChunkCipher.TagLength
            ? (header[0] == FinalFlag, (int)m)
            : throw new FileTransferException(FileTransferError.Malformed, "sealed chunk length out of bounds");
    }

    private static bool IsId(string s)
    {
        if (s.Length is 0 or > FileProtocol.MaxIdLength)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!IsIdChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';
}
