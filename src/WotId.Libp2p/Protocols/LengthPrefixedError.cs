// Failure codes of uvarint length-prefixed framing (multiformats/unsigned-varint; libp2p/specs identify/README.md
// "The Identify Message" uses this framing, as do most libp2p request/response protocols).
namespace WotId.Libp2p.Protocols;

/// <summary>Why a length-prefixed frame was rejected.</summary>
public enum LengthPrefixedError
{
    /// <summary>The announced length exceeds the reader's limit (nothing of the body was read).</summary>
    FrameTooLarge,

    /// <summary>The stream ended inside the length prefix or inside the body.</summary>
    Truncated,

    /// <summary>The prefix is not a minimal unsigned varint of at most 4 bytes (lengths up to 2^28 − 1).</summary>
    BadVarint,
}
