// One direction of one SPQR chain epoch (SparsePostQuantumRatchet src/chain.rs `ChainEpochDirection`):
//   next key:  ctr += 1; O = HKDF(salt 0³², IKM next, info BE32(ctr) ‖ "Signal PQ Ratchet V1 Chain Next", 64)
//              next = O[0..32], key(ctr) = O[32..64]
// plus the receive-side limits (KeyJump, KeyTrimmed, KeyAlreadyRequested).

using System;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Signal.Spqr.Chain;

internal sealed class ChainEpochDirection
{
    private static readonly byte[] s_nextLabel = Encoding.ASCII.GetBytes("Signal PQ Ratchet V1 Chain Next");

    public ChainEpochDirection(ReadOnlySpan<byte> seed)
    {
        Next = seed.ToArray();
        History = new KeyHistory();
    }

    public ChainEpochDirection(uint counter, byte[] next, KeyHistory history)
    {
        Counter = counter;
        Next = next;
        History = history;
    }

    public uint Counter { get; private set; }

    /// <summary>The 32-byte next chain key, or empty once cleared (old send chains).</summary>
    public byte[] Next { get; private set; }

    public KeyHistory History { get; }

    public ChainEpochDirection Clone()
    {
        return new ChainEpochDirection(Counter, (byte[])Next.Clone(), History.Clone());
    }

    public void ClearNext()
    {
        Array.Clear(Next);
        Next = Array.Empty<byte>();
    }

    /// <summary>Advances by one and returns (index, key).</summary>
    public (uint Index, byte[] Key) NextKey()
    {
        if (Next.Length != 32)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange, "send chain no longer available");
        }

        if (Counter == uint.MaxValue)
        {
            throw new SpqrException(SpqrError.KeyJump, "chain counter exhausted");
        }

        Counter++;
        Span<byte> info = stackalloc byte[4 + 31];
        BinaryPrimitives.WriteUInt32BigEndian(info, Counter);
        s_nextLabel.CopyTo(info[4..]);
        Span<byte> okm = stackalloc byte[64];
        SpqrPrimitives.Hkdf(default, Next, info, okm);
        okm[..32].CopyTo(Next);
        byte[] key = okm[32..].ToArray();
        okm.Clear();
        return (Counter, key);
    }

    /// <summary>Throws what <see cref="Key"/> would throw, without changing anything.</summary>
    public void CheckKey(uint at, uint maxJump, uint maxOoo)
    {
        if (at > Counter)
        {
            if (at - Counter > maxJump)
            {
                throw new SpqrException(SpqrError.KeyJump);
            }

            if (Next.Length != 32)
            {
                throw new SpqrException(SpqrError.EpochOutOfRange, "receive chain not available");
            }

            return;
        }

        if (at == Counter)
        {
            throw new SpqrException(SpqrError.KeyAlreadyRequested);
        }

        if ((ulong)at + maxOoo < Counter)
        {
            throw new SpqrException(SpqrError.KeyTrimmed);
        }

        if (History.Find(at) < 0)
        {
            throw new SpqrException(SpqrError.KeyAlreadyRequested);
        }
    }

    /// <summary>The key for index <paramref name="at"/> on the receive side (crate: ChainEpochDirection::key).</summary>
    public byte[] Key(uint at, uint maxJump, uint maxOoo)
    {
        CheckKey(at, maxJump, maxOoo);
        if (at < Counter)
        {
            return History.Take(History.Find(at));
        }

        if ((ulong)at > (ulong)Counter + maxOoo)
        {
            History.Clear();
        }

        while (at > Counter + 1)
        {
            (uint index, byte[] key) = NextKey();
            if ((ulong)index + maxOoo >= at)
            {
                History.Add(index, key);
            }
            else
            {
                Array.Clear(key);
            }
        }

        History.Collect(Counter, maxOoo);
        return NextKey().Key;
    }
}
