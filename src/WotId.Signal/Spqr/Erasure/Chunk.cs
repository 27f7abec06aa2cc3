// One erasure-coded chunk (SparsePostQuantumRatchet src/encoding.rs `Chunk`): a u16 index and 32 bytes.

using System;

namespace WotId.Signal.Spqr.Erasure;

/// <summary>A 32-byte chunk of an erasure-coded payload and its index.</summary>
internal readonly struct Chunk
{
    public const int Size = 32;

    public Chunk(ushort index, byte[] data)
    {
        if (data.Length != Size)
        {
            throw new ArgumentException("a chunk is 32 bytes", nameof(data));
        }

        Index = index;
        Data = data;
    }

    public ushort Index { get; }

    public byte[] Data { get; }
}
