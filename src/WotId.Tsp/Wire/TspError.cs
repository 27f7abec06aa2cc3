// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §3–§9) as laid out by the Rust TSP SDK: decoder and verifier error codes.
namespace WotId.Tsp.Wire;

/// <summary>Why a TSP message was rejected.</summary>
public enum TspError
{
    /// <summary>The CESR framing is broken (see the inner <see cref="Cesr.CesrException"/>).</summary>
    MalformedCesr = 1,

    /// <summary>The message is larger than the configured limit.</summary>
    MessageTooLarge,

    /// <summary>The message does not start with a <c>-E</c> or <c>-S</c> envelope.</summary>
    NotATspMessage,

    /// <summary>The <c>YTSP</c> version marker is missing or names another major version.</summary>
    VersionMismatch,

    /// <summary>A VID is empty, too long, not UTF-8 or holds control characters.</summary>
    InvalidVid,

    /// <summary>The SDK's <c>XAAA</c> placeholder field is missing or not zero.</summary>
    InvalidPlaceholder,

    /// <summary>The envelope count does not match the envelope fields.</summary>
    EnvelopeCountMismatch,

    /// <summary>A <c>-E</c> envelope without a known ciphertext, or a <c>-S</c> envelope with one.</summary>
    CipherSuiteMismatch,

    /// <summary>The signature attachment is missing.</summary>
    MissingSignature,

    /// <summary>The signature attachment is malformed (unknown code or wrong counts).</summary>
    InvalidSignatureEncoding,

    /// <summary>Bytes follow the signature (or the payload).</summary>
    TrailingData,

    /// <summary>The payload type code is not one of XSCS, XHOP, XRFI, XRFA, XRFD.</summary>
    UnknownPayloadType,

    /// <summary>The payload is malformed (missing field, bad digest or nonce, count mismatch).</summary>
    InvalidPayload,

    /// <summary>The sender VID inside the payload differs from the envelope's sender.</summary>
    PayloadSenderMismatch,

    /// <summary>The sender VID could not be resolved to a verification key.</summary>
    UnknownSender,

    /// <summary>The signature algorithm differs from the sender key's algorithm.</summary>
    SignatureAlgorithmMismatch,

    /// <summary>The signature does not verify.</summary>
    SignatureInvalid,

    /// <summary>The receiver VID is absent or not the expected one.</summary>
    ReceiverMismatch,

    /// <summary>The relationship digest does not match the payload.</summary>
    DigestMismatch,

    /// <summary>The message is confidential (a <c>-E</c> envelope); opening sealed messages is not implemented.</summary>
    ConfidentialNotSupported,
}
