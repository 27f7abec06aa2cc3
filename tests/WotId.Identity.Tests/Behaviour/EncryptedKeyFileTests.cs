using System;
using System.Text.Json.Nodes;
using WotId.Identity.Keys;

namespace WotId.Identity.Tests.Behaviour;

public sealed class EncryptedKeyFileTests
{
    [Theory]
    [InlineData(KeyAlgorithm.MLDsa65)]
    [InlineData(KeyAlgorithm.Ed25519)]
    [InlineData(KeyAlgorithm.Falcon512Experimental)]
    public void KeyFileRoundTripsWithTheRightPassphraseOnly(KeyAlgorithm algorithm)
    {
        SigningKey key = TestKeys.Get(algorithm, 80);
        string json = EncryptedKeyFile.Create(key, "pässwörd ☃", memoryKiB: 256, iterations: 1).ToJson();
        Assert.DoesNotContain("pässwörd", json, StringComparison.Ordinal);
        EncryptedKeyFile file = EncryptedKeyFile.Parse(json);
        Assert.Equal(key.Did, file.Did);
        Assert.True(file.TryOpen("pässwörd ☃", out SigningKey? opened));
        using (opened)
        {
            Assert.Equal(key.Did, opened!.Did);
        }

        Assert.False(file.TryOpen("passwörd ☃", out SigningKey? none));
        Assert.Null(none);
    }

    [Fact]
    public void SwappingThePublicDidIsDetectedThroughTheAad()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa65, 81);
        JsonNode node = JsonNode.Parse(EncryptedKeyFile.Create(key, "pw", 256, 1).ToJson())!;
        node["did"] = TestKeys.Get(KeyAlgorithm.MLDsa65, 82).Did;
        Assert.False(EncryptedKeyFile.Parse(node.ToJsonString()).TryOpen("pw", out _));
    }

    [Theory]
    [InlineData("memoryKiB", 4)]
    [InlineData("memoryKiB", 4_000_000)]
    [InlineData("iterations", 0)]
    [InlineData("iterations", 100)]
    [InlineData("parallelism", 9)]
    public void HostileKdfParametersAreRejected(string member, long value)
    {
        JsonNode node = JsonNode.Parse(EncryptedKeyFile.Create(TestKeys.Get(KeyAlgorithm.MLDsa44, 83), "pw", 256, 1).ToJson())!;
        node["kdf"]![member] = value;
        Assert.Equal(IdentityError.MalformedKeyFile, Assert.Throws<IdentityFormatException>(() => EncryptedKeyFile.Parse(node.ToJsonString())).Error);
    }
}
