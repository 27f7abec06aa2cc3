// Trust Spanning Protocol (Rust SDK CryptoType, tsp_sdk/src/cesr/packet.rs): the ciphertext codes of -E envelopes.
namespace WotId.Tsp.Wire;

/// <summary>How the payload of a TSP message is protected; the value tells the ciphertext's CESR code.</summary>
public enum TspCipherSuite
{
    /// <summary>Signed only (<c>-S</c> envelope): the payload travels as non-confidential data.</summary>
    None = 0,

    /// <summary>HPKE Auth mode, ciphertext code <c>4G##</c>.</summary>
    HpkeAuth,

    /// <summary>HPKE Base mode with ESSR, ciphertext code <c>4F##</c>.</summary>
    HpkeBase,

    /// <summary>NaCl crypto_box with ESSR (the SDK's default build), ciphertext code <c>4C##</c>.</summary>
    NaclEssr,

    /// <summary>NaCl crypto_box authenticated, ciphertext code <c>7NCL####</c>.</summary>
    NaclAuth,

    /// <summary>HPKE with X25519Kyber768Draft00, ciphertext code <c>7PQC####</c>.</summary>
    X25519Kyber768Draft00,
}
