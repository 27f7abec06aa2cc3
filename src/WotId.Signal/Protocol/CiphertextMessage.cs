// An encrypted message as handed to the transport: the libsignal message type plus the serialized bytes
// (libsignal rust/protocol/src/protocol.rs, CiphertextMessage).
using System;

namespace WotId.Signal.Protocol;

/// <summary>Output of encryption and input of decryption.</summary>
public sealed class CiphertextMessage
{
    /// <summary>Wraps bytes of the given type.</summary>
    public CiphertextMessage(CiphertextMessageType type, byte[] serialized)
    {
        Type = type;
        Serialized = serialized ?? throw new ArgumentNullException(nameof(serialized));
    }

    /// <summary>2 for a SignalMessage, 3 for a PreKeySignalMessage.</summary>
    public CiphertextMessageType Type { get; }

    /// <summary>The serialized message.</summary>
    public byte[] Serialized { get; }

    /// <summary>Type and length only.</summary>
    public override string ToString() => $"CiphertextMessage({Type}, {Serialized.Length} bytes)";
}
