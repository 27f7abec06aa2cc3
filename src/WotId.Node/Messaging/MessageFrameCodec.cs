// Frame bodies of /wotid/msg/1.0.0 (docs/node.md "Messaging"). The framing around them, uvarint(n) ‖ n bytes with
// 1 ≤ n ≤ MessageProtocol.MaxFrameBytes, is WotId.Libp2p.Protocols.LengthPrefixed.
//
// | kind          | body                                   | length              |
// |---------------|----------------------------------------|---------------------|
// | 0x01 MESSAGE  | kind ‖ u64be seq ‖ sealed envelope     | 10 .. 1 MiB + 64    |
// | 0x02 ACK      | kind ‖ u64be seq ‖ u8 status (0 .. 3)  | exactly 10          |
//
// seq is 1 or more; the envelope is checked by SealedEnvelopeCodec only when it is opened.
using System;
using System.Buffers.Binary;

namespace WotId.Node.Messaging;

/// <summary>Encodes and decodes frame bodies with strict bounds.</summary>
internal static class MessageFrameCodec
{
    /// <summary>Kind and seq.</summary>
    internal const int HeaderLength = 1 + 8;

    /// <summary>Length of an ACK body.</summary>
    internal const int AckLength = HeaderLength + 1;

    /// <summary>Encodes <paramref name="frame"/>.</summary>
    internal static byte[] Encode(MessageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Seq == 0)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "seq starts at 1");
        }

        if (frame.Kind == MessageFrameKind.Ack)
        {
            if (!Enum.IsDefined(frame.Status))
            {
                throw new MessagingException(MessageRejectReason.Malformed, "unknown ACK status");
            }

            byte[] ack = new byte[AckLength];
            ack[0] = (byte)MessageFrameKind.Ack;
            BinaryPrimitives.WriteUInt64BigEndian(ack.AsSpan(1), frame.Seq);
            ack[HeaderLength] = (byte)frame.Status;
            return ack;
        }

        if (frame.Envelope.Length is 0 || frame.Envelope.Length > MessageProtocol.MaxFrameBytes - HeaderLength)
        {
            throw new MessagingException(MessageRejectReason.TooLarge, "the envelope does not fit a frame");
        }

        byte[] body = new byte[HeaderLength + frame.Envelope.Length];
        body[0] = (byte)MessageFrameKind.Message;
        BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(1), frame.Seq);
        frame.Envelope.Span.CopyTo(body.AsSpan(HeaderLength));
        return body;
    }

    /// <summary>Decodes a frame body (the envelope is a slice of <paramref name="body"/>).</summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.Malformed"/> or <see cref="MessageRejectReason.TooLarge"/>.</exception>
    internal static MessageFrame Decode(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MessageProtocol.MaxFrameBytes)
        {
            throw new MessagingException(MessageRejectReason.TooLarge, $"a frame has at most {MessageProtocol.MaxFrameBytes} bytes");
        }

        if (body.Length < AckLength)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "a frame has a kind, a seq and a body");
        }

        ReadOnlySpan<byte> span = body.Span;
        ulong seq = BinaryPrimitives.ReadUInt64BigEndian(span[1..]);
        if (seq == 0)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "seq starts at 1");
        }

        switch ((MessageFrameKind)span[0])
        {
            case MessageFrameKind.Message:
                return MessageFrame.Message(seq, body[HeaderLength..]);
            case MessageFrameKind.Ack:
                if (body.Length != AckLength || span[HeaderLength] > (byte)AckStatus.RejectedUnknownPreKey)
                {
                    throw new MessagingException(MessageRejectReason.Malformed, "an ACK is kind, seq and a status 0..3");
                }

                return MessageFrame.Ack(seq, (AckStatus)span[HeaderLength]);
            default:
                throw new MessagingException(MessageRejectReason.Malformed, "unknown frame kind");
        }
    }
}
