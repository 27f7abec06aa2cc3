// Fuzz target: the /wotid/msg/1.0.0 frame body decoder; a decoded frame is encoded again and must give the same bytes.
using System;
using WotId.Node.Messaging;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary bodies to <see cref="MessageFrameCodec.Decode"/>; accepted frames must round-trip.</summary>
public sealed class MessageFrameTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "node-message-frame";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        MessageFrame frame;
        try
        {
            frame = MessageFrameCodec.Decode(input.ToArray());
        }
        catch (MessagingException)
        {
            return; // Documented rejection.
        }

        if (!MessageFrameCodec.Encode(frame).AsSpan().SequenceEqual(input))
        {
            throw new InvalidOperationException("a decoded frame does not encode to its input");
        }
    }
}
