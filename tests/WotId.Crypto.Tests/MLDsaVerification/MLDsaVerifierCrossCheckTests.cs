// Randomized cross-checks of the project's ML-DSA verifier against BouncyCastle 2.7.0 (which signs): fresh keys,
// messages and contexts of random lengths; the genuine signature verifies on every path, and after a flipped bit in
// the signature, the key or the message, or a changed context, every path gives BouncyCastle's answer (false).
// A CsCheck property: garbage keys and signatures never throw and never verify.
using System;
using CsCheck;

namespace WotId.Crypto.Tests.MLDsaVerification;

public sealed class MLDsaVerifierCrossCheckTests
{
    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public void SignaturesFromBouncyCastleVerifyAndTamperedOnesAreRefusedLikeBouncyCastle(MLDsaAlgorithm alg)
    {
        MLDsaParameterSet p = MLDsaParameterSet.For(alg);
        var random = new Random((int)alg + 8);
        for (int round = 0; round < 12; round++)
        {
            using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(alg);
            byte[] pk = key.PublicKey;
            byte[] msg = RandomBytes.Get(random.Next(0, 3000));
            byte[] ctx = RandomBytes.Get(random.Next(0, 256));
            byte[] sig = key.Sign(msg, ctx, deterministic: round % 2 == 0);
            Agree(p, alg, pk, msg, ctx, sig, expected: true);

            for (int flips = 0; flips < 6; flips++)
            {
                Agree(p, alg, pk, msg, ctx, FlipBit(sig, random), expected: false);
            }

            Agree(p, alg, FlipBit(pk, random), msg, ctx, sig, expected: false);
            if (msg.Length > 0)
            {
                Agree(p, alg, pk, FlipBit(msg, random), ctx, sig, expected: false);
            }

            Agree(p, alg, pk, msg, [.. ctx.AsSpan(0, Math.Min(ctx.Length, 254)), 0x01], sig, expected: false);
        }
    }

    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public void GarbageKeysAndSignaturesNeverThrowAndNeverVerify(MLDsaAlgorithm alg)
    {
        MLDsaParameterSet p = MLDsaParameterSet.For(alg);
        using MLDsaPrivateKey real = MLDsaPrivateKey.Generate(alg);
        Gen<byte[]> keys = Gen.OneOf(Gen.Const(real.PublicKey), Gen.Byte.Array[p.PublicKeyBytes], Gen.Byte.Array[0, p.PublicKeyBytes + 8]);
        Gen<byte[]> sigs = Gen.OneOf(Gen.Byte.Array[p.SignatureBytes], Gen.Byte.Array[0, p.SignatureBytes + 8], ShortZ(p));
        Gen.Select(keys, Gen.Byte.Array[0, 40], Gen.Byte.Array[0, 300], sigs).Sample((pk, msg, ctx, sig) =>
        {
            foreach ((bool vector, bool platform) in MLDsaVerifierWycheproofTests.Paths())
            {
                if (MLDsaVerifier.Verify(p, pk, msg, ctx, sig, vector, platform))
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }

    /// <summary>Random signatures whose z passes the norm check (and, half the time, with an empty valid hint), so they reach the hash.</summary>
    private static Gen<byte[]> ShortZ(MLDsaParameterSet p) => Gen.Select(Gen.Byte.Array[p.SignatureBytes], Gen.Int, Gen.Bool).Select((sig, seed, emptyHint) =>
    {
        var random = new Random(seed);
        int fieldBits = p.Gamma1Bits + 1, limit = p.Gamma1 - p.Beta - 1;
        int zBits = p.L * MLDsaNtt.N * fieldBits;
        Array.Clear(sig, p.CTildeBytes, zBits / 8);
        for (int i = 0; i < p.L * MLDsaNtt.N; i++)
        {
            // sigEncode's BitPack(z, γ1 − 1, γ1): the field holds γ1 − z, least significant bit first.
            int packed = p.Gamma1 - random.Next(-limit, limit + 1);
            for (int bit = 0; bit < fieldBits; bit++)
            {
                int at = (p.CTildeBytes * 8) + (i * fieldBits) + bit;
                sig[at / 8] |= (byte)(((packed >> bit) & 1) << (at % 8));
            }
        }

        if (emptyHint)
        {
            Array.Clear(sig, p.CTildeBytes + (zBits / 8), p.Omega + p.K);
        }

        return sig;
    });

    private static void Agree(MLDsaParameterSet p, MLDsaAlgorithm alg, byte[] pk, byte[] msg, byte[] ctx, byte[] sig, bool expected)
    {
        Assert.Equal(expected, MLDsa.VerifyBouncyCastle(alg, pk, msg, ctx, sig));
        foreach ((bool vector, bool platform) in MLDsaVerifierWycheproofTests.Paths())
        {
            Assert.Equal(expected, MLDsaVerifier.Verify(p, pk, msg, ctx, sig, vector, platform));
        }

        Assert.Equal(expected, MLDsa.Verify(alg, pk, msg, ctx, sig));
    }

    private static byte[] FlipBit(byte[] data, Random random)
    {
        byte[] copy = (byte[])data.Clone();
        int bit = random.Next(copy.Length * 8);
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
