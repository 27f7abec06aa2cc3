// libp2p/specs peer-ids/peer-ids.md, "Keys": the KeyType enum of the key protobuf.
namespace WotId.Libp2p.Peer;

/// <summary>Key algorithm of a libp2p <c>PublicKey</c>/<c>PrivateKey</c> protobuf.</summary>
public enum KeyType
{
    /// <summary>RSA (DER SubjectPublicKeyInfo; PKCS#1 v1.5 over SHA-256 signatures).</summary>
    Rsa = 0,

    /// <summary>Ed25519 (raw 32-byte public key; RFC 8032 signatures).</summary>
    Ed25519 = 1,

    /// <summary>secp256k1 (compressed 33-byte point; DER ECDSA over SHA-256 signatures).</summary>
    Secp256k1 = 2,

    /// <summary>ECDSA (DER SubjectPublicKeyInfo, P-256 in practice; DER ECDSA over SHA-256 signatures).</summary>
    Ecdsa = 3,
}
