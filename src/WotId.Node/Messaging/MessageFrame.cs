// One frame of /wotid/msg/1.0.0: a MESSAGE (seq, sealed envelope) or an ACK (seq, status).
using System;

namespace WotId.Node.Messaging;

/// <summary>A decoded frame. Create with <see cref="Message"/> or <see cref="Ack"/>.</summary>
internal sealed record MessageFrame
{
    private MessageFrame(MessageFrameKind kind, ulong seq, ReadOnlyMemory<byte> envelope, AckStatus status)
    {
        Kind = kind;
        Seq = seq;
        Envelope = envelope;
        Status = status;
    }

    /// <summary>MESSAGE or ACK.</summary>
    internal MessageFrameKind Kind { get; }

    /// <summary>The frame's sequence number on its stream (from 1); an ACK repeats the MESSAGE's.</summary>
    internal ulong Seq { get; }

    /// <summary>The sealed envelope (MESSAGE only; empty for an ACK).</summary>
    internal ReadOnlyMemory<byte> Envelope { get; }

    /// <summary>The status (ACK only).</summary>
    internal AckStatus Status { get; }

    /// <summary>A MESSAGE frame.</summary>
    internal static MessageFrame Message(ulong seq, ReadOnlyMemory<byte> envelope) => new(MessageFrameKind.Message, seq, envelope, default);

    /// <summary>An ACK frame.</summary>
    internal static MessageFrame Ack(ulong seq, AckStatus status) => new(MessageFrameKind.Ack, seq, ReadOnlyMemory<byte>.Empty, status);

    /// <summary>Kind, seq and size or status; never the envelope.</summary>
    public override string ToString() => Kind == MessageFrameKind.Message
        ? $"MessageFrame(MESSAGE {Seq}, {Envelope.Length} bytes)"
        : $"MessageFrame(ACK {Seq}, {Status})";
}
