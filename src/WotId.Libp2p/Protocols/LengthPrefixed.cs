// uvarint length-prefixed messages, the framing of identify and most libp2p request/response protocols
// (libp2p/specs identify/README.md "The Identify Message"; varints per multiformats/unsigned-varint).
//
// | limit                | value                                                        |
// |----------------------|--------------------------------------------------------------|
// | prefix               | minimal unsigned LEB128, at most 4 bytes (length < 2^28)     |
// | body                 | at most the caller's maxLength (checked before reading body) |
// | end of stream        | before the prefix: null (clean end); anywhere else: Truncated |
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Protocols;

/// <summary>Reads and writes uvarint length-prefixed messages on a stream.</summary>
public static class LengthPrefixed
{
    /// <summary>Longest accepted prefix in bytes (lengths up to 2^28 − 1, far above any libp2p message limit).</summary>
    public const int MaxPrefixLength = 4;

    /// <summary>Writes <c>uvarint(len) || message</c> in one write.</summary>
    public static async ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[Varint.GetLength((ulong)message.Length) + message.Length];
        int n = Varint.Write((ulong)message.Length, buffer);
        message.Span.CopyTo(buffer.AsSpan(n));
        await stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one message of at most <paramref name="maxLength"/> bytes; null on a clean end of stream before the
    /// prefix. The limit is checked before any of the body is read or allocated.
    /// </summary>
    /// <exception cref="LengthPrefixedException">Too large, truncated, or a bad prefix (see <see cref="LengthPrefixedError"/>).</exception>
    public static async ValueTask<byte[]?> ReadAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var one = new byte[1];
        ulong length = 0;
        int shift = 0;
        for (int i = 0; ; i++)
        {
            int n = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                if (i == 0)
                {
                    return null;
                }

                throw new LengthPrefixedException(LengthPrefixedError.Truncated, "stream ended inside a length prefix");
            }

            if (i >= MaxPrefixLength)
            {
                throw new LengthPrefixedException(LengthPrefixedError.BadVarint, "length prefix longer than 4 bytes");
            }

            length |= (ulong)(one[0] & 0x7f) << shift;
            shift += 7;
            if ((one[0] & 0x80) == 0)
            {
                if (i > 0 && one[0] == 0)
                {
                    throw new LengthPrefixedException(LengthPrefixedError.BadVarint, "length prefix is not minimally encoded");
                }

                break;
            }
        }

        if (length > (ulong)maxLength)
        {
            throw new LengthPrefixedException(LengthPrefixedError.FrameTooLarge, $"message of {length} bytes exceeds the limit of {maxLength}");
        }

        var message = new byte[(int)length];
        try
        {
            await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException)
        {
            throw new LengthPrefixedException(LengthPrefixedError.Truncated, $"stream ended inside a message of {length} bytes");
        }

        return message;
    }
}
