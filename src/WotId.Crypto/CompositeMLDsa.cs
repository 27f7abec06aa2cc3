// Composite ML-DSA + Ed25519, "pure" mode of draft-ietf-lamps-pq-composite-sigs-04 (2025-03-03) §"Composite-ML-DSA.Sign"
// and §"Composite-ML-DSA.Verify", in the variant IOTA Identity (identity.rs, @iota/identity-wasm 1.9.7-beta.1) signs and
// verifies JWS with. Found by reading identity_jose's CompositeAlgId and by experiment against the library:
//
//   M'       = Prefix ‖ Domain ‖ len(ctx) ‖ ctx ‖ M          (no pre-hash; ctx is empty, so len(ctx) = 0x00)
//   Prefix   = ASCII "CompositeAlgorithmSignatures2025"      (32 bytes)
//   Domain   = DER of the composite OID (13 bytes), table below
//   mldsaSig = ML-DSA.Sign(mldsaSK, M', ctx = Domain)       (FIPS 204 pure, hedged)
//   tradSig  = Ed25519.Sign(edSK, M')                        (RFC 8032)
//   output   = tradSig (64) ‖ mldsaSig                       IOTA Identity's own serialization: the draft's -04 ASN.1
//                                                            SEQUENCE and the later drafts' mldsaSig ‖ tradSig both differ.
//   public key (ours) = mldsaPK ‖ Ed25519 PK (later drafts' order); in JOSE each half travels as its own JWK.
//
// | algorithm           | OID                            | Domain (hex)                 | ML-DSA pk | signature     |
// |---------------------|--------------------------------|------------------------------|----------:|--------------:|
// | id-MLDSA44-Ed25519  | 2.16.840.1.114027.80.8.1.62    | 060B6086480186FA6B5008013E   |      1312 | 64+2420=2484  |
// | id-MLDSA65-Ed25519  | 2.16.840.1.114027.80.8.1.71    | 060B6086480186FA6B50080147   |      1952 | 64+3309=3373  |
using System;

namespace WotId.Crypto;

/// <summary>Composite ML-DSA + Ed25519 signatures (both components must verify).</summary>
public static class CompositeMLDsa
{
    /// <summary>The draft's prefix, ASCII <c>CompositeAlgorithmSignatures2025</c>.</summary>
    public static ReadOnlySpan<byte> Prefix => "CompositeAlgorithmSignatures2025"u8;

    private static ReadOnlySpan<byte> Domain44 => [0x06, 0x0B, 0x60, 0x86, 0x48, 0x01, 0x86, 0xFA, 0x6B, 0x50, 0x08, 0x01, 0x3E];

    private static ReadOnlySpan<byte> Domain65 => [0x06, 0x0B, 0x60, 0x86, 0x48, 0x01, 0x86, 0xFA, 0x6B, 0x50, 0x08, 0x01, 0x47];

    /// <summary>The ML-DSA component's parameter set.</summary>
    public static MLDsaAlgorithm Component(CompositeMLDsaAlgorithm algorithm) => algorithm switch
    {
        CompositeMLDsaAlgorithm.MLDsa44Ed25519 => MLDsaAlgorithm.MLDsa44,
        CompositeMLDsaAlgorithm.MLDsa65Ed25519 => MLDsaAlgorithm.MLDsa65,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The domain separator: the DER encoding of the composite OID.</summary>
    public static ReadOnlySpan<byte> Domain(CompositeMLDsaAlgorithm algorithm) => algorithm switch
    {
        CompositeMLDsaAlgorithm.MLDsa44Ed25519 => Domain44,
        CompositeMLDsaAlgorithm.MLDsa65Ed25519 => Domain65,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Composite public key size: ML-DSA public key plus the 32-byte Ed25519 key.</summary>
    public static int PublicKeySize(CompositeMLDsaAlgorithm algorithm) => MLDsa.PublicKeySize(Component(algorithm)) + Ed25519.PublicKeySize;

    /// <summary>Composite signature size: 64-byte Ed25519 signature plus the ML-DSA signature.</summary>
    public static int SignatureSize(CompositeMLDsaAlgorithm algorithm) => Ed25519.SignatureSize + MLDsa.SignatureSize(Component(algorithm));

    /// <summary>The message representative M' = Prefix ‖ Domain ‖ 0x00 ‖ <paramref name="message"/> (empty application context).</summary>
    public static byte[] MessageRepresentative(CompositeMLDsaAlgorithm algorithm, ReadOnlySpan<byte> message)
    {
        ReadOnlySpan<byte> domain = Domain(algorithm);
        byte[] m = new byte[Prefix.Length + domain.Length + 1 + message.Length];
        Prefix.CopyTo(m);
        domain.CopyTo(m.AsSpan(Prefix.Length));
        m[Prefix.Length + domain.Length] = 0;
        message.CopyTo(m.AsSpan(Prefix.Length + domain.Length + 1));
        return m;
    }

    /// <summary>
    /// Splits a composite signature into its Ed25519 and ML-DSA parts; false (parts empty) unless the length is exactly
    /// <see cref="SignatureSize"/>. This is the only decoding step: each part then has a fixed size.
    /// </summary>
    public static bool TrySplitSignature(CompositeMLDsaAlgorithm algorithm, ReadOnlySpan<byte> signature, out ReadOnlySpan<byte> ed25519Signature, out ReadOnlySpan<byte> mldsaSignature)
    {
        if (signature.Length != SignatureSize(algorithm))
        {
            ed25519Signature = default;
            mldsaSignature = default;
            return false;
        }

        ed25519Signature = signature[..Ed25519.SignatureSize];
        mldsaSignature = signature[Ed25519.SignatureSize..];
        return true;
    }

    /// <summary>
    /// True when both component signatures verify for <paramref name="message"/> under the composite public key
    /// (ML-DSA key ‖ Ed25519 key). Wrong lengths give false.
    /// </summary>
    public static bool Verify(CompositeMLDsaAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize(algorithm) || !TrySplitSignature(algorithm, signature, out ReadOnlySpan<byte> edSig, out ReadOnlySpan<byte> mlSig))
        {
            return false;
        }

        MLDsaAlgorithm component = Component(algorithm);
        int split = MLDsa.PublicKeySize(component);
        byte[] m = MessageRepresentative(algorithm, message);
        bool ml = MLDsa.Verify(component, publicKey[..split], m, Domain(algorithm), mlSig);
        bool ed = Ed25519.Verify(publicKey[split..], m, edSig);
        return ml & ed;
    }

    /// <summary>Signs <paramref name="message"/> with both keys; the output is Ed25519 signature ‖ ML-DSA signature.</summary>
    /// <exception cref="ArgumentException">The ML-DSA key is not of the composite's parameter set.</exception>
    public static byte[] Sign(CompositeMLDsaAlgorithm algorithm, MLDsaPrivateKey mldsaKey, Ed25519PrivateKey ed25519Key, ReadOnlySpan<byte> message, bool deterministic = false)
    {
        ArgumentNullException.ThrowIfNull(mldsaKey);
        ArgumentNullException.ThrowIfNull(ed25519Key);
        if (mldsaKey.Algorithm != Component(algorithm))
        {
            throw new ArgumentException("ML-DSA key does not match the composite algorithm", nameof(mldsaKey));
        }

        byte[] m = MessageRepresentative(algorithm, message);
        byte[] output = new byte[SignatureSize(algorithm)];
        ed25519Key.Sign(m, output.AsSpan(0, Ed25519.SignatureSize));
        mldsaKey.Sign(m, Domain(algorithm), deterministic).CopyTo(output.AsSpan(Ed25519.SignatureSize));
        return output;
    }
}
