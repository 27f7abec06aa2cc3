namespace WotId.Libp2p.Peer;

/// <summary>Why a peer id or key encoding was rejected.</summary>
public enum PeerIdError
{
    /// <summary>The input is empty.</summary>
    Empty,

    /// <summary>The input is longer than any valid encoding.</summary>
    TooLong,

    /// <summary>The text is not valid base58btc / multibase.</summary>
    InvalidText,

    /// <summary>The bytes are not a well-formed multihash.</summary>
    InvalidMultihash,

    /// <summary>The multihash uses a code other than identity (0x00) or sha2-256 (0x12).</summary>
    UnsupportedMultihash,

    /// <summary>The CID is not version 1 with the libp2p-key codec (0x72).</summary>
    InvalidCid,

    /// <summary>The key protobuf is malformed (bad tags, lengths, duplicates, missing or unknown fields).</summary>
    InvalidKeyProtobuf,

    /// <summary>The key type is not one of RSA, Ed25519, secp256k1, ECDSA.</summary>
    UnknownKeyType,

    /// <summary>The key bytes are not a valid key of the declared type.</summary>
    InvalidKeyData,
}
