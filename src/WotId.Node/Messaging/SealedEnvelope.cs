// A decoded sealed envelope (docs/node.md "Messaging", "A message, layer by layer", step 4).
using System;
using WotId.Signal.Protocol;

namespace WotId.Node.Messaging;

/// <summary>The parts of a sealed envelope; the memory is a slice of the decoded input.</summary>
/// <param name="SenderDidHash">SHA-256 of the sender's DID (UTF-8), 32 bytes.</param>
/// <param name="SignalType">The Signal message type (<see cref="CiphertextMessageType.Whisper"/> or <see cref="CiphertextMessageType.PreKey"/>).</param>
/// <param name="Ciphertext">The libsignal serialisation of the message.</param>
internal sealed record SealedEnvelope(ReadOnlyMemory<byte> SenderDidHash, CiphertextMessageType SignalType, ReadOnlyMemory<byte> Ciphertext)
{
    /// <summary>Type and length only.</summary>
    public override string ToString() => $"SealedEnvelope({SignalType}, {Ciphertext.Length} bytes)";
}
