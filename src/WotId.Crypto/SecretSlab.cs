// Small secrets carved from shared pinned slabs (issue 15). An allocation on the pinned object heap costs 0.4 µs in
// a fresh process and 8 to 14 µs late in a long one, and a Signal message creates about 40 small secrets. Handing out
// consecutive pieces of a 4 KiB pinned array turns those into about one pinned allocation per hundred secrets.
//
// Safety: a piece is never handed out twice. There is no free list: a slab is an ordinary garbage-collected array
// that lives as long as any handle carved from it, so a disposed handle's bytes (zeroed by SecretBytes.Dispose) are
// never reused for another owner's secret, and a handle that is never disposed is reclaimed with its slab (as an
// unshared pinned array was). The price is memory: a long-lived small secret keeps its whole slab alive, at most
// 4 KiB per live handle in the worst case (in practice a record's secrets are created together and share slabs).
// Each thread carves from its own current slab, so no lock is taken.
using System;

namespace WotId.Crypto;

/// <summary>Thread-local bump allocation of small pinned pieces for <see cref="SecretBytes"/>.</summary>
internal static class SecretSlab
{
    /// <summary>Secrets up to this many bytes are carved from a slab; longer ones get their own pinned array.</summary>
    internal const int MaxCarvedLength = 128;

    /// <summary>Bytes per slab.</summary>
    internal const int SlabLength = 4096;

    /// <summary>Pieces start on 16-byte boundaries.</summary>
    private const int Granule = 16;

    [ThreadStatic]
    private static byte[]? t_slab;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A fresh, zero-filled piece of <paramref name="length"/> (≤ <see cref="MaxCarvedLength"/>) bytes: the slab and the piece's offset.</summary>
    internal static byte[] Carve(int length, out int offset)
    {
        int size = (length + Granule - 1) & ~(Granule - 1);
        byte[]? slab = t_slab;
        if (slab is null || t_next + size > SlabLength)
        {
            slab = GC.AllocateArray<byte>(SlabLength, pinned: true);
            t_slab = slab;
            t_next = 0;
        }

        offset = t_next;
        t_next += size;
        return slab;
    }
}
