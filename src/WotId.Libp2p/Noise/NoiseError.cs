namespace WotId.Libp2p.Noise;

/// <summary>Why a Noise handshake or transport message failed.</summary>
public enum NoiseError
{
    /// <summary>The connection ended before the handshake finished, or inside a transport frame.</summary>
    EndOfStream,

    /// <summary>A handshake message has the wrong length for its position in the XX pattern.</summary>
    InvalidMessageLength,

    /// <summary>A Noise message or frame exceeds 65535 bytes (or a payload does not fit).</summary>
    MessageTooLarge,

    /// <summary>AEAD authentication failed (tampered data, wrong keys or a non-Noise peer).</summary>
    DecryptionFailed,

    /// <summary>A remote X25519 public key produced an all-zero shared secret.</summary>
    InvalidPublicKey,

    /// <summary>The handshake payload protobuf is malformed or missing the identity key or signature.</summary>
    InvalidPayload,

    /// <summary>The identity key in the payload is not a valid libp2p public key.</summary>
    InvalidIdentityKey,

    /// <summary>The identity signature over the Noise static key does not verify.</summary>
    InvalidSignature,

    /// <summary>The remote's peer id differs from the one that was dialed.</summary>
    PeerIdMismatch,

    /// <summary>The 64-bit message counter is exhausted.</summary>
    NonceExhausted,
}
