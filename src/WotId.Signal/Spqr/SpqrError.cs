// SPQR error kinds (SparsePostQuantumRatchet src/lib.rs `Error`), as surfaced by this implementation.

namespace WotId.Signal.Spqr;

/// <summary>Why an SPQR operation failed.</summary>
public enum SpqrError
{
    /// <summary>The message or serialized state is not well formed.</summary>
    Malformed = 1,

    /// <summary>The requested key index is more than MaxJump ahead of the chain.</summary>
    KeyJump,

    /// <summary>The requested key is older than the out-of-order window and was discarded.</summary>
    KeyTrimmed,

    /// <summary>The key for this index was already handed out (duplicate message).</summary>
    KeyAlreadyRequested,

    /// <summary>The message's epoch is newer than the state allows, or older than the keys still kept.</summary>
    EpochOutOfRange,

    /// <summary>The peer sent no SPQR (version 0) while this session requires version 1.</summary>
    MinimumVersion,

    /// <summary>The peer sent a version other than 1 after negotiation had finished.</summary>
    VersionMismatch,

    /// <summary>A braid MAC (header or ciphertext) did not verify.</summary>
    MacVerifyFailed,

    /// <summary>The peer's encapsulation key does not match the header it sent earlier.</summary>
    ErroneousDataReceived,

    /// <summary>The sending epoch would go backwards (internal inconsistency of a serialized state).</summary>
    SendKeyEpochDecreased,
}
