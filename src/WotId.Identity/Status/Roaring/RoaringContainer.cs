// A Roaring container (RoaringFormatSpec, "General layout"): the low 16 bits of the values that share one high 16-bit
// key, kept as a sorted array while the cardinality is at most 4,096 and as a 65,536-bit bitset above that, the rule
// every Roaring implementation (and roaring-rs 0.10, which IOTA Identity uses) applies when it serializes.
using System;
using System.Collections.Generic;
using System.Numerics;

namespace WotId.Identity.Status.Roaring;

/// <summary>One container: a sorted <see cref="ushort"/> array or a 1,024-word bitset.</summary>
internal sealed class RoaringContainer
{
    /// <summary>Largest cardinality stored (and serialized) as an array container.</summary>
    public const int ArrayLimit = 4096;

    /// <summary>Words (64-bit) in a bitset container.</summary>
    public const int BitsetWords = 1024;

    private List<ushort>? _array = new();
    private ulong[]? _bitset;

    /// <summary>Values in the container.</summary>
    public int Cardinality { get; private set; }

    /// <summary>True when stored as an array (serialized as an array container).</summary>
    public bool IsArray => _array is not null;

    /// <summary>A container holding the given bitset (cardinality computed).</summary>
    public static RoaringContainer FromBitset(ulong[] words)
    {
        var c = new RoaringContainer { _array = null, _bitset = words };
        int n = 0;
        foreach (ulong w in words)
        {
            n += BitOperations.PopCount(w);
        }

        c.Cardinality = n;
        c.Normalize();
        return c;
    }

    /// <summary>A container holding strictly increasing values.</summary>
    public static RoaringContainer FromSorted(List<ushort> values)
    {
        var c = new RoaringContainer { _array = values, Cardinality = values.Count };
        c.Normalize();
        return c;
    }

    public bool Contains(ushort low) => _array is { } a ? a.BinarySearch(low) >= 0 : (_bitset![low >> 6] & (1UL << (low & 63))) != 0;

    public bool Add(ushort low)
    {
        if (_array is { } a)
        {
            int i = a.BinarySearch(low);
            if (i >= 0)
            {
                return false;
            }

            a.Insert(~i, low);
        }
        else
        {
            ulong bit = 1UL << (low & 63);
            if ((_bitset![low >> 6] & bit) != 0)
            {
                return false;
            }

            _bitset[low >> 6] |= bit;
        }

        Cardinality++;
        Normalize();
        return true;
    }

    public bool Remove(ushort low)
    {
        if (_array is { } a)
        {
            int i = a.BinarySearch(low);
            if (i < 0)
            {
                return false;
            }

            a.RemoveAt(i);
        }
        else
        {
            ulong bit = 1UL << (low & 63);
            if ((_bitset![low >> 6] & bit) == 0)
            {
                return false;
            }

            _bitset[low >> 6] &= ~bit;
        }

        Cardinality--;
        Normalize();
        return true;
    }

    /// <summary>The values in increasing order.</summary>
    public IEnumerable<ushort> Values()
    {
        if (_array is { } a)
        {
            foreach (ushort v in a)
            {
                yield return v;
            }

            yield break;
        }

        for (int w = 0; w < BitsetWords; w++)
        {
            ulong word = _bitset![w];
            while (word != 0)
            {
                int bit = BitOperations.TrailingZeroCount(word);
                yield return (ushort)((w << 6) | bit);
                word &= word - 1;
            }
        }
    }

    /// <summary>The bitset words (bitset containers only).</summary>
    public ReadOnlySpan<ulong> Bitset => _bitset;

    private void Normalize()
    {
        if (_array is { } a && a.Count > ArrayLimit)
        {
            _bitset = new ulong[BitsetWords];
            foreach (ushort v in a)
            {
                _bitset[v >> 6] |= 1UL << (v & 63);
            }

            _array = null;
        }
        else if (_bitset is not null && Cardinality <= ArrayLimit)
        {
            var list = new List<ushort>(Cardinality);
            list.AddRange(Values());
            _array = list;
            _bitset = null;
        }
    }
}
