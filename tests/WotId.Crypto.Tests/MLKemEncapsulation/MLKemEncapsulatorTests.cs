// The project's ML-KEM encapsulation (FIPS 203 Algorithm 17) against the Wycheproof encapsulation vectors on every
// path (AVX2 or scalar NTT × platform or managed SHAKE), against BouncyCastle 2.7.0's deterministic encapsulation for
// random keys and messages of all three parameter sets, and a CsCheck property: garbage keys are refused exactly when
// BouncyCastle refuses them, never with an exception.
using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics.X86;
using CsCheck;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using WotId.Crypto.Tests.Vectors;

namespace WotId.Crypto.Tests.MLKemEncapsulation;

public sealed class MLKemEncapsulatorTests
{
    public static IEnumerable<TheoryDataRow<string, int>> EncapsCases() =>
        WycheproofVectors.Rows("mlkem_768_encaps_test.json", "mlkem_1024_encaps_test.json");

    public static TheoryData<int> Sizes() => [2, 3, 4];

    [Theory]
    [MemberData(nameof(EncapsCases))]
    public void WycheproofEncapsulationVectorsPassOnEveryPath(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        MLKemParameterSet p = c.GroupString("parameterSet") == "ML-KEM-768" ? MLKemParameterSet.MLKem768 : MLKemParameterSet.MLKem1024;
        byte[] ek = c.Hex("ek");
        byte[] m = c.Hex("m");
        foreach ((bool vector, bool platform) in Paths())
        {
            var ct = new byte[p.CiphertextBytes];
            var ss = new byte[32];
            bool ok = MLKemEncapsulator.Encapsulate(p, ek, m, ct, ss, vector, platform);
            string where = $"{c.Describe()} (vector {vector}, platform SHAKE {platform})";
            Assert.True(ok == c.IsValid, where);
            if (ok)
            {
                Assert.True(c.Hex("c").AsSpan().SequenceEqual(ct), where);
                Assert.True(c.Hex("K").AsSpan().SequenceEqual(ss), where);
            }
            else
            {
                Assert.Equal(new byte[32], ss);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DeterministicEncapsulationEqualsBouncyCastleForRandomKeysAndMessages(int k)
    {
        MLKemParameterSet p = Set(k);
        for (int round = 0; round < 40; round++)
        {
            byte[] ek = GenerateKey(k);
            byte[] m = RandomBytes.Get(32);
            var expectedCt = new byte[p.CiphertextBytes];
            var expectedSs = new byte[32];
            Assert.True(MLKem.TryEncapsulateBouncyCastle(p, ek, m, expectedCt, expectedSs));
            foreach ((bool vector, bool platform) in Paths())
            {
                var ct = new byte[p.CiphertextBytes];
                var ss = new byte[32];
                Assert.True(MLKemEncapsulator.Encapsulate(p, ek, m, ct, ss, vector, platform));
                Assert.Equal(expectedCt, ct);
                Assert.Equal(expectedSs, ss);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void GarbageKeysAreRefusedLikeBouncyCastleAndNeverThrow(int k)
    {
        MLKemParameterSet p = Set(k);
        byte[] real = GenerateKey(k);
        Gen<byte[]> keys = Gen.OneOf(
            Gen.Byte.Array[p.EncapsulationKeyBytes],
            Gen.Byte.Array[0, p.EncapsulationKeyBytes + 8],
            Gen.Int[0, p.EncapsulationKeyBytes - 1].Select(Gen.Byte, (at, value) => { byte[] copy = (byte[])real.Clone(); copy[at] = value; return copy; }));
        Gen.Select(keys, Gen.Byte.Array[32]).Sample((ek, m) =>
        {
            var expectedCt = new byte[p.CiphertextBytes];
            var expectedSs = new byte[32];
            bool expected = MLKem.TryEncapsulateBouncyCastle(p, ek, m, expectedCt, expectedSs);
            foreach ((bool vector, bool platform) in Paths())
            {
                var ct = new byte[p.CiphertextBytes];
                var ss = new byte[32];
                if (MLKemEncapsulator.Encapsulate(p, ek, m, ct, ss, vector, platform) != expected
                    || !ct.AsSpan().SequenceEqual(expected ? expectedCt : new byte[p.CiphertextBytes])
                    || !ss.AsSpan().SequenceEqual(expected ? expectedSs : new byte[32]))
                {
                    return false;
                }
            }

            return true;
        }, iter: 150);
    }

    [Fact]
    public void PublicEncapsulationUsesTheVerifiedPathAndAgreesWithDecapsulation()
    {
        foreach (MLKemAlgorithm alg in new[] { MLKemAlgorithm.MLKem768, MLKemAlgorithm.MLKem1024 })
        {
            using MLKemPrivateKey key = MLKemPrivateKey.Generate(alg);
            var ct = new byte[MLKem.CiphertextSize(alg)];
            var ss = new byte[32];
            var back = new byte[32];
            Assert.True(MLKem.TryEncapsulate(alg, key.PublicKey, ct, ss));
            key.Decapsulate(ct, back);
            Assert.Equal(ss, back);
        }
    }

    internal static IEnumerable<(bool Vector, bool Platform)> Paths()
    {
        foreach (bool vector in Avx2.IsSupported ? new[] { true, false } : [false])
        {
            foreach (bool platform in MLDsaXof.Platform ? new[] { true, false } : [false])
            {
                yield return (vector, platform);
            }
        }
    }

    internal static MLKemParameterSet Set(int k) => k switch
    {
        2 => MLKemParameterSet.MLKem512,
        3 => MLKemParameterSet.MLKem768,
        _ => MLKemParameterSet.MLKem1024,
    };

    /// <summary>A fresh encapsulation key from BouncyCastle's key generation (ML-KEM-512 has no public handle here).</summary>
    internal static byte[] GenerateKey(int k)
    {
        MLKemParameters parameters = k switch
        {
            2 => MLKemParameters.ml_kem_512,
            3 => MLKemParameters.ml_kem_768,
            _ => MLKemParameters.ml_kem_1024,
        };
        var generator = new MLKemKeyPairGenerator();
        generator.Init(new MLKemKeyGenerationParameters(new SecureRandom(), parameters));
        return ((MLKemPublicKeyParameters)generator.GenerateKeyPair().Public).GetEncoded();
    }
}
