using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Testing;

namespace WotId.Identity.Tests.Vectors;

/// <summary>
/// W3C CCG di-quantum-safe (CG-FINAL v0.3 @ 399230b) signed credentials: the did:key ('u' multibase, ML-DSA-44
/// 0x1210 and preliminary Falcon-512 0x122c) decodes with <see cref="DidKey"/>, and the proofValue verifies
/// over the published hashData with the same verifier the JWS path uses (pure ML-DSA, empty context; Falcon
/// padded format). JCS/RDFC canonicalisation is not implemented (wot.id secures credentials with JOSE), so
/// hashData is taken from the vector.
/// </summary>
public sealed class DiQuantumSafeVectorTests
{
    public static TheoryData<string> Suites() => new() { "mldsa44-jcs-2024", "falcon512-jcs-2024" };

    [Theory]
    [MemberData(nameof(Suites))]
    public void CcgVectorSignatureVerifiesAndFailsWhenChanged(string suite)
    {
        JsonElement v = Load(suite);
        DidPublicKey key = DidKey.Parse(v.GetProperty("verificationMethod").GetString()!);
        Assert.Equal(suite.StartsWith("mldsa44", StringComparison.Ordinal) ? KeyAlgorithm.MLDsa44 : KeyAlgorithm.Falcon512Experimental, key.Algorithm);
        byte[] hashData = Hex.Decode(v.GetProperty("hashData").GetString()!);
        byte[] signature = Multibase.Decode(v.GetProperty("proofValue").GetString()!);
        Assert.Equal(64, hashData.Length);
        Assert.True(SignatureVerifier.Verify(key, hashData, signature));
        hashData[0] ^= 1;
        Assert.False(SignatureVerifier.Verify(key, hashData, signature));
    }

    private static JsonElement Load(string suite)
    {
        string path = Path.Combine(RepositoryPaths.Root, "tests", "WotId.Identity.Tests", "Vectors", "DiQuantumSafe", "signed-jcs-2024.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            if (v.GetProperty("cryptosuite").GetString() == suite)
            {
                return v.Clone();
            }
        }

        throw new KeyNotFoundException(suite);
    }
}
