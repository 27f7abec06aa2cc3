// The project's ML-DSA verifier against @noble/post-quantum 0.7.1 (interop/crypto/pq-peer.mjs): noble signs (hedged)
// under keys from random seeds, every path of MLDsaVerifier accepts; a flipped bit or another context is refused
// by noble and by every path alike.
using System;
using System.Text;
using System.Threading.Tasks;
using WotId.Crypto.Tests.MLDsaVerification;

namespace WotId.Crypto.Tests.Interop;

public sealed class MLDsaVerifierNobleInteropTests
{
    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public async Task NobleSignaturesVerifyAndTamperedOnesAreRefusedByBoth(MLDsaAlgorithm alg)
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        MLDsaParameterSet p = MLDsaParameterSet.For(alg);
        var random = new Random((int)alg + 65);
        for (int round = 0; round < 4; round++)
        {
            byte[] seed = RandomBytes.Get(32);
            byte[] msg = RandomBytes.Get(random.Next(0, 2000));
            byte[] ctx = Encoding.UTF8.GetBytes(round % 2 == 0 ? string.Empty : "wot.id/tsp");
            CryptoPeer.Answer keys = await peer.CallAsync("mldsa-keygen", new() { ["alg"] = (int)alg, ["seed"] = CryptoPeer.Hex(seed) });
            byte[] pk = keys.Bytes("pk");
            byte[] sig = (await peer.CallAsync("mldsa-sign", new()
            {
                ["alg"] = (int)alg, ["sk"] = CryptoPeer.Hex(keys.Bytes("sk")), ["msg"] = CryptoPeer.Hex(msg), ["ctx"] = CryptoPeer.Hex(ctx), ["deterministic"] = false,
            })).Bytes("sig");
            await AgreeAsync(peer, p, alg, pk, msg, ctx, sig, expected: true);

            byte[] tampered = (byte[])sig.Clone();
            int bit = random.Next(tampered.Length * 8);
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            await AgreeAsync(peer, p, alg, pk, msg, ctx, tampered, expected: false);
            await AgreeAsync(peer, p, alg, pk, msg, [.. ctx, 0x2E], sig, expected: false);
        }
    }

    private static async Task AgreeAsync(CryptoPeer peer, MLDsaParameterSet p, MLDsaAlgorithm alg, byte[] pk, byte[] msg, byte[] ctx, byte[] sig, bool expected)
    {
        bool noble = (await peer.CallAsync("mldsa-verify", new()
        {
            ["alg"] = (int)alg, ["pk"] = CryptoPeer.Hex(pk), ["msg"] = CryptoPeer.Hex(msg), ["ctx"] = CryptoPeer.Hex(ctx), ["sig"] = CryptoPeer.Hex(sig),
        })).Bool("valid");
        Assert.Equal(expected, noble);
        foreach ((bool vector, bool platform) in MLDsaVerifierWycheproofTests.Paths())
        {
            Assert.Equal(expected, MLDsaVerifier.Verify(p, pk, msg, ctx, sig, vector, platform));
        }
    }
}
