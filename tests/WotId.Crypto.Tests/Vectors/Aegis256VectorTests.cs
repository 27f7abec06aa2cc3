// AEGIS-256 against the test vectors of draft-irtf-cfrg-aegis-aead ("AEGIS-256 Test Vectors", tag256): vectors 1–5
// encrypt to the listed ciphertext and tag and decrypt back, out of place and in place; vectors 6–9 (wrong key and
// nonce, a changed ciphertext, associated data or tag) fail with the output cleared. Then random inputs: in place and
// out of place agree, any flipped bit fails, and buffers that partly overlap are refused.
using System;
using System.Linq;

namespace WotId.Crypto.Tests.Vectors;

public sealed class Aegis256VectorTests
{
    private const string Key = "1001000000000000000000000000000000000000000000000000000000000000";
    private const string Nonce = "1000020000000000000000000000000000000000000000000000000000000000";

    public static TheoryData<string, string, string, string, string> Good => new()
    {
        { Key, Nonce, "", "00000000000000000000000000000000", "754fc3d8c973246dcc6d741412a4b236" + "|1181a1d18091082bf0266f66297d167d2e68b845f61a3b0527d31fc7b7b89f13" },
        { Key, Nonce, "", "", "|6a348c930adbd654896e1666aad67de989ea75ebaa2b82fb588977b1ffec864a" },
        { Key, Nonce, "0001020304050607", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "f373079ed84b2709faee373584585d60accd191db310ef5d8b11833df9dec711|b7d28d0c3c0ebd409fd22b44160503073a547412da0854bfb9723020dab8da1a" },
        { Key, Nonce, "0001020304050607", "000102030405060708090a0b0c0d",
            "f373079ed84b2709faee37358458|8c1cc703c81281bee3f6d9966e14948b4a175b2efbdc31e61a98b4465235c2d9" },
        { Key, Nonce, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223242526272829",
            "101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637",
            "57754a7d09963e7c787583a2e7b859bb24fa1e04d49fd550b2511a358e3bca252a9b1b8b30cc4a67|a3aca270c006094d71c20e6910b5161c0826df233d08919a566ec2c05990f734" },
    };

    public static TheoryData<string, string, string, string, string> Bad => new()
    {
        { Nonce, Key, "0001020304050607", "f373079ed84b2709faee37358458", "8c1cc703c81281bee3f6d9966e14948b4a175b2efbdc31e61a98b4465235c2d9" },
        { Key, Nonce, "0001020304050607", "f373079ed84b2709faee37358459", "8c1cc703c81281bee3f6d9966e14948b4a175b2efbdc31e61a98b4465235c2d9" },
        { Key, Nonce, "0001020304050608", "f373079ed84b2709faee37358458", "8c1cc703c81281bee3f6d9966e14948b4a175b2efbdc31e61a98b4465235c2d9" },
        { Key, Nonce, "0001020304050607", "f373079ed84b2709faee37358458", "8c1cc703c81281bee3f6d9966e14948b4a175b2efbdc31e61a98b4465235c2da" },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void TheDraftsVectorsEncryptAndDecrypt(string key, string nonce, string ad, string msg, string ctTag)
    {
        byte[] k = Convert.FromHexString(key), n = Convert.FromHexString(nonce), a = Convert.FromHexString(ad), m = Convert.FromHexString(msg);
        string[] parts = ctTag.Split('|');
        byte[] expectedCt = Convert.FromHexString(parts[0]), expectedTag = Convert.FromHexString(parts[1]);

        byte[] ct = new byte[m.Length], tag = new byte[Aegis256.TagSize];
        Aegis256.Encrypt(k, n, m, a, ct, tag);
        Assert.Equal(expectedCt, ct);
        Assert.Equal(expectedTag, tag);

        byte[] inPlace = (byte[])m.Clone();
        Aegis256.Encrypt(k, n, inPlace, a, inPlace, tag);
        Assert.Equal(expectedCt, inPlace);

        byte[] back = new byte[ct.Length];
        Assert.True(Aegis256.TryDecrypt(k, n, ct, expectedTag, a, back));
        Assert.Equal(m, back);
        Assert.True(Aegis256.TryDecrypt(k, n, inPlace, expectedTag, a, inPlace));
        Assert.Equal(m, inPlace);
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void TheDraftsFailingVectorsFailAndClearTheOutput(string key, string nonce, string ad, string ct, string tag)
    {
        byte[] output = Enumerable.Repeat((byte)0xAA, ct.Length / 2).ToArray();
        Assert.False(Aegis256.TryDecrypt(Convert.FromHexString(key), Convert.FromHexString(nonce), Convert.FromHexString(ct), Convert.FromHexString(tag),
            Convert.FromHexString(ad), output));
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Fact]
    public void RandomMessagesRoundTripInPlaceAndAnyFlippedBitFails()
    {
        var random = new Random(20261208);
        foreach (int length in new[] { 0, 1, 15, 16, 17, 31, 32, 33, 255, 4096, 262_144 + 32 })
        {
            byte[] k = RandomBytes.Get(32), n = RandomBytes.Get(32), a = RandomBytes.Get(random.Next(0, 70)), m = RandomBytes.Get(length);
            byte[] ct = new byte[length], tag = new byte[32];
            Aegis256.Encrypt(k, n, m, a, ct, tag);
            byte[] buffer = (byte[])m.Clone();
            byte[] tag2 = new byte[32];
            Aegis256.Encrypt(k, n, buffer, a, buffer, tag2);
            Assert.Equal(ct, buffer);
            Assert.Equal(tag, tag2);

            if (length > 0)
            {
                byte[] flipped = (byte[])ct.Clone();
                flipped[random.Next(length)] ^= (byte)(1 << random.Next(8));
                Assert.False(Aegis256.TryDecrypt(k, n, flipped, tag, a, flipped));
                Assert.All(flipped, b => Assert.Equal(0, b));
            }

            byte[] badTag = (byte[])tag.Clone();
            badTag[random.Next(32)] ^= 1;
            Assert.False(Aegis256.TryDecrypt(k, n, ct, badTag, a, new byte[length]));
            Assert.True(Aegis256.TryDecrypt(k, n, buffer, tag, a, buffer));
            Assert.Equal(m, buffer);
        }
    }

    [Fact]
    public void WrongSizesAndPartlyOverlappingBuffersAreRefused()
    {
        byte[] k = new byte[32], n = new byte[32], tag = new byte[32], buffer = new byte[64];
        Assert.Throws<ArgumentException>(() => Aegis256.Encrypt(new byte[16], n, buffer.AsSpan(0, 8), [], new byte[8], tag));
        Assert.Throws<ArgumentException>(() => Aegis256.Encrypt(k, new byte[12], buffer.AsSpan(0, 8), [], new byte[8], tag));
        Assert.Throws<ArgumentException>(() => Aegis256.Encrypt(k, n, buffer.AsSpan(0, 8), [], new byte[9], tag));
        Assert.Throws<ArgumentException>(() => Aegis256.Encrypt(k, n, buffer.AsSpan(0, 8), [], new byte[8], new byte[16]));
        Assert.Throws<ArgumentException>(() => Aegis256.Encrypt(k, n, buffer.AsSpan(0, 16), [], buffer.AsSpan(1, 16), tag));
        Assert.Throws<ArgumentException>(() => Aegis256.TryDecrypt(k, n, buffer.AsSpan(0, 32), buffer.AsSpan(16, 32), [], new byte[32]));
    }
}
