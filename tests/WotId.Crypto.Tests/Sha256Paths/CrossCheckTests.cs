// Both paths against independent implementations on random inputs: BouncyCastle's HMac(Sha256Digest) and .NET's
// HMACSHA256 / HKDF / SHA256 (the platform path is .NET's, so BouncyCastle is what makes its check non-circular).
// Key lengths 0–200 (block size 64 and the hash-first rule above it), data lengths 0–5,000 with the SHA-256 padding
// boundaries 55/56/63/64/65 and the 4 KiB switch between the two native call kinds.
using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace WotId.Crypto.Tests.Sha256Paths;

public sealed class CrossCheckTests
{
    private static readonly int[] s_boundaries = [0, 1, 31, 32, 33, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 4095, 4096, 4097, 5000];

    [Theory]
    [MemberData(nameof(Sha256Path.Both), MemberType = typeof(Sha256Path))]
    public void HmacEqualsBouncyCastleAndDotNetOnRandomKeysAndLengths(string path)
    {
        var random = new Random(4231);
        for (int i = 0; i < 3000; i++)
        {
            byte[] key = Bytes(random, i < s_boundaries.Length ? Math.Min(s_boundaries[i], 200) : random.Next(0, 201));
            int length = i < 2 * s_boundaries.Length ? s_boundaries[i % s_boundaries.Length] : random.Next(0, 5001);
            byte[] data = Bytes(random, length);
            byte[] expected = HMACSHA256.HashData(key, data);
            Assert.Equal(expected, BouncyCastleHmac(key, data));
            Assert.Equal(expected, Sha256Path.Hmac(path, key, data));
        }
    }

    [Theory]
    [MemberData(nameof(Sha256Path.Both), MemberType = typeof(Sha256Path))]
    public void HkdfEqualsHmacExtractAndDotNetExpandOnRandomInputs(string path)
    {
        var random = new Random(5869);
        for (int i = 0; i < 2000; i++)
        {
            byte[] ikm = Bytes(random, random.Next(0, 201));
            byte[] salt = Bytes(random, random.Next(0, 201));
            byte[] info = Bytes(random, i % 7 == 0 ? random.Next(0, 5001) : random.Next(0, 100));
            int length = i % 50 == 0 ? HkdfSha256.MaxOutputLength - random.Next(0, 40) : random.Next(1, 200);
            var expected = new byte[length];
            // Extract as RFC 5869 §2.2 defines it (OpenSSL 3's HKDF refuses an empty IKM), Expand by .NET.
            HKDF.Expand(HashAlgorithmName.SHA256, HMACSHA256.HashData(salt, ikm), expected, info);
            var okm = new byte[length];
            Sha256Path.DeriveKey(path, ikm, salt, info, okm);
            Assert.Equal(expected, okm);
        }
    }

    [Theory]
    [MemberData(nameof(Sha256Path.Both), MemberType = typeof(Sha256Path))]
    public void Sha256EqualsBouncyCastleOnEveryLengthUpTo300AndRandomLongerOnes(string path)
    {
        var random = new Random(1804);
        for (int i = 0; i < 700; i++)
        {
            byte[] data = Bytes(random, i <= 300 ? i : random.Next(301, i % 20 == 0 ? 200_000 : 5001));
            var digest = new Sha256Digest();
            digest.BlockUpdate(data, 0, data.Length);
            var expected = new byte[32];
            digest.DoFinal(expected, 0);
            Assert.Equal(expected, Sha256Path.Hash(path, data));
        }
    }

    [Fact]
    public void NativeHashThroughTheTransitionPointerEqualsTheFastOne()
    {
        if (!OpenSslSha256.IsAvailable)
        {
            Assert.Skip("OpenSSL's SHA256_* exports are not available here");
        }

        var random = new Random(7);
        foreach (int length in s_boundaries)
        {
            byte[] data = Bytes(random, length);
            var slow = new byte[32];
            OpenSslSha256.HashWithTransition(data, slow);
            Assert.Equal(SHA256.HashData(data), slow);
        }
    }

    [Fact]
    public void PublicApiGivesTheSameTagWhenTheDestinationIsTheKeyOrTheDataBuffer()
    {
        var random = new Random(2104);
        byte[] key = Bytes(random, 32);
        byte[] data = Bytes(random, 33);
        byte[] expected = HMACSHA256.HashData(key, data);
        byte[] keyBuffer = (byte[])key.Clone();
        HmacSha256.Compute(keyBuffer, data, keyBuffer);
        Assert.Equal(expected, keyBuffer);
        byte[] dataBuffer = (byte[])data.Clone();
        HmacSha256.Compute(key, dataBuffer, dataBuffer);
        Assert.Equal(expected, dataBuffer[..32]);
        byte[] prk = Bytes(random, 32);
        var okm = new byte[64];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, data);
        byte[] prkBuffer = [.. prk, .. new byte[32]];
        HkdfSha256.Expand(prkBuffer.AsSpan(0, 32), data, prkBuffer);
        Assert.Equal(okm, prkBuffer);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] BouncyCastleHmac(byte[] key, byte[] data)
    {
        var mac = new HMac(new Sha256Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var tag = new byte[32];
        mac.DoFinal(tag, 0);
        return tag;
    }
}
