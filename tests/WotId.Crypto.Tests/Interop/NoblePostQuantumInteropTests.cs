// Cross-implementation checks of ML-KEM (FIPS 203), ML-DSA (FIPS 204) and Falcon-512 (round 3 v1.2) between
// WotId.Crypto (BouncyCastle 2.7.0) and @noble/post-quantum 0.7.1 running in Node: both directions, plus
// byte-identical keys, ciphertexts and deterministic signatures from the same seeds.
using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;

namespace WotId.Crypto.Tests.Interop;

public sealed class NoblePostQuantumInteropTests
{
    private const int SeedsPerCase = 3;

    public static TheoryData<MLDsaAlgorithm, string> DsaCases() => new()
    {
        { MLDsaAlgorithm.MLDsa44, string.Empty },
        { MLDsaAlgorithm.MLDsa44, "wot.id" },
        { MLDsaAlgorithm.MLDsa65, string.Empty },
        { MLDsaAlgorithm.MLDsa65, "wot.id" },
        { MLDsaAlgorithm.MLDsa87, string.Empty },
        { MLDsaAlgorithm.MLDsa87, "wot.id" },
    };

    [Theory]
    [MemberData(nameof(DsaCases))]
    public async Task MLDsaBothDirectionsAndDeterministicSignaturesMatch(MLDsaAlgorithm alg, string context)
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        byte[] ctx = Encoding.UTF8.GetBytes(context);
        for (int i = 0; i < SeedsPerCase; i++)
        {
            byte[] seed = i == 0 ? Golden(32) : RandomBytes.Get(32);
            byte[] msg = RandomBytes.Get(1 + (i * 300));
            using MLDsaPrivateKey key = MLDsaPrivateKey.FromSeed(alg, seed);
            CryptoPeer.Answer keys = await peer.CallAsync("mldsa-keygen", new() { ["alg"] = (int)alg, ["seed"] = CryptoPeer.Hex(seed) });
            Assert.Equal(keys.Bytes("pk"), key.PublicKey);
            Assert.Equal(keys.Bytes("sk"), key.ExportExpanded());

            // C# signs → noble verifies (deterministic and hedged); deterministic signatures are byte-identical.
            byte[] det = key.Sign(msg, ctx, deterministic: true);
            byte[] hedged = key.Sign(msg, ctx, deterministic: false);
            Assert.True(await NobleVerifiesAsync(peer, alg, key.PublicKey, msg, ctx, det));
            Assert.True(await NobleVerifiesAsync(peer, alg, key.PublicKey, msg, ctx, hedged));
            byte[] nobleDet = (await peer.CallAsync("mldsa-sign", SignArgs(alg, keys.Bytes("sk"), msg, ctx, true))).Bytes("sig");
            Assert.Equal(nobleDet, det);

            // noble signs (hedged) → C# verifies; a flipped bit and a different context are refused on both sides.
            byte[] nobleHedged = (await peer.CallAsync("mldsa-sign", SignArgs(alg, keys.Bytes("sk"), msg, ctx, false))).Bytes("sig");
            Assert.True(MLDsa.Verify(alg, key.PublicKey, msg, ctx, nobleHedged));
            byte[] tampered = (byte[])nobleHedged.Clone();
            tampered[i * 7] ^= 0x01;
            Assert.False(MLDsa.Verify(alg, key.PublicKey, msg, ctx, tampered));
            Assert.False(await NobleVerifiesAsync(peer, alg, key.PublicKey, msg, ctx, Flip(hedged)));
            Assert.False(MLDsa.Verify(alg, key.PublicKey, msg, Encoding.UTF8.GetBytes(context + "x"), nobleHedged));
        }
    }

    [Theory]
    [InlineData(MLKemAlgorithm.MLKem768, 768)]
    [InlineData(MLKemAlgorithm.MLKem1024, 1024)]
    public async Task MLKemBothDirectionsAndSeedsGiveIdenticalKeys(MLKemAlgorithm alg, int nobleAlg)
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        for (int i = 0; i < SeedsPerCase; i++)
        {
            byte[] seed = i == 0 ? Golden(64) : RandomBytes.Get(64);
            using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(alg, seed);
            CryptoPeer.Answer keys = await peer.CallAsync("mlkem-keygen", new() { ["alg"] = nobleAlg, ["seed"] = CryptoPeer.Hex(seed) });
            Assert.Equal(keys.Bytes("pk"), key.PublicKey);
            Assert.Equal(keys.Bytes("sk"), key.ExportExpanded());

            // noble encapsulates → C# decapsulates.
            CryptoPeer.Answer enc = await peer.CallAsync("mlkem-encaps", new() { ["alg"] = nobleAlg, ["pk"] = CryptoPeer.Hex(key.PublicKey) });
            var ss = new byte[32];
            key.Decapsulate(enc.Bytes("ct"), ss);
            Assert.Equal(enc.Bytes("ss"), ss);

            // C# encapsulates → noble decapsulates.
            var ct = new byte[MLKem.CiphertextSize(alg)];
            Assert.True(MLKem.TryEncapsulate(alg, key.PublicKey, ct, ss));
            CryptoPeer.Answer dec = await peer.CallAsync("mlkem-decaps", new() { ["alg"] = nobleAlg, ["sk"] = CryptoPeer.Hex(keys.Bytes("sk")), ["ct"] = CryptoPeer.Hex(ct) });
            Assert.Equal(ss, dec.Bytes("ss"));

            // Same m → identical ciphertext and shared secret.
            byte[] m = RandomBytes.Get(32);
            Assert.True(MLKem.TryEncapsulateDeterministic(alg, key.PublicKey, m, ct, ss));
            CryptoPeer.Answer encM = await peer.CallAsync("mlkem-encaps", new() { ["alg"] = nobleAlg, ["pk"] = CryptoPeer.Hex(key.PublicKey), ["m"] = CryptoPeer.Hex(m) });
            Assert.Equal(encM.Bytes("ct"), ct);
            Assert.Equal(encM.Bytes("ss"), ss);
        }
    }

    [Fact]
    public async Task Falcon512BothDirectionsAndSeedGivesIdenticalPublicKey()
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        for (int i = 0; i < SeedsPerCase; i++)
        {
            byte[] seed = i == 0 ? Golden(Falcon512.SeedSize) : RandomBytes.Get(Falcon512.SeedSize);
            byte[] msg = RandomBytes.Get(10 + (i * 500));
            using Falcon512PrivateKey key = Falcon512PrivateKey.FromSeed(seed);
            CryptoPeer.Answer keys = await peer.CallAsync("falcon-keygen", new() { ["seed"] = CryptoPeer.Hex(seed) });
            Assert.Equal(keys.Bytes("pk"), key.PublicKey);

            // C# signs → noble verifies.
            byte[] sig = key.Sign(msg);
            Assert.True((await peer.CallAsync("falcon-verify", new() { ["pk"] = CryptoPeer.Hex(key.PublicKey), ["msg"] = CryptoPeer.Hex(msg), ["sig"] = CryptoPeer.Hex(sig) })).Bool("valid"));
            Assert.False((await peer.CallAsync("falcon-verify", new() { ["pk"] = CryptoPeer.Hex(key.PublicKey), ["msg"] = CryptoPeer.Hex(msg), ["sig"] = CryptoPeer.Hex(Flip(sig)) })).Bool("valid"));

            // noble signs (compressed and padded) → C# verifies.
            foreach (bool padded in new[] { false, true })
            {
                byte[] nobleSig = (await peer.CallAsync("falcon-sign", new() { ["sk"] = CryptoPeer.Hex(keys.Bytes("sk")), ["msg"] = CryptoPeer.Hex(msg), ["padded"] = padded })).Bytes("sig");
                Assert.True(Falcon512.Verify(key.PublicKey, msg, nobleSig), padded ? "padded" : "compressed");
                Assert.False(Falcon512.Verify(key.PublicKey, [.. msg, 0x00], nobleSig));
            }
        }
    }

    private static async Task<bool> NobleVerifiesAsync(CryptoPeer peer, MLDsaAlgorithm alg, byte[] pk, byte[] msg, byte[] ctx, byte[] sig) =>
        (await peer.CallAsync("mldsa-verify", new()
        {
            ["alg"] = (int)alg, ["pk"] = CryptoPeer.Hex(pk), ["msg"] = CryptoPeer.Hex(msg), ["ctx"] = CryptoPeer.Hex(ctx), ["sig"] = CryptoPeer.Hex(sig),
        })).Bool("valid");

    private static Dictionary<string, object?> SignArgs(MLDsaAlgorithm alg, byte[] sk, byte[] msg, byte[] ctx, bool deterministic) => new()
    {
        ["alg"] = (int)alg, ["sk"] = CryptoPeer.Hex(sk), ["msg"] = CryptoPeer.Hex(msg), ["ctx"] = CryptoPeer.Hex(ctx), ["deterministic"] = deterministic,
    };

    /// <summary>The fixed seed 00 01 02 … used by the notes' golden vectors.</summary>
    private static byte[] Golden(int length)
    {
        var seed = new byte[length];
        for (int i = 0; i < length; i++)
        {
            seed[i] = (byte)i;
        }

        return seed;
    }

    private static byte[] Flip(byte[] data)
    {
        byte[] copy = (byte[])data.Clone();
        copy[copy.Length / 2] ^= 0x10;
        return copy;
    }
}
