// Wycheproof ML-DSA-44/65/87 (FIPS 204, pure mode with context): mldsa_*_verify_test.json (§5.3 Verify, hint
// encoding, norm bounds, lengths), mldsa_*_sign_seed_test.json (§5.1 KeyGen from ξ then §5.2 Sign, deterministic
// or with the given rnd), mldsa_*_sign_noseed_test.json (Sign from an expanded private key, skDecode checks).
using System;
using System.Collections.Generic;

namespace WotId.Crypto.Tests.Vectors;

public sealed class WycheproofMLDsaTests
{
    /// <summary>Why cases flagged Internal (mu given, no message) are skipped; counted in the run output.</summary>
    internal const string ExternalMuSkipReason =
        "Internal (external mu / ML-DSA.Sign_internal) is not exposed: BouncyCastle 2.7.0 has no public external-mu " +
        "entry point and the project signs messages only (pure ML-DSA). Key generation from the seed was checked.";

    public static IEnumerable<TheoryDataRow<string, int>> VerifyCases() =>
        WycheproofVectors.Rows("mldsa_44_verify_test.json", "mldsa_65_verify_test.json", "mldsa_87_verify_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> SignSeedCases() =>
        WycheproofVectors.Rows("mldsa_44_sign_seed_test.json", "mldsa_65_sign_seed_test.json", "mldsa_87_sign_seed_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> SignNoSeedCases() =>
        WycheproofVectors.Rows("mldsa_44_sign_noseed_test.json", "mldsa_65_sign_noseed_test.json", "mldsa_87_sign_noseed_test.json");

    [Theory]
    [MemberData(nameof(VerifyCases))]
    public void WycheproofMLDsaVerify(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLDsaAlgorithm alg = Algorithm(file);
        byte[] pub = c.GroupHex("publicKey");
        byte[] msg = c.Hex("msg");
        byte[] ctx = c.HexOrNull("ctx") ?? [];
        byte[] sig = c.Hex("sig");
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsValid)
        {
            // Valid includes keys whose private half is out of range (InvalidPrivateKey) and t1 = 0 (ZeroPublicKey):
            // verification only sees the public key and must accept.
            Assert.True(MLDsa.Verify(alg, pub, msg, ctx, sig), c.Describe());
        }
        else
        {
            // Every invalid flag (InvalidContext, lengths, hints, norm, modified bits, strcmp c̃): false or ArgumentException.
            Assert.True(Rejection.IsRejected(() => MLDsa.Verify(alg, pub, msg, ctx, sig)), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(SignSeedCases))]
    public void WycheproofMLDsaSignSeed(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLDsaAlgorithm alg = Algorithm(file);
        byte[] seed = c.GroupHex("privateSeed");
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.HasFlag("IncorrectPrivateKeyLength"))
        {
            Assert.True(c.IsInvalid, c.Describe());
            Assert.True(Rejection.Throws(() => MLDsaPrivateKey.FromSeed(alg, seed).Dispose()), c.Describe());
            return;
        }

        using MLDsaPrivateKey key = MLDsaPrivateKey.FromSeed(alg, seed);
        Assert.Equal(c.GroupHex("publicKey"), key.PublicKey);
        Assert.Equal(seed, key.ExportSeed());
        SignAndCompare(c, alg, key);
    }

    [Theory]
    [MemberData(nameof(SignNoSeedCases))]
    public void WycheproofMLDsaSignNoSeed(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLDsaAlgorithm alg = Algorithm(file);
        byte[] expanded = c.GroupHex("privateKey");
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.HasFlag("IncorrectPrivateKeyLength") || c.HasFlag("InvalidPrivateKey"))
        {
            // skDecode input checks: wrong length, or s1/s2 coefficients outside [-η, η]: refused before signing.
            Assert.True(c.IsInvalid, c.Describe());
            byte[] msg = c.HexOrNull("msg") ?? [];
            Assert.True(Rejection.Throws(() =>
            {
                using MLDsaPrivateKey k = MLDsaPrivateKey.FromExpanded(alg, expanded);
                k.Sign(msg, [], deterministic: true);
            }), c.Describe());
            return;
        }

        using MLDsaPrivateKey key = MLDsaPrivateKey.FromExpanded(alg, expanded);
        byte[]? pub = c.GroupHexOrNull("publicKey");
        if (pub is not null)
        {
            Assert.Equal(pub, key.PublicKey);
        }

        Assert.Equal(expanded, key.ExportExpanded());
        SignAndCompare(c, alg, key);
    }

    private static void SignAndCompare(WycheproofCase c, MLDsaAlgorithm alg, MLDsaPrivateKey key)
    {
        byte[]? msg = c.HexOrNull("msg");
        byte[] ctx = c.HexOrNull("ctx") ?? [];
        if (msg is null)
        {
            Assert.True(c.HasFlag("Internal"), "a case without msg must be an external-mu case: " + c.Describe());
            Assert.Skip(ExternalMuSkipReason);
        }

        if (c.IsInvalid)
        {
            Assert.True(c.HasFlag("InvalidContext"), c.Describe());
            Assert.True(Rejection.Throws(() => key.Sign(msg, ctx, deterministic: true)), c.Describe());
            Assert.True(Rejection.Throws(() => key.Sign(msg, ctx, deterministic: false)), c.Describe());
            return;
        }

        byte[] expected = c.Hex("sig");
        byte[]? rnd = c.HexOrNull("rnd");
        byte[] actual = rnd is not null && c.HasFlag("Randomized")
            ? key.Sign(msg, ctx, rnd)
            : key.Sign(msg, ctx, deterministic: true);
        Assert.Equal(expected, actual);
        if (rnd is not null)
        {
            // The explicit-randomness entry point with rnd = 0³² is the deterministic variant (FIPS 204 §3.4).
            Assert.Equal(c.HasFlag("Randomized") ? expected : actual, key.Sign(msg, ctx, rnd));
        }

        Assert.True(MLDsa.Verify(alg, key.PublicKeySpan, msg, ctx, expected), c.Describe());
        byte[] hedged = key.Sign(msg, ctx, deterministic: false);
        Assert.True(MLDsa.Verify(alg, key.PublicKeySpan, msg, ctx, hedged), "hedged signature must verify");
    }

    private static MLDsaAlgorithm Algorithm(string file) => file[..8] switch
    {
        "mldsa_44" => MLDsaAlgorithm.MLDsa44,
        "mldsa_65" => MLDsaAlgorithm.MLDsa65,
        "mldsa_87" => MLDsaAlgorithm.MLDsa87,
        _ => throw new InvalidOperationException("unexpected file " + file),
    };
}
