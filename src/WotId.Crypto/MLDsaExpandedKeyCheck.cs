// FIPS 204 §7.2 skEncode/skDecode (Algorithms 24/25): sk = ρ(32) ‖ K(32) ‖ tr(64) ‖ s1 (ℓ polynomials) ‖
// s2 (k polynomials) ‖ t0 (k × 416 bytes), each s coefficient stored as η − s in bitlen(2η) bits. skDecode is only
// defined when every stored value is ≤ 2η; Wycheproof's InvalidPrivateKey cases check that it is enforced.
using System;

namespace WotId.Crypto;

/// <summary>Input checks for expanded ML-DSA private keys (length and s1/s2 coefficient range).</summary>
internal static class MLDsaExpandedKeyCheck
{
    /// <summary>Expanded private-key length for <paramref name="algorithm"/>.</summary>
    public static int ExpandedSize(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => 2560,
        MLDsaAlgorithm.MLDsa65 => 4032,
        MLDsaAlgorithm.MLDsa87 => 4896,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="privateKey"/> is a well-formed expanded key.</summary>
    public static void Validate(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> privateKey)
    {
        ThrowHelper.CheckLength(privateKey, ExpandedSize(algorithm), nameof(privateKey));
        (int k, int l, int eta) = algorithm switch
        {
            MLDsaAlgorithm.MLDsa44 => (4, 4, 2),
            MLDsaAlgorithm.MLDsa65 => (6, 5, 4),
            _ => (8, 7, 2),
        };
        int bits = eta == 2 ? 3 : 4;
        int coefficients = (k + l) * 256;
        ReadOnlySpan<byte> packed = privateKey.Slice(128, coefficients * bits / 8);
        int mask = (1 << bits) - 1;
        for (int i = 0; i < coefficients; i++)
        {
            int bit = i * bits;
            int window = packed[bit >> 3] | ((bit >> 3) + 1 < packed.Length ? packed[(bit >> 3) + 1] << 8 : 0);
            int value = (window >> (bit & 7)) & mask;
            if (value > 2 * eta)
            {
                throw new ArgumentException("ML-DSA private key has an s1/s2 coefficient out of range (FIPS 204 skDecode)", nameof(privateKey));
            }
        }
    }
}
