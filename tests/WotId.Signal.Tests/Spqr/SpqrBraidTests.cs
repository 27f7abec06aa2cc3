using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using WotId.Signal.Spqr;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>The full braid between two of our own sessions: epochs advance, keys agree, state survives storage.</summary>
public sealed class SpqrBraidTests
{
    private static readonly byte[] s_authKey = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void StrictAlternationAdvancesEpochsAndAgreesOnEveryKey()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        var firstMessageOfEpoch = new Dictionary<int, int>();
        for (int i = 0; i < 200; i++)
        {
            SpqrSendResult a = alice.Send(rng);
            Assert.Equal(a.Key, bob.Receive(a.Message));
            SpqrSendResult b = bob.Send(rng);
            Assert.Equal(b.Key, alice.Receive(b.Message));
            firstMessageOfEpoch.TryAdd(Math.Min(alice.Epoch, bob.Epoch), 2 * i);
        }

        Assert.True(alice.Epoch >= 3, "alice epoch " + alice.Epoch);
        Assert.True(bob.Epoch >= 3, "bob epoch " + bob.Epoch);
        Assert.True(alice.ChainEpoch >= 2);
    }

    [Fact]
    public void FieldFiveSizesMatchLibsignal()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        SpqrSendResult a = alice.Send(rng);
        Assert.Equal(37, a.Message.Length);
        Assert.Equal(1, a.Message[3]);
        SpqrSendResult b = bob.Send(rng);
        Assert.Equal(4, b.Message.Length);
        Assert.Equal(0, b.Message[3]);
        bob.Receive(a.Message);
        alice.Receive(b.Message);
    }

    [Fact]
    public void RandomLossAndSilenceStillAgreeAndAdvance()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        var random = new Random(1234);
        for (int i = 0; i < 1500; i++)
        {
            if (random.NextDouble() < 0.5)
            {
                SpqrSendResult a = alice.Send(rng);
                if (random.NextDouble() < 0.7)
                {
                    Assert.Equal(a.Key, bob.Receive(a.Message));
                }
            }

            if (random.NextDouble() < 0.5)
            {
                SpqrSendResult b = bob.Send(rng);
                if (random.NextDouble() < 0.7)
                {
                    Assert.Equal(b.Key, alice.Receive(b.Message));
                }
            }
        }

        Assert.True(alice.Epoch >= 3 && bob.Epoch >= 3, $"epochs {alice.Epoch}/{bob.Epoch}");
    }

    [Fact]
    public void OutOfOrderAcrossEpochsWithinTheKeptWindow()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        SpqrSendResult? held = null;
        int heldEpoch = 0;
        for (int i = 0; i < 400; i++)
        {
            SpqrSendResult a = alice.Send(rng);
            if (held is null && alice.Epoch == 2)
            {
                held = a;
                heldEpoch = alice.Epoch;
            }
            else
            {
                Assert.Equal(a.Key, bob.Receive(a.Message));
            }

            SpqrSendResult b = bob.Send(rng);
            Assert.Equal(b.Key, alice.Receive(b.Message));
            if (held is not null && bob.Epoch == heldEpoch + 1)
            {
                break;
            }
        }

        Assert.NotNull(held);
        Assert.Equal(held.Key, bob.Receive(held.Message));
    }

    [Fact]
    public void SerializeDeserializeAtEveryStepKeepsTheConversationGoing()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        for (int i = 0; i < 180; i++)
        {
            alice = SpqrSession.Deserialize(alice.Serialize());
            bob = SpqrSession.Deserialize(bob.Serialize());
            Assert.Equal(alice.Serialize(), SpqrSession.Deserialize(alice.Serialize()).Serialize());
            SpqrSendResult a = alice.Send(rng);
            Assert.Equal(a.Key, bob.Receive(a.Message));
            SpqrSendResult b = bob.Send(rng);
            Assert.Equal(b.Key, alice.Receive(b.Message));
        }

        Assert.True(alice.Epoch >= 3);
    }

    [Fact]
    public void TamperedChunkFailsWithoutChangingTheSession()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        SpqrSendResult a1 = alice.Send(rng);
        bob.Receive(a1.Message);
        alice.Receive(bob.Send(rng).Message);
        SpqrSendResult a2 = alice.Send(rng);
        SpqrSendResult a3 = alice.Send(rng);
        byte[] tampered = (byte[])a3.Message.Clone();
        tampered[^1] ^= 0x01;
        bob.Receive(a2.Message);
        byte[] before = bob.Serialize();
        SpqrException error = Assert.Throws<SpqrException>(() => bob.Receive(tampered));
        Assert.Equal(SpqrError.MacVerifyFailed, error.Error);
        Assert.Equal(before, bob.Serialize());
        Assert.Equal(a3.Key, bob.Receive(a3.Message));
    }
}
