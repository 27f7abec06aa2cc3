// Trust Spanning Protocol: the CESR codes the Rust TSP SDK uses (tsp_sdk/src/cesr/packet.rs at 950ba90).
namespace WotId.Tsp.Wire;

/// <summary>CESR codes of TSP messages as the Rust SDK writes them.</summary>
internal static class TspCodes
{
    // Count (framing) codes.
    public const char EncryptedEnvelope = 'E';
    public const char SignedEnvelope = 'S';
    public const char HopList = 'J';
    public const char Payload = 'Z';
    public const char AttachmentGroup = 'C';
    public const char IndexedSignatureGroup = 'K';

    /// <summary>Version count code: type = major version ('A' = 0), value = minor &lt;&lt; 6 | patch.</summary>
    public const char VersionMajor = 'A';
    public const int VersionMinorPatch = (0 << 6) | 1;

    // Variable-size types.
    public const string Vid = "B";
    public const string Plaintext = "B";
    public const string NaclCiphertext = "C";
    public const string HpkeBaseCiphertext = "F";
    public const string HpkeAuthCiphertext = "G";
    public const string NaclAuthCiphertext = "NCL";
    public const string HpkePqCiphertext = "PQC";

    // Fixed-size codes.
    public const string Ed25519Signature = "0B";
    public const string MLDsa65Signature = "1QDM";
    public const string Nonce = "A";
    public const string Sha256Digest = "I";
    public const string Blake2b256Digest = "F";
    public const string Placeholder = "X";

    // Three-byte type codes.
    public const string VersionTag = "YTSP";
    public const string GenericMessage = "XSCS";
    public const string HopMessage = "XHOP";
    public const string RelationshipInvite = "XRFI";
    public const string RelationshipAccept = "XRFA";
    public const string RelationshipDecline = "XRFD";
    public const string Control = "XCTL";
    public const string Padding = "XPAD";
}
