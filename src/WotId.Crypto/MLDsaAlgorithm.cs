namespace WotId.Crypto;

/// <summary>FIPS 204 ML-DSA parameter sets.</summary>
public enum MLDsaAlgorithm
{
    /// <summary>ML-DSA-44: 1312-byte public key, 2420-byte signature.</summary>
    MLDsa44 = 44,

    /// <summary>ML-DSA-65: 1952-byte public key, 3309-byte signature.</summary>
    MLDsa65 = 65,

    /// <summary>ML-DSA-87: 2592-byte public key, 4627-byte signature.</summary>
    MLDsa87 = 87,
}
