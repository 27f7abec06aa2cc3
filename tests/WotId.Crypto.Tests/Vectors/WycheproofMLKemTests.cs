// Wycheproof ML-KEM-768/1024 (FIPS 203): mlkem_*_test.json (seed → keys → decaps, incl. CCTV strcmp),
// mlkem_*_encaps_test.json (encapsulation with explicit m; §7.2 modulus check), mlkem_*_keygen_seed_test.json
// (ML-KEM.KeyGen_internal from d‖z) and mlkem_*_semi_expanded_decaps_test.json (§7.3 decapsulation input checks).
using System;
using System.Collections.Generic;

namespace WotId.Crypto.Tests.Vectors;

public sealed class WycheproofMLKemTests
{
    public static IEnumerable<TheoryDataRow<string, int>> FullFlowCases() =>
        WycheproofVectors.Rows("mlkem_768_test.json", "mlkem_1024_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> EncapsCases() =>
        WycheproofVectors.Rows("mlkem_768_encaps_test.json", "mlkem_1024_encaps_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> KeygenSeedCases() =>
        WycheproofVectors.Rows("mlkem_768_keygen_seed_test.json", "mlkem_1024_keygen_seed_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> SemiExpandedDecapsCases() =>
        WycheproofVectors.Rows("mlkem_768_semi_expanded_decaps_test.json", "mlkem_1024_semi_expanded_decaps_test.json");

    [Theory]
    [MemberData(nameof(FullFlowCases))]
    public void WycheproofMLKem(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLKemAlgorithm alg = Algorithm(c);
        byte[] seed = c.Hex("seed");
        byte[] ct = c.Hex("c");
        var ss = new byte[32];
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsInvalid)
        {
            // "Private key too short/long" (seed ≠ 64 bytes) or "Ciphertext too short/long": misuse, ArgumentException.
            Assert.True(Rejection.Throws(() =>
            {
                using MLKemPrivateKey k = MLKemPrivateKey.FromSeed(alg, seed);
                k.Decapsulate(ct, ss);
            }), c.Describe());
            return;
        }

        using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(alg, seed);
        Assert.Equal(c.Hex("ek"), key.PublicKey);
        Assert.Equal(seed, key.ExportSeed());

        // Valid cases include implicit rejection (Strcmp and random ciphertexts): K is then the pseudorandom J(z‖c).
        key.Decapsulate(ct, ss);
        Assert.Equal(c.Hex("K"), ss);
    }

    [Theory]
    [MemberData(nameof(EncapsCases))]
    public void WycheproofMLKemEncaps(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLKemAlgorithm alg = Algorithm(c);
        byte[] ek = c.Hex("ek");
        byte[] m = c.Hex("m");
        var ct = new byte[MLKem.CiphertextSize(alg)];
        var ss = new byte[32];
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsInvalid)
        {
            // ModulusOverflow / "Public key not reduced" / wrong length: the FIPS 203 §7.2 check refuses the key.
            Assert.False(MLKem.IsValidPublicKey(alg, ek), c.Describe());
            Assert.True(Rejection.IsRejected(() => MLKem.TryEncapsulateDeterministic(alg, ek, m, ct, ss)), c.Describe());
            Assert.True(Rejection.IsRejected(() => MLKem.TryEncapsulate(alg, ek, ct, ss)), c.Describe());
            Assert.Equal(new byte[32], ss);
            return;
        }

        Assert.True(MLKem.IsValidPublicKey(alg, ek), c.Describe());
        Assert.True(MLKem.TryEncapsulateDeterministic(alg, ek, m, ct, ss), c.Describe());
        Assert.Equal(c.Hex("c"), ct);
        Assert.Equal(c.Hex("K"), ss);
        Assert.True(MLKem.TryEncapsulate(alg, ek, ct, ss));
    }

    [Theory]
    [MemberData(nameof(KeygenSeedCases))]
    public void WycheproofMLKemKeygenSeed(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLKemAlgorithm alg = Algorithm(c);
        Assert.True(c.IsValid, "keygen_seed files hold valid cases only; a new kind needs a decision");
        byte[] dk = c.Hex("dk");
        using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(alg, c.Hex("seed"));
        Assert.Equal(c.Hex("ek"), key.PublicKey);
        Assert.Equal(dk, key.ExportExpanded());
        using MLKemPrivateKey expanded = MLKemPrivateKey.FromExpanded(alg, dk);
        Assert.Equal(c.Hex("ek"), expanded.PublicKey);
        Assert.Null(expanded.ExportSeed());
    }

    [Theory]
    [MemberData(nameof(SemiExpandedDecapsCases))]
    public void WycheproofMLKemSemiExpandedDecaps(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLKemAlgorithm alg = Algorithm(c);
        byte[] dk = c.Hex("dk");
        byte[] ct = c.Hex("c");
        var ss = new byte[32];
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsInvalid)
        {
            // IncorrectCiphertextLength, IncorrectDecapsulationKeyLength, InvalidDecapsulationKey (H(ek) mismatch).
            Assert.True(Rejection.Throws(() =>
            {
                using MLKemPrivateKey k = MLKemPrivateKey.FromExpanded(alg, dk);
                k.Decapsulate(ct, ss);
            }), c.Describe());
            return;
        }

        // Valid, including MalleableCiphertext (re-encryption check must run): the exact K.
        using MLKemPrivateKey key = MLKemPrivateKey.FromExpanded(alg, dk);
        Assert.Equal(c.Hex("ek"), key.PublicKey);
        key.Decapsulate(ct, ss);
        Assert.Equal(c.Hex("K"), ss);
    }

    private static MLKemAlgorithm Algorithm(WycheproofCase c) => c.GroupString("parameterSet") switch
    {
        "ML-KEM-768" => MLKemAlgorithm.MLKem768,
        "ML-KEM-1024" => MLKemAlgorithm.MLKem1024,
        string other => throw new InvalidOperationException("unexpected parameter set " + other),
    };
}
