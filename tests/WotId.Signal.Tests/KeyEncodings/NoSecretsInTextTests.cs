using System;
using WotId.Signal.Keys;

namespace WotId.Signal.Tests.KeyEncodings;

/// <summary>ToString of key-holding types names public data only.</summary>
public sealed class NoSecretsInTextTests
{
    [Fact]
    public void ToStringNeverShowsPrivateKeys()
    {
        using IdentityKeyPair id = IdentityKeyPair.Generate();
        byte[] priv = new byte[32];
        id.KeyPair.ExportPrivateKey(priv);
        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(id, 1, 0);
        byte[] spkPriv = new byte[32];
        spk.KeyPair.ExportPrivateKey(spkPriv);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(id, 2, 0);
        byte[] kyberSecret = kyber.KeyPair.SerializeSecret();
        string text = string.Join("|", id, id.KeyPair, spk, spk.KeyPair, kyber, kyber.KeyPair, new State.SessionRecord());
        foreach (byte[] secret in new[] { priv, spkPriv, kyberSecret.AsSpan(1, 32).ToArray() })
        {
            Assert.DoesNotContain(Convert.ToHexStringLower(secret)[..16], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(secret)[..12], text, StringComparison.Ordinal);
        }

        Assert.Contains(id.PublicKey.ToString(), text, StringComparison.Ordinal);
    }
}
