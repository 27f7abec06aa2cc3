// Multicodec table (multiformats/multicodec table.csv @ 45c88b8) and RFC 9964 (ML-DSA for JOSE) identifiers.
//
// | algorithm  | multicodec | public key | JOSE alg     |
// |------------|-----------:|-----------:|--------------|
// | Ed25519    | 0xed       | 32         | Ed25519 (RFC 9864; "EdDSA" accepted on input) — classical, opt-in |
// | X25519     | 0xec       | 32         | (none)       |
// | ML-DSA-44  | 0x1210     | 1312       | ML-DSA-44    |
// | ML-DSA-65  | 0x1211     | 1952       | ML-DSA-65    |
// | ML-DSA-87  | 0x1212     | 2592       | ML-DSA-87    |
// | Falcon-512 | 0x122c (preliminary, CCG draft) | 897 | FALCON512 (IOTA Identity, experimental) |
// | ML-DSA-44 + Ed25519 | (none) | 1312+32 | id-MLDSA44-Ed25519 (IOTA Identity composite, draft-ietf-lamps-pq-composite-sigs-04) |
// | ML-DSA-65 + Ed25519 | (none) | 1952+32 | id-MLDSA65-Ed25519 (IOTA Identity composite, draft-ietf-lamps-pq-composite-sigs-04) |
using System;

namespace WotId.Identity;

/// <summary>Constants per <see cref="KeyAlgorithm"/>: multicodec, key size, JOSE name.</summary>
public static class KeyAlgorithms
{
    /// <summary>The multicodec code of the public key.</summary>
    public static ulong Multicodec(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => 0xed,
        KeyAlgorithm.X25519 => 0xec,
        KeyAlgorithm.MLDsa44 => 0x1210,
        KeyAlgorithm.MLDsa65 => 0x1211,
        KeyAlgorithm.MLDsa87 => 0x1212,
        KeyAlgorithm.Falcon512Experimental => 0x122c,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The algorithm of a multicodec code, or null when unknown.</summary>
    public static KeyAlgorithm? FromMulticodec(ulong code) => code switch
    {
        0xed => KeyAlgorithm.Ed25519,
        0xec => KeyAlgorithm.X25519,
        0x1210 => KeyAlgorithm.MLDsa44,
        0x1211 => KeyAlgorithm.MLDsa65,
        0x1212 => KeyAlgorithm.MLDsa87,
        0x122c => KeyAlgorithm.Falcon512Experimental,
        _ => null,
    };

    /// <summary>Public key length in bytes.</summary>
    public static int PublicKeySize(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 or KeyAlgorithm.X25519 => 32,
        KeyAlgorithm.MLDsa44 => 1312,
        KeyAlgorithm.MLDsa65 => 1952,
        KeyAlgorithm.MLDsa87 => 2592,
        KeyAlgorithm.Falcon512Experimental => 897,
        KeyAlgorithm.MLDsa44Ed25519 => 1312 + 32,
        KeyAlgorithm.MLDsa65Ed25519 => 1952 + 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The composite algorithm of the crypto layer, or null for a single algorithm.</summary>
    internal static WotId.Crypto.CompositeMLDsaAlgorithm? Composite(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.MLDsa44Ed25519 => WotId.Crypto.CompositeMLDsaAlgorithm.MLDsa44Ed25519,
        KeyAlgorithm.MLDsa65Ed25519 => WotId.Crypto.CompositeMLDsaAlgorithm.MLDsa65Ed25519,
        _ => null,
    };

    /// <summary>True for algorithms that can sign JWS (ML-DSA, experimental Falcon, classical Ed25519).</summary>
    public static bool CanSignJws(KeyAlgorithm algorithm) => algorithm != KeyAlgorithm.X25519;

    /// <summary>True for the single post-quantum signature algorithms (ML-DSA, experimental Falcon): they have AKP JWKs and did:keys.</summary>
    public static bool IsPostQuantum(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.MLDsa44 or KeyAlgorithm.MLDsa65 or KeyAlgorithm.MLDsa87 or KeyAlgorithm.Falcon512Experimental;

    /// <summary>True for the composite ML-DSA + Ed25519 algorithms (CompositeJsonWebKey methods; no did:key).</summary>
    public static bool IsComposite(KeyAlgorithm algorithm) =>
        algorithm is KeyAlgorithm.MLDsa44Ed25519 or KeyAlgorithm.MLDsa65Ed25519;

    /// <summary>True for algorithms an issuer may sign credentials with: the post-quantum ones and the composites.</summary>
    public static bool CanIssue(KeyAlgorithm algorithm) => IsPostQuantum(algorithm) || IsComposite(algorithm);

    /// <summary>True for algorithms that sign (everything but X25519).</summary>
    public static bool IsSigning(KeyAlgorithm algorithm) => algorithm != KeyAlgorithm.X25519;

    /// <summary>The JOSE <c>alg</c> (RFC 9964 for ML-DSA).</summary>
    public static string JoseName(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.MLDsa44 => "ML-DSA-44",
        KeyAlgorithm.MLDsa65 => "ML-DSA-65",
        KeyAlgorithm.MLDsa87 => "ML-DSA-87",
        KeyAlgorithm.Falcon512Experimental => "FALCON512",
        KeyAlgorithm.Ed25519 => "Ed25519",
        KeyAlgorithm.MLDsa44Ed25519 => "id-MLDSA44-Ed25519",
        KeyAlgorithm.MLDsa65Ed25519 => "id-MLDSA65-Ed25519",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), "no JOSE algorithm for this key type"),
    };

    /// <summary>The algorithm of a JOSE <c>alg</c>, or null when unsupported.</summary>
    public static KeyAlgorithm? FromJoseName(string? alg) => alg switch
    {
        "ML-DSA-44" => KeyAlgorithm.MLDsa44,
        "ML-DSA-65" => KeyAlgorithm.MLDsa65,
        "ML-DSA-87" => KeyAlgorithm.MLDsa87,
        "FALCON512" => KeyAlgorithm.Falcon512Experimental,
        "Ed25519" or "EdDSA" => KeyAlgorithm.Ed25519,
        "id-MLDSA44-Ed25519" => KeyAlgorithm.MLDsa44Ed25519,
        "id-MLDSA65-Ed25519" => KeyAlgorithm.MLDsa65Ed25519,
        _ => null,
    };

    /// <summary>The command-line name (<c>ml-dsa-65</c>, <c>ed25519</c>, ...), parsed case-insensitively.</summary>
    public static KeyAlgorithm? FromCliName(string? name) => name?.ToLowerInvariant() switch
    {
        "ed25519" => KeyAlgorithm.Ed25519,
        "x25519" => KeyAlgorithm.X25519,
        "ml-dsa-44" or "mldsa44" => KeyAlgorithm.MLDsa44,
        "ml-dsa-65" or "mldsa65" => KeyAlgorithm.MLDsa65,
        "ml-dsa-87" or "mldsa87" => KeyAlgorithm.MLDsa87,
        "falcon-512" or "falcon512" => KeyAlgorithm.Falcon512Experimental,
        "ml-dsa-44-ed25519" => KeyAlgorithm.MLDsa44Ed25519,
        "ml-dsa-65-ed25519" => KeyAlgorithm.MLDsa65Ed25519,
        _ => null,
    };

    /// <summary>The command-line name of an algorithm.</summary>
    public static string CliName(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => "ed25519",
        KeyAlgorithm.X25519 => "x25519",
        KeyAlgorithm.MLDsa44 => "ml-dsa-44",
        KeyAlgorithm.MLDsa65 => "ml-dsa-65",
        KeyAlgorithm.MLDsa87 => "ml-dsa-87",
        KeyAlgorithm.Falcon512Experimental => "falcon-512",
        KeyAlgorithm.MLDsa44Ed25519 => "ml-dsa-44-ed25519",
        KeyAlgorithm.MLDsa65Ed25519 => "ml-dsa-65-ed25519",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
