// The ML-DSA parameter sets of FIPS 204 §4 Table 1 and the encoded sizes of §7.2 (pkEncode, sigEncode).
namespace WotId.Crypto;

/// <summary>One ML-DSA parameter set (FIPS 204 Table 1) with the sizes its encodings take.</summary>
internal sealed class MLDsaParameterSet
{
    /// <summary>ML-DSA-44: (k, ℓ) = (4, 4), τ = 39, λ = 128, γ1 = 2¹⁷, γ2 = (q − 1)/88, β = 78, ω = 80.</summary>
    public static readonly MLDsaParameterSet MLDsa44 = new(4, 4, 39, 128, 17, (MLDsaMontgomery.Q - 1) / 88, 78, 80);

    /// <summary>ML-DSA-65: (k, ℓ) = (6, 5), τ = 49, λ = 192, γ1 = 2¹⁹, γ2 = (q − 1)/32, β = 196, ω = 55.</summary>
    public static readonly MLDsaParameterSet MLDsa65 = new(6, 5, 49, 192, 19, (MLDsaMontgomery.Q - 1) / 32, 196, 55);

    /// <summary>ML-DSA-87: (k, ℓ) = (8, 7), τ = 60, λ = 256, γ1 = 2¹⁹, γ2 = (q − 1)/32, β = 120, ω = 75.</summary>
    public static readonly MLDsaParameterSet MLDsa87 = new(8, 7, 60, 256, 19, (MLDsaMontgomery.Q - 1) / 32, 120, 75);

    private MLDsaParameterSet(int k, int l, int tau, int lambda, int gamma1Bits, int gamma2, int beta, int omega)
    {
        K = k;
        L = l;
        Tau = tau;
        CTildeBytes = lambda / 4;
        Gamma1Bits = gamma1Bits;
        Gamma1 = 1 << gamma1Bits;
        Gamma2 = gamma2;
        Beta = beta;
        Omega = omega;
        ZPolyBytes = 32 * (gamma1Bits + 1);
        W1Bits = gamma2 == (MLDsaMontgomery.Q - 1) / 32 ? 4 : 6;
        PublicKeyBytes = 32 + (320 * k);
        SignatureBytes = CTildeBytes + (l * ZPolyBytes) + omega + k;
    }

    public int K { get; }

    public int L { get; }

    public int Tau { get; }

    /// <summary>Length of c̃ in bytes, λ/4.</summary>
    public int CTildeBytes { get; }

    public int Gamma1Bits { get; }

    public int Gamma1 { get; }

    public int Gamma2 { get; }

    public int Beta { get; }

    public int Omega { get; }

    /// <summary>Bytes of one z polynomial, 32·(1 + bitlen(γ1 − 1)) (§7.2 sigEncode).</summary>
    public int ZPolyBytes { get; }

    /// <summary>Bits per w1 coefficient in w1Encode, bitlen((q − 1)/(2γ2) − 1) (§7.2 Algorithm 28).</summary>
    public int W1Bits { get; }

    public int PublicKeyBytes { get; }

    public int SignatureBytes { get; }

    public static MLDsaParameterSet For(MLDsaAlgorithm algorithm) => algorithm switch
    {
        MLDsaAlgorithm.MLDsa44 => MLDsa44,
        MLDsaAlgorithm.MLDsa65 => MLDsa65,
        MLDsaAlgorithm.MLDsa87 => MLDsa87,
        _ => throw new System.ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
