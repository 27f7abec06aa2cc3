// Fuzz target: the sealed envelope decoder (docs/node.md "Messaging", step 4), and the Signal message parser behind it.
using System;
using WotId.Node.Messaging;
using WotId.Signal;
using WotId.Signal.Protocol;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary bytes to <see cref="SealedEnvelopeCodec.Decode"/>, then parses the ciphertext as its type says.</summary>
public sealed class SealedEnvelopeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "node-sealed-envelope";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            SealedEnvelope envelope = SealedEnvelopeCodec.Decode(input.ToArray());
            if (envelope.SignalType == CiphertextMessageType.PreKey)
            {
                PreKeySignalMessage.Deserialize(envelope.Ciphertext.Span);
            }
            else
            {
                SignalMessage.Deserialize(envelope.Ciphertext.Span);
            }
        }
        catch (MessagingException)
        {
            // Documented rejection: not a sealed envelope.
        }
        catch (SignalProtocolException)
        {
            // Documented rejection: not a Signal message of that type.
        }
    }
}
