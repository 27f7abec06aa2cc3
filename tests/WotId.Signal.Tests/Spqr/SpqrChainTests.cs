using System;
using WotId.Signal.Spqr;
using WotId.Signal.Spqr.Chain;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>
/// Known answers for the SPQR symmetric chain (SparsePostQuantumRatchet src/chain.rs), computed independently with Python's
/// hmac/hashlib HKDF from the spec strings (auth key = 32 × 0x29, epoch-1 secret = [0x02]).
/// </summary>
public sealed class SpqrChainTests
{
    private static readonly byte[] s_authKey = Filled(0x29, 32);

    [Fact]
    public void StartChainGivesKnownA2BKeys()
    {
        var chain = new SpqrChain(s_authKey, SpqrDirection.A2B, 25_000, 2_000);
        (uint i1, byte[] k1) = chain.SendKey(0);
        chain.SendKey(0);
        (uint i3, byte[] k3) = chain.SendKey(0);
        Assert.Equal(1u, i1);
        Assert.Equal(3u, i3);
        Assert.Equal("9bcdfae095d09aa8ab367dd231d1d271fe580b555bcc6f64ff079d53d9a9db5d", Convert.ToHexStringLower(k1));
        Assert.Equal("a404b6f9818a9df70c23a91e8ce97e4311dbe6038e247854646a38bd80598c0c", Convert.ToHexStringLower(k3));
    }

    [Fact]
    public void StartChainGivesKnownB2AKeyAndReceiverAgrees()
    {
        var b2a = new SpqrChain(s_authKey, SpqrDirection.B2A, 25_000, 2_000);
        var a2b = new SpqrChain(s_authKey, SpqrDirection.A2B, 25_000, 2_000);
        (_, byte[] k1) = b2a.SendKey(0);
        Assert.Equal("8ede114ee798830a3d35a383e72e96d82a9adca0ac699c12fdf99069220e2da8", Convert.ToHexStringLower(k1));
        Assert.Equal(k1, a2b.ReceiveKey(0, 1));
    }

    [Fact]
    public void AddEpochGivesKnownKeys()
    {
        var a2b = new SpqrChain(s_authKey, SpqrDirection.A2B, 25_000, 2_000);
        var b2a = new SpqrChain(s_authKey, SpqrDirection.B2A, 25_000, 2_000);
        a2b.AddEpoch(1, [0x02]);
        b2a.AddEpoch(1, [0x02]);
        (uint index, byte[] ka) = a2b.SendKey(1);
        (_, byte[] kb) = b2a.SendKey(1);
        Assert.Equal(1u, index);
        Assert.Equal("033eff76607ce48c63486e3fe4808f504ac0169c5ef718a9fc4b751ccc74855f", Convert.ToHexStringLower(ka));
        Assert.Equal("72bccc20c5861006be8df0cb262db1758daaf1e99c2e95b44d567ba71e2087a0", Convert.ToHexStringLower(kb));
        Assert.Equal(ka, b2a.ReceiveKey(1, 1));
    }

    [Fact]
    public void OldSendEpochIsRejectedAfterMovingOn()
    {
        var a2b = new SpqrChain(s_authKey, SpqrDirection.A2B, 25_000, 2_000);
        a2b.SendKey(0);
        a2b.AddEpoch(1, [0x02]);
        a2b.SendKey(1);
        Assert.Equal(SpqrError.SendKeyEpochDecreased, Assert.Throws<SpqrException>(() => a2b.SendKey(0)).Error);
    }

    [Fact]
    public void EpochsOlderThanSendEpochMinusOneAreDropped()
    {
        var b2a = new SpqrChain(s_authKey, SpqrDirection.B2A, 25_000, 2_000);
        b2a.AddEpoch(1, [0x02]);
        b2a.AddEpoch(2, [0x03]);
        b2a.SendKey(2);
        Assert.Equal(SpqrError.EpochOutOfRange, Assert.Throws<SpqrException>(() => b2a.ReceiveKey(0, 1)).Error);
        Assert.Equal(32, b2a.ReceiveKey(1, 1).Length);
    }

    [Fact]
    public void JumpLimitIsExact()
    {
        var receiver = new SpqrChain(s_authKey, SpqrDirection.B2A, 25_000, 2_000);
        Assert.Equal(32, receiver.ReceiveKey(0, 1).Length);
        Assert.Equal(32, receiver.ReceiveKey(0, 25_001).Length);
        Assert.Equal(SpqrError.KeyJump, Assert.Throws<SpqrException>(() => receiver.ReceiveKey(0, 50_002)).Error);
        Assert.Equal(32, receiver.ReceiveKey(0, 50_001).Length);
    }

    [Fact]
    public void DuplicatesAndTrimmedKeysAreRejected()
    {
        var sender = new SpqrChain(s_authKey, SpqrDirection.A2B, 10, 10);
        var receiver = new SpqrChain(s_authKey, SpqrDirection.B2A, 10, 10);
        var keys = new byte[13][];
        for (int i = 1; i <= 12; i++)
        {
            keys[i] = sender.SendKey(0).Key;
        }

        Assert.Equal(keys[10], receiver.ReceiveKey(0, 10));
        Assert.Equal(keys[12], receiver.ReceiveKey(0, 12));
        Assert.Equal(keys[3], receiver.ReceiveKey(0, 3));
        Assert.Equal(SpqrError.KeyAlreadyRequested, Assert.Throws<SpqrException>(() => receiver.ReceiveKey(0, 3)).Error);
        Assert.Equal(SpqrError.KeyAlreadyRequested, Assert.Throws<SpqrException>(() => receiver.ReceiveKey(0, 12)).Error);
        Assert.Equal(SpqrError.KeyTrimmed, Assert.Throws<SpqrException>(() => receiver.ReceiveKey(0, 1)).Error);
        Assert.Equal(keys[11], receiver.ReceiveKey(0, 11));
    }

    [Fact]
    public void OutOfOrderWithinTheWindowGivesTheSenderKeys()
    {
        var sender = new SpqrChain(s_authKey, SpqrDirection.A2B, 25_000, 2_000);
        var receiver = new SpqrChain(s_authKey, SpqrDirection.B2A, 25_000, 2_000);
        var keys = new byte[2_001][];
        for (int i = 1; i <= 2_000; i++)
        {
            keys[i] = sender.SendKey(0).Key;
        }

        var random = new Random(7);
        int[] order = new int[2_000];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i + 1;
        }

        random.Shuffle(order);
        foreach (int index in order)
        {
            Assert.Equal(keys[index], receiver.ReceiveKey(0, (uint)index));
        }
    }

    private static byte[] Filled(byte value, int length)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
