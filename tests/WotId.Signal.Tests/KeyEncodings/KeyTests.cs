using System;
using System.Security.Cryptography;
using WotId.Signal.Keys;

namespace WotId.Signal.Tests.KeyEncodings;

/// <summary>Key encodings, record round trips and the base-key canonicity check (libsignal tests/ratchet.rs intent).</summary>
public sealed class KeyTests
{
    [Fact]
    public void KeyAndRecordFormsRoundTrip()
    {
        using IdentityKeyPair id = IdentityKeyPair.Generate();
        byte[] pub = id.PublicKey.Serialize();
        Assert.Equal(33, pub.Length);
        Assert.Equal(0x05, pub[0]);
        using IdentityKeyPair id2 = IdentityKeyPair.Deserialize(id.Serialize());
        Assert.Equal(id.PublicKey, id2.PublicKey);

        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(id, 7, 1234);
        Assert.True(id.PublicKey.VerifySignature(spk.KeyPair.PublicKey.Serialize(), spk.Signature));
        using SignedPreKeyRecord spk2 = SignedPreKeyRecord.Deserialize(spk.Serialize());
        Assert.Equal((7u, 1234ul, spk.KeyPair.PublicKey), (spk2.Id, spk2.Timestamp, spk2.KeyPair.PublicKey));

        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(id, 9, 55, isLastResort: true);
        byte[] kpub = kyber.KeyPair.PublicKey.Serialize();
        Assert.Equal(1569, kpub.Length);
        Assert.Equal(0x08, kpub[0]);
        Assert.True(id.PublicKey.VerifySignature(kpub, kyber.Signature));
        byte[] secret = kyber.KeyPair.SerializeSecret();
        Assert.Equal(3169, secret.Length);
        using KyberPreKeyRecord kyber2 = KyberPreKeyRecord.Deserialize(kyber.Serialize());
        Assert.True(kyber2.IsLastResort);
        Assert.Equal(kyber.KeyPair.PublicKey, kyber2.KeyPair.PublicKey);

        using PreKeyRecord opk = PreKeyRecord.Generate(3);
        using PreKeyRecord opk2 = PreKeyRecord.Deserialize(opk.Serialize());
        Assert.Equal(opk.KeyPair.PublicKey, opk2.KeyPair.PublicKey);

        var bundle = new PreKeyBundle(5, 1, 3, opk.KeyPair.PublicKey, 7, spk.KeyPair.PublicKey, spk.Signature, id.PublicKey, 9, kyber.KeyPair.PublicKey, kyber.Signature);
        PreKeyBundle back = PreKeyBundle.Deserialize(bundle.Serialize());
        Assert.Equal(bundle.Serialize(), back.Serialize());
    }

    [Fact]
    public void BundleRulesMatchLibsignal()
    {
        using IdentityKeyPair id = IdentityKeyPair.Generate();
        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(id, 1, 0);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(id, 2, 0);
        var e = Assert.Throws<SignalProtocolException>(() =>
            new PreKeyBundle(1, 1, 3, null, 1, spk.KeyPair.PublicKey, spk.Signature, id.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature));
        Assert.Contains("both or neither", e.Message, StringComparison.Ordinal);
        var noOpk = new PreKeyBundle(1, 1, null, null, 1, spk.KeyPair.PublicKey, spk.Signature, id.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        Assert.Null(PreKeyBundle.Deserialize(noOpk.Serialize()).PreKey);
    }

    [Fact]
    public void PublicKeyParsingRejectsWrongTypeAndLength()
    {
        byte[] k = EcKeyPair.Generate().PublicKey.Serialize();
        k[0] = 0x06;
        Assert.Equal(SignalError.BadKeyType, Assert.Throws<SignalProtocolException>(() => EcPublicKey.Deserialize(k)).Error);
        Assert.Equal(SignalError.InvalidEncoding, Assert.Throws<SignalProtocolException>(() => EcPublicKey.Deserialize(new byte[] { 5, 1, 2 })).Error);
        byte[] kem = new byte[1569];
        kem[0] = 0x0A;
        Assert.Equal(SignalError.BadKeyType, Assert.Throws<SignalProtocolException>(() => KyberPublicKey.Deserialize(kem)).Error);
    }

    [Fact]
    public void BaseKeyCanonicity()
    {
        for (int i = 0; i < 10; i++)
        {
            using EcKeyPair k = EcKeyPair.Generate();
            Assert.True(WotId.Crypto.X25519.IsCanonicalPublicKey(k.PublicKey.PublicKeyBytes));
            byte[] high = k.PublicKey.PublicKeyBytes.ToArray();
            high[31] |= 0x80;
            Assert.False(WotId.Crypto.X25519.IsCanonicalPublicKey(high));
        }

        // Low-order points (libsodium's blocklist) and u >= p.
        foreach (string hex in new[]
        {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        })
        {
            Assert.False(WotId.Crypto.X25519.IsCanonicalPublicKey(Convert.FromHexString(hex)));
        }

        // Random points of the curve: about 7 in 8 carry a torsion component and must be rejected.
        int rejected = 0;
        for (int i = 0; i < 24; i++)
        {
            byte[] u = RandomNumberGenerator.GetBytes(32);
            u[31] &= 0x7F;
            rejected += WotId.Crypto.X25519.IsCanonicalPublicKey(u) ? 0 : 1;
        }

        Assert.True(rejected >= 12, "only " + rejected + " of 24 random u values rejected");
    }
}
