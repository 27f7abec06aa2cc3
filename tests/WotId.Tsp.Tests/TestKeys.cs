using WotId.Crypto;
using WotId.Testing;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests;

/// <summary>Deterministic test identities (ML-DSA-65 from fixed seeds).</summary>
internal static class TestKeys
{
    public const string Alice = "did:example:alice";
    public const string Bob = "did:example:bob";

    public static MLDsaPrivateKey MLDsa(byte seedStart) =>
        MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, TestSeeds.Counting(seedStart, 32));

    public static TspStaticKeyResolver ResolverFor(string vid, ITspSigner signer)
    {
        var r = new TspStaticKeyResolver();
        r.Add(vid, new TspVerificationKey(signer.Algorithm, signer.PublicKey));
        return r;
    }
}
