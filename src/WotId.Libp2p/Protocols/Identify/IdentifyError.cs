// Error codes for identify, signed envelopes and peer records (libp2p/specs identify/README.md,
// RFC/0002-signed-envelopes.md, RFC/0003-routing-records.md).
namespace WotId.Libp2p.Protocols.Identify;

/// <summary>Why an identify message, signed envelope or peer record was rejected.</summary>
public enum IdentifyError
{
    /// <summary>Protobuf wire data was truncated or malformed.</summary>
    MalformedProtobuf,

    /// <summary>A field had an unexpected wire type.</summary>
    WrongWireType,

    /// <summary>A string field was not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A message or the number of messages exceeded the limits (8 KiB each, 10 per exchange).</summary>
    TooLarge,

    /// <summary>The public key of an envelope or message could not be decoded.</summary>
    BadPublicKey,

    /// <summary>The envelope signature does not verify.</summary>
    BadSignature,

    /// <summary>The envelope carries an unexpected payload type.</summary>
    WrongPayloadType,

    /// <summary>The peer record names a different peer than the envelope's key.</summary>
    PeerIdMismatch,

    /// <summary>A required field is missing.</summary>
    MissingField,
}
