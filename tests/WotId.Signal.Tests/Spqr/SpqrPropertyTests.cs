using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using CsCheck;
using WotId.Signal.Spqr;
using WotId.Signal.Spqr.Erasure;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>"Arbitrary bytes never crash": SPQR messages, chunks and serialized states only ever fail with SpqrException.</summary>
public sealed class SpqrPropertyTests
{
    private static readonly byte[] s_authKey = RandomNumberGenerator.GetBytes(32);
    private static readonly Lazy<List<byte[]>> s_states = new(CollectStates);

    private static readonly Gen<byte[]> s_bytes = Gen.Byte.Array[0, 80];

    private static readonly Gen<byte[]> s_messageLike = Gen.OneOf(
        s_bytes,
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 4], Gen.Int[0, 7], Gen.Int[0, 40], Gen.Byte.Array[0, 40],
            (version, epoch, type, chunkIndex, tail) => Frame((byte)version, (byte)epoch, (byte)type, (byte)chunkIndex, tail)));

    [Fact]
    public void ArbitraryMessagesOnlyGiveSpqrExceptionAndLeaveTheSessionAlone()
    {
        List<byte[]> states = s_states.Value;
        Gen.Select(Gen.Int[0, states.Count - 1], s_messageLike).Sample((stateIndex, message) =>
        {
            SpqrSession session = SpqrSession.Deserialize(states[stateIndex]);
            try
            {
                byte[]? key = session.Receive(message);
                Assert.True(key is null || key.Length == 32);
            }
            catch (SpqrException)
            {
                Assert.Equal(states[stateIndex], session.Serialize());
            }
        }, iter: 3000);
    }

    [Fact]
    public void ArbitraryStateBytesOnlyGiveSpqrException()
    {
        s_bytes.Sample(bytes =>
        {
            try
            {
                SpqrSession.Deserialize(bytes);
            }
            catch (SpqrException e)
            {
                Assert.Equal(SpqrError.Malformed, e.Error);
            }
        }, iter: 5000);
    }

    [Fact]
    public void CorruptedRealStatesEitherFailCleanlyOrKeepWorking()
    {
        List<byte[]> states = s_states.Value;
        Gen.Select(Gen.Int[0, states.Count - 1], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 2]).Sample((stateIndex, position, value, mode) =>
        {
            byte[] state = (byte[])states[stateIndex].Clone();
            int at = position % state.Length;
            if (mode == 0)
            {
                state[at] = value;
            }
            else if (mode == 1)
            {
                state = state[..at];
            }
            else
            {
                state[at] ^= (byte)(1 << (value & 7));
            }

            SpqrSession session;
            try
            {
                session = SpqrSession.Deserialize(state);
            }
            catch (SpqrException)
            {
                return;
            }

            Assert.Equal(state, session.Serialize());
            try
            {
                SpqrSendResult sent = session.Send(RandomNumberGenerator.Create());
                session.Clone().Receive(sent.Message);
            }
            catch (SpqrException)
            {
                // documented rejection of an inconsistent state
            }
        }, iter: 1500);
    }

    [Fact]
    public void ArbitraryChunksNeverCrashTheDecoder()
    {
        Gen.Select(Gen.Int[0, 3], Gen.Select(Gen.UShort[0, 80], Gen.Byte.Array[32]).Array[0, 60]).Sample((sizeIndex, chunks) =>
        {
            int length = new[] { 96, 160, 960, 1152 }[sizeIndex];
            var decoder = new PolyDecoder(length);
            foreach ((ushort index, byte[] data) in chunks)
            {
                decoder.AddChunk(new Chunk(index, data));
                byte[]? decoded = decoder.DecodedMessage();
                Assert.True(decoded is null || decoded.Length == length);
            }
        }, iter: 300);
    }

    private static byte[] Frame(byte version, byte epoch, byte type, byte chunkIndex, byte[] tail)
    {
        return [version, epoch, 0x01, type, chunkIndex, .. tail];
    }

    private static List<byte[]> CollectStates()
    {
        var states = new List<byte[]>();
        SpqrSession alice = SpqrSession.Create(SpqrDirection.A2B, s_authKey, SpqrParameters.Default);
        SpqrSession bob = SpqrSession.Create(SpqrDirection.B2A, s_authKey, SpqrParameters.Default);
        using var rng = RandomNumberGenerator.Create();
        for (int i = 0; i < 190; i++)
        {
            states.Add(alice.Serialize());
            states.Add(bob.Serialize());
            bob.Receive(alice.Send(rng).Message);
            alice.Receive(bob.Send(rng).Message);
        }

        return states;
    }
}
