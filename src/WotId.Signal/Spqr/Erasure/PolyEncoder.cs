// Systematic erasure encoder of SPQR (SparsePostQuantumRatchet src/encoding/polynomial.rs `PolyEncoder`):
// the payload's 16-bit big-endian values v[i] go to polynomial i mod 16 at x = i / 16. Chunk c holds, for each
// of the 16 polynomials p, the value at x = c (2 bytes, big-endian): the original value while c is inside the
// payload, the interpolated polynomial's value beyond it. Any n distinct chunks rebuild the payload.

using System;
using System.Buffers.Binary;

namespace WotId.Signal.Spqr.Erasure;

internal sealed class PolyEncoder
{
    public const int Polys = 16;

    private readonly byte[] _payload;
    private ushort[]?[]? _coefficients;

    public PolyEncoder(byte[] payload, uint nextIndex = 0)
    {
        if (payload.Length % 2 != 0 || payload.Length > (1 << 16) * Polys)
        {
            throw new ArgumentException("payload length must be even and at most 2^20 bytes", nameof(payload));
        }

        _payload = payload;
        NextIndex = nextIndex;
    }

    /// <summary>The index of the next chunk <see cref="NextChunk"/> returns (a u32 that wraps, as the crate's).</summary>
    public uint NextIndex { get; private set; }

    public ReadOnlySpan<byte> Payload => _payload;

    public PolyEncoder Clone()
    {
        return new PolyEncoder(_payload, NextIndex) { _coefficients = _coefficients };
    }

    public Chunk NextChunk()
    {
        Chunk chunk = ChunkAt((ushort)NextIndex);
        NextIndex = unchecked(NextIndex + 1);
        return chunk;
    }

    public Chunk ChunkAt(ushort index)
    {
        byte[] data = new byte[Chunk.Size];
        int values = _payload.Length / 2;
        for (int p = 0; p < Polys; p++)
        {
            int position = index * Polys + p;
            ushort value = position < values
                ? BinaryPrimitives.ReadUInt16BigEndian(_payload.AsSpan(2 * position))
                : GfPolynomial.Evaluate(Coefficients(p), index);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2 * p), value);
        }

        return new Chunk(index, data);
    }

    private ushort[] Coefficients(int poly)
    {
        _coefficients ??= new ushort[Polys][];
        ushort[]? cached = _coefficients[poly];
        if (cached is not null)
        {
            return cached;
        }

        int values = _payload.Length / 2;
        int count = values / Polys + (poly < values % Polys ? 1 : 0);
        ushort[] xs = new ushort[count];
        ushort[] ys = new ushort[count];
        for (int x = 0; x < count; x++)
        {
            xs[x] = (ushort)x;
            ys[x] = BinaryPrimitives.ReadUInt16BigEndian(_payload.AsSpan(2 * (x * Polys + poly)));
        }

        cached = GfPolynomial.Interpolate(xs, ys);
        _coefficients[poly] = cached;
        return cached;
    }
}
