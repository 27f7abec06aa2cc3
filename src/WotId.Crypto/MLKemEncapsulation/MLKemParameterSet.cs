// The ML-KEM parameter sets of FIPS 203 §8 Table 2 (n = 256, q = 3329, η2 = 2) and the sizes of §8 Table 3.
using System;

namespace WotId.Crypto;

/// <summary>One ML-KEM parameter set (FIPS 203 Table 2) with the sizes its encodings take.</summary>
internal sealed class MLKemParameterSet
{
    /// <summary>ML-KEM-512: k = 2, η1 = 3, du = 10, dv = 4.</summary>
    public static readonly MLKemParameterSet MLKem512 = new(2, 3, 10, 4);

    /// <summary>ML-KEM-768: k = 3, η1 = 2, du = 10, dv = 4.</summary>
    public static readonly MLKemParameterSet MLKem768 = new(3, 2, 10, 4);

    /// <summary>ML-KEM-1024: k = 4, η1 = 2, du = 11, dv = 5.</summary>
    public static readonly MLKemParameterSet MLKem1024 = new(4, 2, 11, 5);

    private MLKemParameterSet(int k, int eta1, int du, int dv)
    {
        K = k;
        Eta1 = eta1;
        Du = du;
        Dv = dv;
        EncapsulationKeyBytes = (384 * k) + 32;
        CiphertextBytes = 32 * ((du * k) + dv);
    }

    public int K { get; }

    public int Eta1 { get; }

    /// <summary>η2 = 2 for every parameter set.</summary>
    public const int Eta2 = 2;

    public int Du { get; }

    public int Dv { get; }

    public int EncapsulationKeyBytes { get; }

    public int CiphertextBytes { get; }

    public static MLKemParameterSet For(MLKemAlgorithm algorithm) => algorithm switch
    {
        MLKemAlgorithm.MLKem768 => MLKem768,
        MLKemAlgorithm.MLKem1024 => MLKem1024,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
