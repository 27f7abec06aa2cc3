using System;
using CsCheck;
using WotId.Node.Messaging;
using WotId.Signal.Protocol;

namespace WotId.Node.Tests.Messaging;

/// <summary>Sealed envelopes and /wotid/msg/1.0.0 frame bodies: layout, bounds, round trips, garbage.</summary>
public sealed class MessageCodecTests
{
    private static readonly byte[] s_hash = SealedEnvelopeCodec.HashDid("did:key:zExample");

    [Fact]
    public void EnvelopeLayoutIsVersionHashTypeCiphertext()
    {
        byte[] e = SealedEnvelopeCodec.Encode(s_hash, 3, [9, 8, 7]);
        Assert.Equal([1, .. s_hash, 3, 9, 8, 7], e);
        SealedEnvelope d = SealedEnvelopeCodec.Decode(e);
        Assert.Equal(s_hash, d.SenderDidHash.ToArray());
        Assert.Equal(CiphertextMessageType.PreKey, d.SignalType);
        Assert.Equal([9, 8, 7], d.Ciphertext.ToArray());
        Assert.DoesNotContain("9", d.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, (int)MessageRejectReason.Malformed)]
    [InlineData(34, (int)MessageRejectReason.Malformed)]
    [InlineData(SealedEnvelopeCodec.MaxLength + 1, (int)MessageRejectReason.TooLarge)]
    public void EnvelopeLengthsOutsideTheBoundsAreRefused(int length, int reason)
    {
        byte[] e = new byte[length];
        if (length > 0)
        {
            e[0] = 1;
            e[^1] = 2;
        }

        Assert.Equal((MessageRejectReason)reason, Assert.Throws<MessagingException>(() => SealedEnvelopeCodec.Decode(e)).Reason);
    }

    [Fact]
    public void EnvelopeOfTheLargestCiphertextIsAcceptedAndOneMoreByteIsNot()
    {
        Assert.Equal(SealedEnvelopeCodec.MaxLength, SealedEnvelopeCodec.Encode(s_hash, 2, new byte[SealedEnvelopeCodec.MaxCiphertextLength]).Length);
        Assert.Equal(MessageRejectReason.TooLarge, Assert.Throws<MessagingException>(() => SealedEnvelopeCodec.Encode(s_hash, 2, new byte[SealedEnvelopeCodec.MaxCiphertextLength + 1])).Reason);
        Assert.Equal(MessageRejectReason.TooLarge, Assert.Throws<MessagingException>(() => SealedEnvelopeCodec.Encode(s_hash, 2, [])).Reason);
        Assert.Equal(MessageRejectReason.Malformed, Assert.Throws<MessagingException>(() => SealedEnvelopeCodec.Encode(s_hash.AsSpan(0, 31), 2, [1])).Reason);
        Assert.Equal(MessageRejectReason.Malformed, Assert.Throws<MessagingException>(() => SealedEnvelopeCodec.Encode(s_hash, 1, [1])).Reason);
    }

    [Fact]
    public void FrameLayoutsAreKindSeqAndBody()
    {
        byte[] ack = MessageFrameCodec.Encode(MessageFrame.Ack(0x0102030405060708, AckStatus.Duplicate));
        Assert.Equal([2, 1, 2, 3, 4, 5, 6, 7, 8, 1], ack);
        byte[] message = MessageFrameCodec.Encode(MessageFrame.Message(7, new byte[] { 0xAA, 0xBB }));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 7, 0xAA, 0xBB], message);
        MessageFrame decoded = MessageFrameCodec.Decode(message);
        Assert.Equal((MessageFrameKind.Message, 7UL), (decoded.Kind, decoded.Seq));
        Assert.Equal([0xAA, 0xBB], decoded.Envelope.ToArray());
        Assert.Equal(AckStatus.Duplicate, MessageFrameCodec.Decode(ack).Status);
    }

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 1, 4 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 1, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { })]
    public void MalformedFramesAreRefused(byte[] body) =>
        Assert.Equal(MessageRejectReason.Malformed, Assert.Throws<MessagingException>(() => MessageFrameCodec.Decode(body)).Reason);

    [Fact]
    public void FramesBeyondTheLimitAreRefused()
    {
        byte[] body = new byte[MessageProtocol.MaxFrameBytes + 1];
        body[0] = 1;
        body[8] = 1;
        Assert.Equal(MessageRejectReason.TooLarge, Assert.Throws<MessagingException>(() => MessageFrameCodec.Decode(body)).Reason);
        Assert.Equal(MessageRejectReason.TooLarge, Assert.Throws<MessagingException>(() => MessageFrameCodec.Encode(MessageFrame.Message(1, body))).Reason);

        // The largest sealed envelope fits a frame.
        byte[] largest = SealedEnvelopeCodec.Encode(s_hash, 2, new byte[SealedEnvelopeCodec.MaxCiphertextLength]);
        Assert.True(MessageFrameCodec.Encode(MessageFrame.Message(1, largest)).Length <= MessageProtocol.MaxFrameBytes);
    }

    [Fact]
    public void GeneratedFramesRoundTrip() =>
        Gen.Select(Gen.ULong[1, ulong.MaxValue], Gen.Byte.Array[1, 200], Gen.Int[0, 3], Gen.Bool).Sample((seq, envelope, status, isAck) =>
        {
            MessageFrame frame = isAck ? MessageFrame.Ack(seq, (AckStatus)status) : MessageFrame.Message(seq, envelope);
            byte[] body = MessageFrameCodec.Encode(frame);
            MessageFrame back = MessageFrameCodec.Decode(body);
            Assert.Equal((frame.Kind, frame.Seq, frame.Status), (back.Kind, back.Seq, back.Status));
            Assert.Equal(frame.Envelope.ToArray(), back.Envelope.ToArray());
        });

    [Fact]
    public void GarbageNeverCrashesEitherDecoder() =>
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            OnlyMessagingErrors(() => SealedEnvelopeCodec.Decode(bytes));
            OnlyMessagingErrors(() => MessageFrameCodec.Decode(bytes));
        }, iter: 20_000);

    [Fact]
    public void MutatedEnvelopesAndFramesNeverCrash()
    {
        byte[] envelope = SealedEnvelopeCodec.Encode(s_hash, 2, new byte[40]);
        byte[] frame = MessageFrameCodec.Encode(MessageFrame.Message(5, envelope));
        Gen.Select(Gen.Int[0, frame.Length - 1], Gen.Byte, Gen.Int[0, frame.Length]).Sample((at, value, cut) =>
        {
            byte[] f = (byte[])frame.Clone();
            f[at] = value;
            OnlyMessagingErrors(() => MessageFrameCodec.Decode(f.AsMemory(0, cut)));
            OnlyMessagingErrors(() => SealedEnvelopeCodec.Decode(f.AsMemory(MessageFrameCodec.HeaderLength, Math.Max(0, cut - MessageFrameCodec.HeaderLength))));
        }, iter: 20_000);
    }

    private static void OnlyMessagingErrors(Action action)
    {
        try
        {
            action();
        }
        catch (MessagingException)
        {
        }
    }
}
