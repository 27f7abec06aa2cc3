using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using WotId.Signal.Spqr;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>Session-level behaviour: framing, negotiation (libsignal 0.103 with the SparsePostQuantumRatchet version handling), atomic failures, serialization.</summary>
public sealed class SpqrSessionTests
{
    private static readonly byte[] s_authKey = Filled(0x29, 32);

    [Fact]
    public void FirstKeysMatchTheChainKnownAnswers()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        SpqrSendResult a1 = alice.Send(RandomNumberGenerator.Create());
        Assert.Equal("9bcdfae095d09aa8ab367dd231d1d271fe580b555bcc6f64ff079d53d9a9db5d", Convert.ToHexStringLower(a1.Key!));
        Assert.Equal(new byte[] { 0x01, 0x01, 0x01 }, a1.Message[..3]);
        Assert.Equal(a1.Key, bob.Receive(a1.Message));
        SpqrSendResult b1 = bob.Send(RandomNumberGenerator.Create());
        Assert.Equal("8ede114ee798830a3d35a383e72e96d82a9adca0ac699c12fdf99069220e2da8", Convert.ToHexStringLower(b1.Key!));
        Assert.Equal(b1.Key, alice.Receive(b1.Message));
    }

    [Fact]
    public void EmptyFieldIsRejectedAsMinimumVersion()
    {
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        Assert.Equal(SpqrError.MinimumVersion, Assert.Throws<SpqrException>(() => bob.Receive([])).Error);
    }

    [Fact]
    public void HigherVersionWhileNegotiatingUsesEpochZeroKeyThenMismatchAfterwards()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        byte[] v2 = [0x02, 0x01, 0x01, 0xAA, 0xBB];
        byte[]? key = bob.Receive(v2);
        Assert.Equal("9bcdfae095d09aa8ab367dd231d1d271fe580b555bcc6f64ff079d53d9a9db5d", Convert.ToHexStringLower(key!));
        Assert.True(bob.IsNegotiating);
        alice.Send(RandomNumberGenerator.Create());
        bob.Receive(alice.Send(RandomNumberGenerator.Create()).Message);
        Assert.False(bob.IsNegotiating);
        byte[] v2b = [0x02, 0x01, 0x05, 0x00];
        Assert.Equal(SpqrError.VersionMismatch, Assert.Throws<SpqrException>(() => bob.Receive(v2b)).Error);
        Assert.Equal(SpqrError.MinimumVersion, Assert.Throws<SpqrException>(() => bob.Receive([])).Error);
    }

    [Theory]
    [InlineData("02")]
    [InlineData("01")]
    [InlineData("0100")]
    [InlineData("010101")]
    [InlineData("01010107")]
    [InlineData("01010101")]
    [InlineData("0101010100")]
    [InlineData("01018080808080808080808001")]
    [InlineData("010180808080100100")]
    public void MalformedMessagesAreRejected(string hex)
    {
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        byte[] before = bob.Serialize();
        Assert.Equal(SpqrError.Malformed, Assert.Throws<SpqrException>(() => bob.Receive(Convert.FromHexString(hex))).Error);
        Assert.Equal(before, bob.Serialize());
    }

    [Fact]
    public void TrailingBytesAndNonMinimalVarintsAreTolerated()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        byte[] key = alice.Send(RandomNumberGenerator.Create()).Key!;
        byte[] padded = [0x01, 0x81, 0x00, 0x01, 0x00, 0xFF, 0xFF];
        Assert.Equal(key, bob.Receive(padded));
    }

    [Fact]
    public void FailedReceiveLeavesTheSessionUnchanged()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        SpqrSendResult first = alice.Send(RandomNumberGenerator.Create());
        bob.Receive(first.Message);
        byte[] before = bob.Serialize();
        Assert.Equal(SpqrError.KeyAlreadyRequested, Assert.Throws<SpqrException>(() => bob.Receive(first.Message)).Error);
        Assert.Equal(SpqrError.EpochOutOfRange, Assert.Throws<SpqrException>(() => bob.Receive([0x01, 0x07, 0x02, 0x00])).Error);
        Assert.Equal(SpqrError.KeyJump, Assert.Throws<SpqrException>(() => bob.Receive([0x01, 0x01, 0xB0, 0xEA, 0x01, 0x00])).Error);
        Assert.Equal(before, bob.Serialize());
    }

    [Fact]
    public void SerializedStateRoundTripsAndKeepsWorking()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, new SpqrParameters(100, 10));
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, new SpqrParameters(100, 10));
        var held = new SpqrSendResult[5];
        for (int i = 0; i < 5; i++)
        {
            held[i] = alice.Send(RandomNumberGenerator.Create());
        }

        bob.Receive(alice.Send(RandomNumberGenerator.Create()).Message);
        SpqrSession restored = SpqrSession.Deserialize(bob.Serialize());
        Assert.Equal(bob.Serialize(), restored.Serialize());
        Assert.Equal(held[2].Key, restored.Receive(held[2].Message));
        SpqrSession copy = restored.Clone();
        Assert.Equal(held[3].Key, copy.Receive(held[3].Message));
        Assert.Equal(held[3].Key, restored.Receive(held[3].Message));
        Assert.Equal(restored.Serialize(), copy.Serialize());
    }

    [Fact]
    public void TruncatedOrExtendedStatesAreMalformed()
    {
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        byte[] state = bob.Serialize();
        for (int length = 0; length < state.Length; length++)
        {
            Assert.Equal(SpqrError.Malformed, Assert.Throws<SpqrException>(() => SpqrSession.Deserialize(state.AsSpan(0, length))).Error);
        }

        byte[] longer = [.. state, 0x00];
        Assert.Equal(SpqrError.Malformed, Assert.Throws<SpqrException>(() => SpqrSession.Deserialize(longer)).Error);
    }

    // Found by AFL++ (spqr-state): a stored state with its jump limit raised to 15,557,032 and a far-ahead send
    // counter made one receive derive millions of chain keys (a minute of work).
    [Fact]
    public void StoredChainLimitsAbove2To20AreMalformed()
    {
        byte[] state = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default).Serialize();

        // Layout: format, negotiating, direction, then the jump and out-of-order limits (u32 big-endian each).
        foreach (int offset in new[] { 3, 7 })
        {
            byte[] atLimit = (byte[])state.Clone();
            BinaryPrimitives.WriteUInt32BigEndian(atLimit.AsSpan(offset), 1u << 20);
            Assert.Equal(atLimit, SpqrSession.Deserialize(atLimit).Serialize());

            byte[] above = (byte[])state.Clone();
            BinaryPrimitives.WriteUInt32BigEndian(above.AsSpan(offset), (1u << 20) + 1);
            Assert.Equal(SpqrError.Malformed, Assert.Throws<SpqrException>(() => SpqrSession.Deserialize(above)).Error);
        }
    }

    [Fact]
    public void ChainLimitsAbove2To20AreRefusedAtCreation()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpqrSession.Create(SpqrDirection.A2B, s_authKey, new SpqrParameters((1u << 20) + 1, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpqrSession.Create(SpqrDirection.B2A, s_authKey, new SpqrParameters(100, (1u << 20) + 1)));
        Assert.Equal(1 << 20, (int)SpqrSession.Create(SpqrDirection.A2B, s_authKey, new SpqrParameters(1u << 20, 1u << 20)).MaxJump);
    }

    [Fact]
    public void AlternatingConversationAgreesOnEveryKey()
    {
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        for (int i = 0; i < 200; i++)
        {
            SpqrSendResult a = alice.Send(rng);
            Assert.Equal(a.Key, bob.Receive(a.Message));
            SpqrSendResult b = bob.Send(rng);
            Assert.Equal(b.Key, alice.Receive(b.Message));
        }
    }

    private static byte[] Filled(byte value, int length)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
