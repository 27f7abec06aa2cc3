// One receiving chain of the Double Ratchet with its skipped message-key seeds (libsignal storage.proto
// SessionStructure.Chain; rust/protocol/src/double_ratchet.rs; limits in consts.rs: 2,000 keys per chain).
using System;
using System.Collections.Generic;
using WotId.Signal.Keys;

namespace WotId.Signal.State;

/// <summary>A receiving chain: the sender's ratchet key, the next chain key and its index, and skipped seeds (oldest first).</summary>
internal sealed class ReceiverChain : IDisposable
{
    private RatchetSecret _chainKey;

    /// <summary>Takes ownership of <paramref name="chainKey"/>.</summary>
    internal ReceiverChain(EcPublicKey ratchetKey, RatchetSecret chainKey, uint index)
    {
        RatchetKey = ratchetKey;
        _chainKey = chainKey;
        Index = index;
    }

    internal EcPublicKey RatchetKey { get; }

    /// <summary>The next chain key; setting it disposes (zeroes) the previous one.</summary>
    internal RatchetSecret ChainKey
    {
        get => _chainKey;
        set
        {
            if (!ReferenceEquals(_chainKey, value))
            {
                _chainKey.Dispose();
            }

            _chainKey = value;
        }
    }

    internal uint Index { get; set; }

    /// <summary>Seeds of skipped messages, oldest first; at most <see cref="SessionLimits.MaxMessageKeys"/>.</summary>
    internal List<SkippedKey> Skipped { get; } = [];

    internal int FindSkipped(uint counter)
    {
        for (int i = Skipped.Count - 1; i >= 0; i--)
        {
            if (Skipped[i].Index == counter)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends newer seeds and drops the oldest beyond the limit.</summary>
    internal void AddSkipped(List<SkippedKey> newer)
    {
        Skipped.AddRange(newer);
        int excess = Skipped.Count - SessionLimits.MaxMessageKeys;
        if (excess > 0)
        {
            for (int i = 0; i < excess; i++)
            {
                Array.Clear(Skipped[i].Seed);
            }

            Skipped.RemoveRange(0, excess);
        }
    }

    internal ReceiverChain Clone()
    {
        var c = new ReceiverChain(RatchetKey, ChainKey.Copy(), Index);
        foreach (SkippedKey k in Skipped)
        {
            c.Skipped.Add(new SkippedKey(k.Index, (byte[])k.Seed.Clone()));
        }

        return c;
    }

    /// <summary>Zeroes the chain key and the skipped seeds.</summary>
    public void Dispose()
    {
        _chainKey.Dispose();
        foreach (SkippedKey k in Skipped)
        {
            Array.Clear(k.Seed);
        }
    }
}
