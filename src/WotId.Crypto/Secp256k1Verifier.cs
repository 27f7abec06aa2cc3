// ECDSA over secp256k1 (SEC 2 §2.4.1) with SHA-256 and DER signatures, compressed 33-byte public keys: libp2p's
// Secp256k1 peer keys (libp2p/specs peer-ids/peer-ids.md, "Secp256k1"; Bitcoin encodings). Verification only.
using System;
using System.IO;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace WotId.Crypto;

/// <summary>Verifies secp256k1 ECDSA/SHA-256 DER signatures.</summary>
public static class Secp256k1Verifier
{
    /// <summary>Size of a compressed public key.</summary>
    public const int PublicKeySize = 33;

    private static readonly X9ECParameters s_curve = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters s_domain = new(s_curve.Curve, s_curve.G, s_curve.N, s_curve.H);

    /// <summary>True when <paramref name="compressedPublicKey"/> is a compressed point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> compressedPublicKey) => TryDecode(compressedPublicKey) is not null;

    /// <summary>Verifies a DER <paramref name="signature"/> over SHA-256(<paramref name="message"/>). False on any failure.</summary>
    public static bool Verify(ReadOnlySpan<byte> compressedPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ECPoint? q = TryDecode(compressedPublicKey);
        if (q is null || signature.Length < 8 || signature.Length > 72)
        {
            return false;
        }

        BigInteger r;
        BigInteger s;
        try
        {
            byte[] der = signature.ToArray();
            if (Asn1Object.FromByteArray(der) is not Asn1Sequence seq || seq.Count != 2 || !seq.GetDerEncoded().AsSpan().SequenceEqual(der))
            {
                return false;
            }

            r = DerInteger.GetInstance(seq[0]).Value;
            s = DerInteger.GetInstance(seq[1]).Value;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException)
        {
            return false;
        }

        if (r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(s_domain.N) >= 0 || s.CompareTo(s_domain.N) >= 0)
        {
            return false;
        }

        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(q, s_domain));
        return signer.VerifySignature(Sha256.Hash(message), r, s);
    }

    private static ECPoint? TryDecode(ReadOnlySpan<byte> compressedPublicKey)
    {
        if (compressedPublicKey.Length != PublicKeySize || (compressedPublicKey[0] != 2 && compressedPublicKey[0] != 3))
        {
            return null;
        }

        try
        {
            ECPoint p = s_curve.Curve.DecodePoint(compressedPublicKey.ToArray());
            return p.IsValid() && !p.IsInfinity ? p : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
