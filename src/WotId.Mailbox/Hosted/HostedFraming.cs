// Frames of /wotid/mailbox/1.0.0: unsigned varint length (multiformats unsigned-varint, minimal) ‖ body, the body at
// most HostedMailboxProtocol.MaxFrameBytes. The length is read byte by byte so nothing past the frame is consumed.
using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;

namespace WotId.Mailbox.Hosted;

/// <summary>Reads and writes length-prefixed frames on a stream.</summary>
internal static class HostedFraming
{
    /// <summary>Writes one frame.</summary>
    internal static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var frame = new byte[Varint.GetLength((ulong)body.Length) + body.Length];
        int at = Varint.Write((ulong)body.Length, frame);
        body.Span.CopyTo(frame.AsSpan(at));
        await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one frame. A length over <paramref name="max"/> throws <see cref="MailboxError.RequestTooLarge"/>; a bad
    /// length or a stream that ends inside the frame throws <paramref name="malformed"/>.
    /// </summary>
    internal static async Task<byte[]> ReadAsync(Stream stream, int max, MailboxError malformed, CancellationToken cancellationToken)
    {
        var prefix = new byte[Varint.MaxLength];
        var one = new byte[1];
        int n = 0;
        ulong length;
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new MailboxException(malformed, "the stream ended before a frame");
            }

            prefix[n++] = one[0];
            OperationStatus status = Varint.TryRead(prefix.AsSpan(0, n), out length, out _);
            if (status == OperationStatus.Done)
            {
                break;
            }

            if (status == OperationStatus.InvalidData || n == Varint.MaxLength)
            {
                throw new MailboxException(malformed, "the frame length is not a minimal varint");
            }
        }

        if (length > (ulong)max)
        {
            throw new MailboxException(MailboxError.RequestTooLarge, $"a frame of {length} bytes exceeds {max}");
        }

        var body = new byte[(int)length];
        try
        {
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new MailboxException(malformed, "the stream ended inside a frame", e);
        }

        return body;
    }
}
