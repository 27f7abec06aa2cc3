// libsignal CiphertextMessageType (rust/protocol/src/protocol.rs): the transport carries it next to the bytes.
namespace WotId.Signal.Protocol;

/// <summary>Kind of an encrypted message; not part of the bytes themselves.</summary>
public enum CiphertextMessageType
{
    /// <summary>A SignalMessage ("Whisper"), type 2.</summary>
    Whisper = 2,

    /// <summary>A PreKeySignalMessage, type 3.</summary>
    PreKey = 3,
}
