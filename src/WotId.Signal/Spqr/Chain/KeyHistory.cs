// SPQR out-of-order key history (SparsePostQuantumRatchet src/chain.rs `KeyHistory`): (index, key) pairs kept
// for skipped messages; garbage-collected once it holds trim_size = max_ooo·11/10 + 1 entries.

using System;
using System.Collections.Generic;

namespace WotId.Signal.Spqr.Chain;

internal sealed class KeyHistory
{
    private readonly List<uint> _indices;
    private readonly List<byte[]> _keys;

    public KeyHistory()
    {
        _indices = new List<uint>();
        _keys = new List<byte[]>();
    }

    private KeyHistory(KeyHistory other)
    {
        _indices = new List<uint>(other._indices);
        _keys = new List<byte[]>(other._keys.Count);
        foreach (byte[] key in other._keys)
        {
            _keys.Add((byte[])key.Clone());
        }
    }

    public int Count => _indices.Count;

    public static long TrimSize(uint maxOoo)
    {
        return (long)maxOoo * 11 / 10 + 1;
    }

    public KeyHistory Clone()
    {
        return new KeyHistory(this);
    }

    public uint IndexAt(int i)
    {
        return _indices[i];
    }

    public byte[] KeyAt(int i)
    {
        return _keys[i];
    }

    public void Add(uint index, byte[] key)
    {
        _indices.Add(index);
        _keys.Add(key);
    }

    public void Clear()
    {
        foreach (byte[] key in _keys)
        {
            Array.Clear(key);
        }

        _indices.Clear();
        _keys.Clear();
    }

    /// <summary>Drops keys older than current − maxOoo once the history reached its trim size.</summary>
    public void Collect(uint current, uint maxOoo)
    {
        if (_indices.Count < TrimSize(maxOoo) || current < maxOoo)
        {
            return;
        }

        uint horizon = current - maxOoo;
        int i = 0;
        while (i < _indices.Count)
        {
            if (_indices[i] < horizon)
            {
                RemoveAt(i);
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Position of <paramref name="index"/>, or −1.</summary>
    public int Find(uint index)
    {
        return _indices.IndexOf(index);
    }

    /// <summary>Removes entry <paramref name="i"/> by moving the last entry into its place (as the crate does).</summary>
    public byte[] Take(int i)
    {
        byte[] key = _keys[i];
        RemoveAt(i);
        return key;
    }

    private void RemoveAt(int i)
    {
        int last = _indices.Count - 1;
        _indices[i] = _indices[last];
        _keys[i] = _keys[last];
        _indices.RemoveAt(last);
        _keys.RemoveAt(last);
    }
}
