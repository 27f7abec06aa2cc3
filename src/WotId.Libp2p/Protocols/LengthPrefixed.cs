// uvarint length-prefixed messages, the framing of identify and other libp2p protocols (libp2p/specs
// identify/README.md "The Identify Message"; varints per multiformats/unsigned-varint).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Protocols;

/// <summary>Reads and writes uvarint length-prefixed messages on a stream.</summary>
internal static class LengthPrefixed
{
    /// <summary>Writes <c>uvarint(len) || message</c> in one write.</summary>
    public static async ValueTask WriteAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var buffer = new byte[Varint.GetLength((ulong)message.Length) + message.Length];
        int n = Varint.Write((ulong)message.Length, buffer);
        message.Span.CopyTo(buffer.AsSpan(n));
        await stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one message of at most <paramref name="maxLength"/> bytes; null on a clean end of stream before the
    /// prefix. Throws <see cref="FormatException"/> for a bad or too large prefix and <see cref="EndOfStreamException"/>
    /// for a truncated message.
    /// </summary>
    public static async ValueTask<byte[]?> ReadAsync(Stream stream, int maxLength, CancellationToken cancellationToken)
    {
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

                throw new EndOfStreamException("stream ended inside a length prefix");
            }

            if (i >= 4)
            {
                throw new FormatException("length prefix too long");
            }

            length |= (ulong)(one[0] & 0x7f) << shift;
            shift += 7;
            if ((one[0] & 0x80) == 0)
            {
                if (i > 0 && one[0] == 0)
                {
                    throw new FormatException("length prefix is not minimally encoded");
                }

                break;
            }
        }

        if (length > (ulong)maxLength)
        {
            throw new FormatException($"message of {length} bytes exceeds the limit of {maxLength}");
        }

        var message = new byte[(int)length];
        await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
        return message;
    }
}
