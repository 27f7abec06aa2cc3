// Serialization of the SPQR symmetric chain (fields of SparsePostQuantumRatchet src/proto/pq_ratchet.proto
// `Chain`, in the project's own bounded binary layout).

using System;
using System.Collections.Generic;

namespace WotId.Signal.Spqr.Chain;

internal static class SpqrChainSerializer
{
    /// <summary>Far above what a live chain holds (at most a few epochs).</summary>
    public const int MaxLinks = 64;

    private const int HistoryEntrySize = 4 + 32;

    public static void Write(SpqrChain chain, SpqrStateWriter writer)
    {
        writer.WriteByte((byte)chain.Direction);
        writer.WriteUInt32(chain.MaxJump);
        writer.WriteUInt32(chain.MaxOoo);
        writer.WriteUInt64(chain.CurrentEpoch);
        writer.WriteUInt64(chain.SendEpoch);
        writer.WriteFixed(chain.NextRoot);
        writer.WriteUInt32((uint)chain.Links.Count);
        foreach (ChainEpoch link in chain.Links)
        {
            WriteDirection(link.Send, writer);
            WriteDirection(link.Receive, writer);
        }
    }

    public static SpqrChain Read(ref SpqrStateReader reader)
    {
        byte direction = reader.ReadByte();
        if (direction > 1)
        {
            throw SpqrStateReader.Malformed("bad direction");
        }

        uint maxJump = reader.ReadUInt32();
        uint maxOoo = reader.ReadUInt32();
        // A stored limit is bounded like a new session's: an unbounded jump limit would let one receive derive up to
        // 2^32 chain keys (minutes of work).
        if (maxJump == 0 || maxOoo == 0 || maxJump > SpqrParameters.LargestLimit || maxOoo > SpqrParameters.LargestLimit)
        {
            throw SpqrStateReader.Malformed("bad chain parameters");
        }

        ulong current = reader.ReadUInt64();
        ulong send = reader.ReadUInt64();
        byte[] nextRoot = reader.ReadFixed(32);
        int count = reader.ReadCount(MaxLinks, 2 * 6);
        if (count == 0 || current < (ulong)(count - 1) || send > current)
        {
            throw SpqrStateReader.Malformed("bad chain epochs");
        }

        var links = new List<ChainEpoch>(count);
        for (int i = 0; i < count; i++)
        {
            ChainEpochDirection sendDirection = ReadDirection(ref reader, maxOoo);
            ChainEpochDirection receiveDirection = ReadDirection(ref reader, maxOoo);
            links.Add(new ChainEpoch(sendDirection, receiveDirection));
        }

        return new SpqrChain((SpqrDirection)direction, current, send, nextRoot, links, maxJump, maxOoo);
    }

    private static void WriteDirection(ChainEpochDirection direction, SpqrStateWriter writer)
    {
        writer.WriteUInt32(direction.Counter);
        writer.WriteBool(direction.Next.Length == 32);
        if (direction.Next.Length == 32)
        {
            writer.WriteFixed(direction.Next);
        }

        writer.WriteUInt32((uint)direction.History.Count);
        for (int i = 0; i < direction.History.Count; i++)
        {
            writer.WriteUInt32(direction.History.IndexAt(i));
            writer.WriteFixed(direction.History.KeyAt(i));
        }
    }

    private static ChainEpochDirection ReadDirection(ref SpqrStateReader reader, uint maxOoo)
    {
        uint counter = reader.ReadUInt32();
        byte[] next = reader.ReadBool() ? reader.ReadFixed(32) : Array.Empty<byte>();
        long trim = KeyHistory.TrimSize(maxOoo);
        int count = reader.ReadCount((int)Math.Min(trim + maxOoo, int.MaxValue / HistoryEntrySize), HistoryEntrySize);
        var history = new KeyHistory();
        for (int i = 0; i < count; i++)
        {
            uint index = reader.ReadUInt32();
            if (index >= counter)
            {
                throw SpqrStateReader.Malformed("bad key history");
            }

            history.Add(index, reader.ReadFixed(32));
        }

        return new ChainEpochDirection(counter, next, history);
    }
}
