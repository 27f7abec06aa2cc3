// XEdDSA (libsignal's sign-bit convention, rust/core/src/curve/curve25519.rs) and Kyber-1024 round 3 (kem/kyber1024.rs) against
// @signalapp/libsignal-client 0.103.0. libsignal's Node API exposes no KEM encapsulate/decapsulate, so Kyber is
// checked against the round-3 formula (noble ML-KEM-1024 + SHAKE256(K̄ ‖ SHA3-256(ct))) and against keys that
// libsignal generated and serialised (0x08 ‖ key).
using System;
using System.Threading.Tasks;

namespace WotId.Crypto.Tests.Interop;

public sealed class LibsignalInteropTests
{
    private const int XEdDsaKeys = 64;

    [Fact]
    public async Task XEdDsaLibsignalAndCSharpSignaturesVerifyBothWaysForBothEdwardsSignBits()
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        int signBitSet = 0;
        for (int i = 0; i < XEdDsaKeys; i++)
        {
            CryptoPeer.Answer keys = await peer.CallAsync("xeddsa-keypair", new());
            byte[] priv = keys.Bytes("priv");
            byte[] pub = keys.Bytes("pub");
            Assert.Equal(33, pub.Length);
            Assert.Equal(0x05, pub[0]); // DJB key type
            byte[] u = pub[1..];
            using X25519PrivateKey key = X25519PrivateKey.Import(priv);
            Assert.Equal(u, key.PublicKey);

            // libsignal signs → C# verifies. libsignal stores the Edwards sign bit of A in bit 255 of the signature.
            byte[] msg = RandomBytes.Get(i % 2 == 0 ? 33 : 1569); // the two prekey encodings' sizes
            byte[] libsignalSig = (await peer.CallAsync("xeddsa-sign", new() { ["priv"] = CryptoPeer.Hex(priv), ["msg"] = CryptoPeer.Hex(msg) })).Bytes("sig");
            bool bitSet = (libsignalSig[63] & 0x80) != 0;
            signBitSet += bitSet ? 1 : 0;
            Assert.True(XEdDsa.Verify(u, msg, libsignalSig), $"key {i}: libsignal signature (sign bit {bitSet}) must verify in C#");
            Assert.False(XEdDsa.Verify(u, [.. msg, 0x00], libsignalSig));

            // libsignal ignores the top bit of u (curve25519.rs, verify_signature); C# must decide the same way.
            byte[] uTopBit = (byte[])u.Clone();
            uTopBit[31] |= 0x80;
            Assert.Equal(
                await LibsignalVerifiesAsync(peer, [0x05, .. uTopBit], msg, libsignalSig),
                XEdDsa.Verify(uTopBit, msg, libsignalSig));

            // C# signs → libsignal verifies; the C# signature carries the same key-dependent bit.
            byte[] sig = XEdDsa.Sign(key, msg);
            Assert.Equal(bitSet, (sig[63] & 0x80) != 0);
            Assert.True(await LibsignalVerifiesAsync(peer, pub, msg, sig), $"key {i}: C# signature (sign bit {bitSet}) must verify in libsignal");
            byte[] tampered = (byte[])sig.Clone();
            tampered[10] ^= 0x04;
            Assert.False(await LibsignalVerifiesAsync(peer, pub, msg, tampered));
            Assert.False(XEdDsa.Verify(u, msg, tampered));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{signBitSet} of {XEdDsaKeys} libsignal keys have the Edwards sign bit set");

        // Both kinds of key were exercised (each half has probability 1/2; all 64 the same: 2⁻⁶³).
        Assert.InRange(signBitSet, 1, XEdDsaKeys - 1);
    }

    [Fact]
    public async Task Kyber1024Round3MatchesTheRound3FormulaBothWays()
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        for (int i = 0; i < 4; i++)
        {
            using MLKemPrivateKey key = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem1024);
            string sk = CryptoPeer.Hex(key.ExportExpanded());

            // Formula side encapsulates → C# Kyber1024Round3 decapsulates.
            CryptoPeer.Answer enc = await peer.CallAsync("kyber-encaps", new() { ["pk"] = CryptoPeer.Hex(key.PublicKey) });
            var ss = new byte[32];
            Kyber1024Round3.Decapsulate(key, enc.Bytes("ct"), ss);
            Assert.Equal(enc.Bytes("ss"), ss);

            // The raw ML-KEM secret differs from the round-3 one (using it is the bug libsignal reports as "decryption failed").
            var raw = new byte[32];
            key.Decapsulate(enc.Bytes("ct"), raw);
            Assert.NotEqual(raw, ss);

            // C# encapsulates → formula side decapsulates; with the same m both sides produce the same bytes.
            var ct = new byte[Kyber1024Round3.CiphertextSize];
            Assert.True(Kyber1024Round3.TryEncapsulate(key.PublicKey, ct, ss));
            Assert.Equal(ss, (await peer.CallAsync("kyber-decaps", new() { ["sk"] = sk, ["ct"] = CryptoPeer.Hex(ct) })).Bytes("ss"));
            byte[] m = RandomBytes.Get(32);
            Assert.True(Kyber1024Round3.TryEncapsulateDeterministic(key.PublicKey, m, ct, ss));
            CryptoPeer.Answer encM = await peer.CallAsync("kyber-encaps", new() { ["pk"] = CryptoPeer.Hex(key.PublicKey), ["m"] = CryptoPeer.Hex(m) });
            Assert.Equal(encM.Bytes("ct"), ct);
            Assert.Equal(encM.Bytes("ss"), ss);
        }
    }

    [Fact]
    public async Task Kyber1024Round3WorksWithKeysLibsignalGenerated()
    {
        await using CryptoPeer peer = CryptoPeer.Start();
        for (int i = 0; i < 4; i++)
        {
            CryptoPeer.Answer pair = await peer.CallAsync("libsignal-kem-keypair", new());
            byte[] pk = pair.Bytes("pk");
            byte[] sk = pair.Bytes("sk");
            Assert.Equal(1 + Kyber1024Round3.PublicKeySize, pk.Length);
            Assert.Equal(Kyber1024Round3.KeyTypeByte, pk[0]);
            Assert.Equal(1 + 3168, sk.Length);
            Assert.Equal(Kyber1024Round3.KeyTypeByte, sk[0]);

            // libsignal's secret key is the ML-KEM-1024 expanded key (s ‖ pk ‖ H(pk) ‖ z); it passes the FIPS 203 §7.3 check.
            using MLKemPrivateKey key = MLKemPrivateKey.FromExpanded(MLKemAlgorithm.MLKem1024, sk.AsSpan(1));
            Assert.Equal(pk[1..], key.PublicKey);

            // C# encapsulates to libsignal's public key → round-3 formula decapsulates with libsignal's secret key.
            var ct = new byte[Kyber1024Round3.CiphertextSize];
            var ss = new byte[32];
            Assert.True(Kyber1024Round3.TryEncapsulate(pk.AsSpan(1), ct, ss));
            Assert.Equal(ss, (await peer.CallAsync("kyber-decaps", new() { ["sk"] = CryptoPeer.Hex(sk.AsSpan(1)), ["ct"] = CryptoPeer.Hex(ct) })).Bytes("ss"));
            var again = new byte[32];
            Kyber1024Round3.Decapsulate(key, ct, again);
            Assert.Equal(ss, again);
        }
    }

    private static async Task<bool> LibsignalVerifiesAsync(CryptoPeer peer, byte[] pub, byte[] msg, byte[] sig) =>
        (await peer.CallAsync("xeddsa-verify", new() { ["pub"] = CryptoPeer.Hex(pub), ["msg"] = CryptoPeer.Hex(msg), ["sig"] = CryptoPeer.Hex(sig) })).Bool("valid");
}
