using System;
using System.IO;
using System.Text.Json;
using WotId.Signal.Spqr.MlKem;
using WotId.Testing;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>The project's ML-KEM-768 core (used by SPQR's incremental KEM) against Wycheproof's ML-KEM-768 files.</summary>
public sealed class MlKem768WycheproofTests
{
    [Fact]
    public void KeyGenFromSeedMatches()
    {
        int checkedCount = 0;
        foreach (JsonElement test in Tests("wycheproof/mlkem_768_keygen_seed_test.json"))
        {
            byte[] seed = Hex(test, "seed");
            byte[] ek = new byte[MlKem768.EncapsulationKeyBytes];
            byte[] dk = new byte[MlKem768.DecapsulationKeyBytes];
            MlKem768.KeyGen(seed, ek, dk);
            Assert.Equal(Hex(test, "ek"), ek);
            Assert.Equal(Hex(test, "dk"), dk);
            checkedCount++;
        }

        Assert.Equal(100, checkedCount);
    }

    [Fact]
    public void KeyGenThenDecapsulateMatches()
    {
        int valid = 0, invalid = 0;
        foreach (JsonElement test in Tests("wycheproof/mlkem_768_test.json"))
        {
            byte[] seed = Hex(test, "seed");
            byte[] c = Hex(test, "c");
            bool expectValid = test.GetProperty("result").GetString() == "valid";
            if (seed.Length != 64)
            {
                Assert.False(expectValid);
                invalid++;
                continue;
            }

            byte[] ek = new byte[MlKem768.EncapsulationKeyBytes];
            byte[] dk = new byte[MlKem768.DecapsulationKeyBytes];
            MlKem768.KeyGen(seed, ek, dk);
            byte[] expectedEk = Hex(test, "ek");
            if (expectedEk.Length > 0)
            {
                Assert.Equal(expectedEk, ek);
            }

            byte[] k = new byte[32];
            bool ok = MlKem768.TryDecapsulate(dk, c, k);
            Assert.Equal(expectValid, ok);
            if (ok)
            {
                Assert.Equal(Hex(test, "K"), k);
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        Assert.Equal(153, valid);
        Assert.Equal(40, invalid);
    }

    [Fact]
    public void EncapsulateWithGivenRandomnessMatches()
    {
        int valid = 0, invalid = 0;
        foreach (JsonElement test in Tests("wycheproof/mlkem_768_encaps_test.json"))
        {
            byte[] m = Hex(test, "m");
            byte[] ek = Hex(test, "ek");
            bool expectValid = test.GetProperty("result").GetString() == "valid";
            byte[] c = new byte[MlKem768.CiphertextBytes];
            byte[] k = new byte[32];
            bool ok = m.Length == 32 && MlKem768.TryEncapsulate(ek, m, c, k);
            Assert.Equal(expectValid, ok);
            if (ok)
            {
                Assert.Equal(Hex(test, "c"), c);
                Assert.Equal(Hex(test, "K"), k);
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        Assert.Equal(133, valid);
        Assert.Equal(132, invalid);
    }

    [Fact]
    public void SemiExpandedDecapsulationMatches()
    {
        int count = 0;
        foreach (JsonElement test in Tests("wycheproof/mlkem_768_semi_expanded_decaps_test.json"))
        {
            bool expectValid = test.GetProperty("result").GetString() == "valid";
            byte[] k = new byte[32];
            bool ok = MlKem768.TryDecapsulate(Hex(test, "dk"), Hex(test, "c"), k);
            Assert.Equal(expectValid, ok);
            if (ok)
            {
                Assert.Equal(Hex(test, "K"), k);
            }

            count++;
        }

        Assert.Equal(9, count);
    }

    [Fact]
    public void IncrementalEncapsulationEqualsOneShotEncapsulation()
    {
        foreach (JsonElement test in Tests("wycheproof/mlkem_768_encaps_test.json"))
        {
            if (test.GetProperty("result").GetString() != "valid")
            {
                continue;
            }

            byte[] m = Hex(test, "m");
            byte[] ek = Hex(test, "ek");
            byte[] header = new byte[IncrementalMlKem768.HeaderBytes];
            ek.AsSpan(IncrementalMlKem768.EncapsulationKeyBytes).CopyTo(header);
            WotId.Crypto.Sha3_256.Hash(ek, header.AsSpan(32));
            byte[] tHat = ek[..IncrementalMlKem768.EncapsulationKeyBytes];
            Assert.True(IncrementalMlKem768.EncapsulationKeyMatchesHeader(tHat, header));
            (byte[] ct1, byte[] state, byte[] ss) = IncrementalMlKem768.Encapsulate1(header, m);
            Assert.True(IncrementalMlKem768.IsValidState(state));
            byte[] ct2 = IncrementalMlKem768.Encapsulate2(tHat, state);
            byte[] joined = [.. ct1, .. ct2];
            Assert.Equal(Hex(test, "c"), joined);
            Assert.Equal(Hex(test, "K"), ss);
        }
    }

    private static JsonElement[] Tests(string file)
    {
        string path = TestVectorFiles.Require(file);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var list = new System.Collections.Generic.List<JsonElement>();
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                list.Add(test.Clone());
            }
        }

        return [.. list];
    }

    private static byte[] Hex(JsonElement test, string name)
    {
        return test.TryGetProperty(name, out JsonElement value) ? Convert.FromHexString(value.GetString()!) : [];
    }
}
