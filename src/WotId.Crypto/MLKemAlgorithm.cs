namespace WotId.Crypto;

/// <summary>FIPS 203 ML-KEM parameter sets offered by this library.</summary>
public enum MLKemAlgorithm
{
    /// <summary>ML-KEM-768 (k = 3): 1184-byte public key, 1088-byte ciphertext.</summary>
    MLKem768 = 768,

    /// <summary>ML-KEM-1024 (k = 4): 1568-byte public key, 1568-byte ciphertext.</summary>
    MLKem1024 = 1024,
}
