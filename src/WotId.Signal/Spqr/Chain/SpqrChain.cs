// The SPQR symmetric chain (SparsePostQuantumRatchet src/chain.rs `Chain`):
//   Start:     G = HKDF(salt 0³², IKM authKey, "Signal PQ Ratchet V1 Chain  Start" (two spaces), 96)
//   Add epoch: G = HKDF(salt nextRoot, IKM epochSecret, "Signal PQ Ratchet V1 Chain Add Epoch", 96)
//   G = nextRoot ‖ A2B seed ‖ B2A seed. Epochs older than (send epoch − 1) are dropped.

using System;
using System.Collections.Generic;
using System.Text;

namespace WotId.Signal.Spqr.Chain;

internal sealed class SpqrChain
{
    /// <summary>EPOCHS_TO_KEEP_PRIOR_TO_SEND_EPOCH.</summary>
    public const int EpochsToKeepPriorToSendEpoch = 1;

    private static readonly byte[] s_startLabel = Encoding.ASCII.GetBytes("Signal PQ Ratchet V1 Chain  Start");
    private static readonly byte[] s_addEpochLabel = Encoding.ASCII.GetBytes("Signal PQ Ratchet V1 Chain Add Epoch");

    private readonly List<ChainEpoch> _links;
    private byte[] _nextRoot;

    public SpqrChain(ReadOnlySpan<byte> authKey, SpqrDirection direction, uint maxJump, uint maxOoo)
    {
        Direction = direction;
        MaxJump = maxJump;
        MaxOoo = maxOoo;
        Span<byte> g = stackalloc byte[96];
        SpqrPrimitives.Hkdf(default, authKey, s_startLabel, g);
        _nextRoot = g[..32].ToArray();
        _links = new List<ChainEpoch> { NewEpoch(g, direction) };
        g.Clear();
    }

    public SpqrChain(
        SpqrDirection direction, ulong currentEpoch, ulong sendEpoch, byte[] nextRoot, List<ChainEpoch> links, uint maxJump, uint maxOoo)
    {
        Direction = direction;
        CurrentEpoch = currentEpoch;
        SendEpoch = sendEpoch;
        _nextRoot = nextRoot;
        _links = links;
        MaxJump = maxJump;
        MaxOoo = maxOoo;
    }

    public SpqrDirection Direction { get; }

    public ulong CurrentEpoch { get; private set; }

    public ulong SendEpoch { get; private set; }

    public uint MaxJump { get; }

    public uint MaxOoo { get; }

    public IReadOnlyList<ChainEpoch> Links => _links;

    public ReadOnlySpan<byte> NextRoot => _nextRoot;

    public SpqrChain Clone()
    {
        var links = new List<ChainEpoch>(_links.Count);
        foreach (ChainEpoch link in _links)
        {
            links.Add(new ChainEpoch(link.Send.Clone(), link.Receive.Clone()));
        }

        return new SpqrChain(Direction, CurrentEpoch, SendEpoch, (byte[])_nextRoot.Clone(), links, MaxJump, MaxOoo);
    }

    public void AddEpoch(ulong epoch, ReadOnlySpan<byte> secret)
    {
        if (epoch != CurrentEpoch + 1)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange, "epoch secret out of sequence");
        }

        Span<byte> g = stackalloc byte[96];
        SpqrPrimitives.Hkdf(_nextRoot, secret, s_addEpochLabel, g);
        CurrentEpoch = epoch;
        Array.Clear(_nextRoot);
        _nextRoot = g[..32].ToArray();
        _links.Add(NewEpoch(g, Direction));
        g.Clear();
    }

    /// <summary>The next sending key of chain epoch <paramref name="epoch"/>: (index, key).</summary>
    public (uint Index, byte[] Key) SendKey(ulong epoch)
    {
        if (epoch < SendEpoch)
        {
            throw new SpqrException(SpqrError.SendKeyEpochDecreased);
        }

        int epochIndex = EpochIndex(epoch);
        if (SendEpoch != epoch)
        {
            SendEpoch = epoch;
            while (epochIndex > EpochsToKeepPriorToSendEpoch)
            {
                _links[0].Clear();
                _links.RemoveAt(0);
                epochIndex--;
            }

            for (int i = 0; i < epochIndex; i++)
            {
                _links[i].Send.ClearNext();
            }
        }

        return _links[epochIndex].Send.NextKey();
    }

    /// <summary>Throws what <see cref="SendKey"/> would throw if an epoch were added first.</summary>
    public void CheckSendKey(ulong epoch, bool addsEpoch)
    {
        ulong current = addsEpoch ? CurrentEpoch + 1 : CurrentEpoch;
        int count = addsEpoch ? _links.Count + 1 : _links.Count;
        if (epoch < SendEpoch)
        {
            throw new SpqrException(SpqrError.SendKeyEpochDecreased);
        }

        if (epoch > current || current - epoch >= (ulong)count)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        int position = count - 1 - (int)(current - epoch);
        if (position < _links.Count)
        {
            ChainEpochDirection send = _links[position].Send;
            if (send.Next.Length != 32 || send.Counter == uint.MaxValue)
            {
                throw new SpqrException(SpqrError.EpochOutOfRange, "send chain not available");
            }
        }
    }

    /// <summary>Throws what <see cref="ReceiveKey"/> would throw if a new epoch were added first.</summary>
    public void CheckReceiveKey(ulong epoch, uint index, bool addsEpoch)
    {
        ulong current = addsEpoch ? CurrentEpoch + 1 : CurrentEpoch;
        int count = addsEpoch ? _links.Count + 1 : _links.Count;
        if (epoch > current)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        ulong back = current - epoch;
        if (back >= (ulong)count)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        int position = count - 1 - (int)back;
        if (position == _links.Count)
        {
            // The epoch about to be added: a fresh receive chain with counter 0.
            if (index == 0)
            {
                throw new SpqrException(SpqrError.KeyAlreadyRequested);
            }

            if (index > MaxJump)
            {
                throw new SpqrException(SpqrError.KeyJump);
            }

            return;
        }

        _links[position].Receive.CheckKey(index, MaxJump, MaxOoo);
    }

    public byte[] ReceiveKey(ulong epoch, uint index)
    {
        int epochIndex = EpochIndex(epoch);
        return _links[epochIndex].Receive.Key(index, MaxJump, MaxOoo);
    }

    private static ChainEpoch NewEpoch(ReadOnlySpan<byte> g, SpqrDirection direction)
    {
        ReadOnlySpan<byte> a2b = g.Slice(32, 32);
        ReadOnlySpan<byte> b2a = g.Slice(64, 32);
        return direction == SpqrDirection.A2B
            ? new ChainEpoch(new ChainEpochDirection(a2b), new ChainEpochDirection(b2a))
            : new ChainEpoch(new ChainEpochDirection(b2a), new ChainEpochDirection(a2b));
    }

    private int EpochIndex(ulong epoch)
    {
        if (epoch > CurrentEpoch)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        ulong back = CurrentEpoch - epoch;
        if (back >= (ulong)_links.Count)
        {
            throw new SpqrException(SpqrError.EpochOutOfRange);
        }

        return _links.Count - 1 - (int)back;
    }
}
