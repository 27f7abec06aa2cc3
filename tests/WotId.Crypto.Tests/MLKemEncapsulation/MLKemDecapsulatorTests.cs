// The project's ML-KEM decapsulation (FIPS 203 Algorithm 18, implicit rejection) on every path: the Wycheproof
// seed → key → decapsulation vectors (valid ciphertexts, the CCTV "strcmp" and random ones that take the rejection
// path) and the semi-expanded decapsulation vectors (malleable ciphertexts), and against BouncyCastle 2.7.0 for
// random keys of all three sizes with genuine, bit-flipped and random ciphertexts.
using System;
using System.Collections.Generic;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using WotId.Crypto.Tests.Vectors;

namespace WotId.Crypto.Tests.MLKemEncapsulation;

public sealed class MLKemDecapsulatorTests
{
    public static IEnumerable<TheoryDataRow<string, int>> FullFlowCases() =>
        WycheproofVectors.Rows("mlkem_768_test.json", "mlkem_1024_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> SemiExpandedCases() =>
        WycheproofVectors.Rows("mlkem_768_semi_expanded_decaps_test.json", "mlkem_1024_semi_expanded_decaps_test.json");

    public static TheoryData<int> Sizes() => [2, 3, 4];

    [Theory]
    [MemberData(nameof(FullFlowCases))]
    public void WycheproofDecapsulationVectorsPassOnEveryPath(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        (MLKemAlgorithm alg, MLKemParameterSet p) = Set(c);
        byte[] seed = c.Hex("seed");
        byte[] ct = c.Hex("c");
        if (c.IsInvalid)
        {
            // Wrong seed or ciphertext length: refused before decapsulation (by the key handle or by the length check).
            Assert.True(seed.Length != MLKem.SeedSize || ct.Length != p.CiphertextBytes, c.Describe());
            if (seed.Length == MLKem.SeedSize)
            {
                using MLKemPrivateKey k = MLKemPrivateKey.FromSeed(alg, seed);
                Assert.Throws<ArgumentException>(() => MLKemDecapsulator.Decapsulate(p, k.ExportExpanded(), ct, new byte[32]));
            }

            return;
        }

        using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(alg, seed);
        AllPathsGive(p, key.ExportExpanded(), ct, c.Hex("K"), c.Describe());
    }

    [Theory]
    [MemberData(nameof(SemiExpandedCases))]
    public void WycheproofSemiExpandedDecapsulationVectorsPassOnEveryPath(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        (_, MLKemParameterSet p) = Set(c);
        byte[] dk = c.Hex("dk");
        byte[] ct = c.Hex("c");
        if (c.IsInvalid)
        {
            // Length and H(ek) checks belong to MLKemPrivateKey.FromExpanded (WycheproofMLKemTests); a length error
            // must still be refused here rather than read out of bounds.
            if (dk.Length != (768 * p.K) + 96 || ct.Length != p.CiphertextBytes)
            {
                Assert.Throws<ArgumentException>(() => MLKemDecapsulator.Decapsulate(p, dk, ct, new byte[32]));
            }

            return;
        }

        AllPathsGive(p, dk, ct, c.Hex("K"), c.Describe());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DecapsulationEqualsBouncyCastleForGenuineTamperedAndRandomCiphertexts(int k)
    {
        MLKemParameterSet p = MLKemEncapsulatorTests.Set(k);
        MLKemParameters parameters = k == 2 ? MLKemParameters.ml_kem_512 : k == 3 ? MLKemParameters.ml_kem_768 : MLKemParameters.ml_kem_1024;
        var random = new Random(k + 18);
        for (int round = 0; round < 10; round++)
        {
            var generator = new MLKemKeyPairGenerator();
            generator.Init(new MLKemKeyGenerationParameters(new SecureRandom(), parameters));
            var pair = generator.GenerateKeyPair();
            byte[] ek = ((MLKemPublicKeyParameters)pair.Public).GetEncoded();
            var bcKey = (MLKemPrivateKeyParameters)pair.Private;
            byte[] dk = bcKey.GetEncoded();

            var ct = new byte[p.CiphertextBytes];
            var ss = new byte[32];
            Assert.True(MLKemEncapsulator.Encapsulate(p, ek, RandomBytes.Get(32), ct, ss));
            byte[] flipped = (byte[])ct.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            foreach (byte[] c in new[] { ct, flipped, RandomBytes.Get(p.CiphertextBytes) })
            {
                var expected = new byte[32];
                var decapsulator = new Org.BouncyCastle.Crypto.Kems.MLKemDecapsulator(parameters);
                decapsulator.Init(bcKey);
                decapsulator.Decapsulate(c, 0, c.Length, expected, 0, expected.Length);
                AllPathsGive(p, dk, c, expected, $"k = {k}, round {round}");
            }
        }
    }

    private static void AllPathsGive(MLKemParameterSet p, byte[] dk, byte[] ct, byte[] expected, string where)
    {
        foreach ((bool vector, bool platform) in MLKemEncapsulatorTests.Paths())
        {
            var ss = new byte[32];
            MLKemDecapsulator.Decapsulate(p, dk, ct, ss, vector, platform);
            Assert.True(expected.AsSpan().SequenceEqual(ss), $"{where} (vector {vector}, platform SHAKE {platform})");
        }
    }

    private static (MLKemAlgorithm, MLKemParameterSet) Set(WycheproofCase c) => c.GroupString("parameterSet") == "ML-KEM-768"
        ? (MLKemAlgorithm.MLKem768, MLKemParameterSet.MLKem768)
        : (MLKemAlgorithm.MLKem1024, MLKemParameterSet.MLKem1024);
}
