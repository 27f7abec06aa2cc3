// libp2p/specs connections/README.md, "Protocol Negotiation" (multistream-select 1.0): every message is
// uvarint(n) ‖ utf8(text) ‖ '\n' with n counting the newline; js and go cap a message at 1024 bytes.
using System;
using System.Buffers;
using System.Text;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Multistream;

/// <summary>Sans-I/O encoding and decoding of multistream-select messages.</summary>
internal static class MultistreamCodec
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    /// <summary>Bytes of one encoded message for <paramref name="text"/>.</summary>
    public static int GetEncodedLength(string text)
    {
        int n = Encoding.UTF8.GetByteCount(text) + 1;
        return Varint.GetLength((ulong)n) + n;
    }

    /// <summary>Appends the encoding of <paramref name="text"/> to <paramref name="writer"/>.</summary>
    public static void Write(IBufferWriter<byte> writer, string text)
    {
        int n = Encoding.UTF8.GetByteCount(text) + 1;
        Span<byte> span = writer.GetSpan(Varint.MaxLength + n);
        int p = Varint.Write((ulong)n, span);
        p += Encoding.UTF8.GetBytes(text, span[p..]);
        span[p++] = (byte)'\n';
        writer.Advance(p);
    }

    /// <summary>Validates a protocol id given by the caller.</summary>
    public static void CheckProtocolId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Contains('\n', StringComparison.Ordinal)
            || Encoding.UTF8.GetByteCount(id) + 1 > MultistreamSelect.MaxMessageLength)
        {
            throw new MultistreamException(MultistreamError.InvalidProtocolId, "protocol id is empty, too long or contains a newline");
        }
    }

    /// <summary>
    /// Reads the length prefix. <see cref="OperationStatus.NeedMoreData"/> when incomplete; throws on a bad or
    /// oversized length.
    /// </summary>
    public static OperationStatus TryReadLength(ReadOnlySpan<byte> source, out int length, out int consumed)
    {
        length = 0;
        OperationStatus status = Varint.TryRead(source, out ulong n, out consumed);
        if (status == OperationStatus.NeedMoreData && source.Length < 3)
        {
            return status;
        }

        if (status != OperationStatus.Done)
        {
            throw new MultistreamException(status == OperationStatus.NeedMoreData ? MultistreamError.MessageTooLong : MultistreamError.InvalidVarint,
                "bad multistream length prefix");
        }

        if (n == 0)
        {
            throw new MultistreamException(MultistreamError.MissingNewline, "empty multistream message");
        }

        if (n > MultistreamSelect.MaxMessageLength)
        {
            throw new MultistreamException(MultistreamError.MessageTooLong, "multistream message longer than " + MultistreamSelect.MaxMessageLength + " bytes");
        }

        length = (int)n;
        return OperationStatus.Done;
    }

    /// <summary>Decodes a message body (the <c>n</c> bytes after the prefix, newline included).</summary>
    public static string DecodeBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || body[^1] != (byte)'\n')
        {
            throw new MultistreamException(MultistreamError.MissingNewline, "multistream message does not end with a newline");
        }

        try
        {
            return s_strictUtf8.GetString(body[..^1]);
        }
        catch (ArgumentException)
        {
            throw new MultistreamException(MultistreamError.InvalidText, "multistream message is not UTF-8");
        }
    }

    /// <summary>Decodes one complete message from the start of <paramref name="source"/>.</summary>
    public static OperationStatus TryDecode(ReadOnlySpan<byte> source, out string? text, out int consumed)
    {
        text = null;
        consumed = 0;
        if (TryReadLength(source, out int length, out int prefix) != OperationStatus.Done)
        {
            return OperationStatus.NeedMoreData;
        }

        if (source.Length - prefix < length)
        {
            return OperationStatus.NeedMoreData;
        }

        text = DecodeBody(source.Slice(prefix, length));
        consumed = prefix + length;
        return OperationStatus.Done;
    }
}
