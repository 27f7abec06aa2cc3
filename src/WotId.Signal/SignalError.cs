// Error codes of the Signal layer, modelled on libsignal's SignalProtocolError (rust/protocol/src/error.rs).
namespace WotId.Signal;

/// <summary>What went wrong in a Signal protocol operation (the code carried by <see cref="SignalProtocolException"/>).</summary>
public enum SignalError
{
    /// <summary>Bytes that should be a key, record or message are malformed (bad length, bad protobuf, missing field).</summary>
    InvalidEncoding = 1,

    /// <summary>A key has an unknown type byte (EC keys must start with 0x05, KEM keys with 0x08).</summary>
    BadKeyType,

    /// <summary>The message version is below 3 (libsignal: LegacyCiphertextVersion).</summary>
    LegacyCiphertextVersion,

    /// <summary>The message version is above 4 (libsignal: UnrecognizedCiphertextVersion).</summary>
    UnrecognizedCiphertextVersion,

    /// <summary>A version 3 (X3DH) PreKey message with no matching session: X3DH is no longer supported.</summary>
    X3dhNotSupported,

    /// <summary>A PreKey message or bundle lacks the Kyber prekey fields.</summary>
    MissingKyberPreKey,

    /// <summary>Decryption failed: MAC mismatch, bad padding, SPQR failure, or no session could decrypt (libsignal: InvalidMessage "decryption failed").</summary>
    DecryptionFailed,

    /// <summary>The message counter was already used in its chain (libsignal: DuplicatedMessage).</summary>
    DuplicatedMessage,

    /// <summary>The message is more than 25,000 messages ahead in its chain (libsignal: "message from too far into the future").</summary>
    MessageTooFarInFuture,

    /// <summary>A prekey signature did not verify (libsignal: SignatureValidationFailed).</summary>
    InvalidSignature,

    /// <summary>The remote identity key differs from the trusted one (libsignal: UntrustedIdentity).</summary>
    UntrustedIdentity,

    /// <summary>There is no usable session for the address (libsignal: SessionNotFound).</summary>
    NoSession,

    /// <summary>The referenced one-time prekey is unknown (libsignal: InvalidPreKeyId).</summary>
    InvalidPreKeyId,

    /// <summary>The referenced signed prekey is unknown (libsignal: InvalidSignedPreKeyId).</summary>
    InvalidSignedPreKeyId,

    /// <summary>The referenced Kyber prekey is unknown (libsignal: InvalidKyberPreKeyId).</summary>
    InvalidKyberPreKeyId,

    /// <summary>A last-resort Kyber prekey was used again with the same base key (libsignal in-memory store: "reused base key").</summary>
    ReusedBaseKey,

    /// <summary>The sender's base key is not a canonical X25519 point, or a DH result was all zero.</summary>
    InvalidKeyAgreement,

    /// <summary>A stored session record is inconsistent (libsignal: InvalidSessionStructure).</summary>
    InvalidSessionStructure,

    /// <summary>A scannable fingerprint could not be parsed.</summary>
    FingerprintParsing,

    /// <summary>A scannable fingerprint has another version.</summary>
    FingerprintVersionMismatch,

    /// <summary>An argument is out of range (fingerprint iterations, device id, ...).</summary>
    InvalidArgument,

    /// <summary>
    /// A PreKey message matches a session by its base key but carries another identity key than that session's
    /// (a rewrapped message; accepting it would save the other key for the address).
    /// </summary>
    SessionIdentityMismatch,
}
