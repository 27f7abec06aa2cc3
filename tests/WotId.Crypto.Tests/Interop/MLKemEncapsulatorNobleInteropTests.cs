// The project's ML-KEM encapsulation against @noble/post-quantum 0.7.1 (interop/crypto/pq-peer.mjs) for ML-KEM-512,
// 768 and 1024: noble makes the key pair from a random seed; every path of MLKemEncapsulator encapsulates with a
// random m and noble decapsulates to the same shared secret; noble's encapsulation with the same m gives the same
// ciphertext and secret; a key with one coefficient raised to q is refused by every path.
using System;
using System.Threading.Tasks;
using WotId.Crypto.Tests.MLKemEncapsulation;

namespace WotId.Crypto.Tests.Interop;

public sealed class MLKemEncapsulatorNobleInteropTests
{
    [Theory]
    [InlineData(2, 512)]
    [InlineData(3, 768)]
    [InlineData(4, 1024)]
    public async Task NobleDecapsulatesOurCiphertextsAndEncapsulatesIdenticallyForTheSameMessage(int k, int nobleAlg)
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        MLKemParameterSet p = MLKemEncapsulatorTests.Set(k);
        for (int round = 0; round < 4; round++)
        {
            CryptoPeer.Answer keys = await peer.CallAsync("mlkem-keygen", new() { ["alg"] = nobleAlg, ["seed"] = CryptoPeer.Hex(RandomBytes.Get(64)) });
            byte[] pk = keys.Bytes("pk");
            foreach ((bool vector, bool platform) in MLKemEncapsulatorTests.Paths())
            {
                byte[] m = RandomBytes.Get(32);
                var ct = new byte[p.CiphertextBytes];
                var ss = new byte[32];
                Assert.True(MLKemEncapsulator.Encapsulate(p, pk, m, ct, ss, vector, platform));

                CryptoPeer.Answer dec = await peer.CallAsync("mlkem-decaps", new() { ["alg"] = nobleAlg, ["sk"] = CryptoPeer.Hex(keys.Bytes("sk")), ["ct"] = CryptoPeer.Hex(ct) });
                Assert.Equal(ss, dec.Bytes("ss"));

                CryptoPeer.Answer enc = await peer.CallAsync("mlkem-encaps", new() { ["alg"] = nobleAlg, ["pk"] = CryptoPeer.Hex(pk), ["m"] = CryptoPeer.Hex(m) });
                Assert.Equal(enc.Bytes("ct"), ct);
                Assert.Equal(enc.Bytes("ss"), ss);
            }

            // Coefficient 0 of t̂[0] set to q = 3329 (0xD01): the §7.2 modulus check fails.
            byte[] bad = (byte[])pk.Clone();
            bad[0] = 0x01;
            bad[1] = (byte)((bad[1] & 0xF0) | 0x0D);
            foreach ((bool vector, bool platform) in MLKemEncapsulatorTests.Paths())
            {
                Assert.False(MLKemEncapsulator.Encapsulate(p, bad, RandomBytes.Get(32), new byte[p.CiphertextBytes], new byte[32], vector, platform));
            }
        }
    }
}
