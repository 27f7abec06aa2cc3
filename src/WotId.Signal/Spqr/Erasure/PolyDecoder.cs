// Erasure decoder of SPQR (SparsePostQuantumRatchet src/encoding/polynomial.rs `PolyDecoder`): collects the
// points of the 16 polynomials from received chunks (keeping a point when its x is inside the payload or
// while the polynomial still lacks points; the first point for an x wins) and rebuilds the payload from the
// smallest-x points once every polynomial has enough.

using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace WotId.Signal.Spqr.Erasure;

internal sealed class PolyDecoder
{
    public const int Polys = PolyEncoder.Polys;

    private readonly List<(ushort X, ushort Y)>[] _points;

    public PolyDecoder(int lengthBytes)
    {
        if (lengthBytes % 2 != 0 || lengthBytes <= 0 || lengthBytes > (1 << 16) * Polys)
        {
            throw new ArgumentException("bad payload length", nameof(lengthBytes));
        }

        PointsNeeded = lengthBytes / 2;
        _points = new List<(ushort X, ushort Y)>[Polys];
        for (int p = 0; p < Polys; p++)
        {
            _points[p] = new List<(ushort X, ushort Y)>();
        }
    }

    public int PointsNeeded { get; }

    public int LengthBytes => 2 * PointsNeeded;

    public IReadOnlyList<(ushort X, ushort Y)> PointsOf(int poly) => _points[poly];

    public int NecessaryPoints(int poly)
    {
        return PointsNeeded / Polys + (poly < PointsNeeded % Polys ? 1 : 0);
    }

    public PolyDecoder Clone()
    {
        var copy = new PolyDecoder(LengthBytes);
        for (int p = 0; p < Polys; p++)
        {
            copy._points[p].AddRange(_points[p]);
        }

        return copy;
    }

    public void AddChunk(Chunk chunk)
    {
        ushort x = chunk.Index;
        for (int p = 0; p < Polys; p++)
        {
            ushort y = BinaryPrimitives.ReadUInt16BigEndian(chunk.Data.AsSpan(2 * p));
            int necessary = NecessaryPoints(p);
            if (x < necessary || _points[p].Count < necessary)
            {
                AddPoint(p, x, y);
            }
        }
    }

    /// <summary>Adds a point unless one with the same x is present (restoring a serialized decoder).</summary>
    public bool AddPoint(int poly, ushort x, ushort y)
    {
        List<(ushort X, ushort Y)> list = _points[poly];
        int position = Search(list, x);
        if (position >= 0)
        {
            return false;
        }

        list.Insert(~position, (x, y));
        return true;
    }

    /// <summary>The payload once every polynomial has enough points; null before that.</summary>
    public byte[]? DecodedMessage()
    {
        for (int p = 0; p < Polys; p++)
        {
            if (_points[p].Count < NecessaryPoints(p))
            {
                return null;
            }
        }

        byte[] output = new byte[LengthBytes];
        var polys = new ushort[]?[Polys];
        for (int i = 0; i < PointsNeeded; i++)
        {
            int poly = i % Polys;
            ushort x = (ushort)(i / Polys);
            List<(ushort X, ushort Y)> list = _points[poly];
            int position = Search(list, x);
            ushort y;
            if (position >= 0)
            {
                y = list[position].Y;
            }
            else
            {
                polys[poly] ??= InterpolateFirst(list, NecessaryPoints(poly));
                y = GfPolynomial.Evaluate(polys[poly], x);
            }

            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(2 * i), y);
        }

        return output;
    }

    private static ushort[] InterpolateFirst(List<(ushort X, ushort Y)> list, int count)
    {
        ushort[] xs = new ushort[count];
        ushort[] ys = new ushort[count];
        for (int i = 0; i < count; i++)
        {
            xs[i] = list[i].X;
            ys[i] = list[i].Y;
        }

        return GfPolynomial.Interpolate(xs, ys);
    }

    private static int Search(List<(ushort X, ushort Y)> list, ushort x)
    {
        int low = 0, high = list.Count - 1;
        while (low <= high)
        {
            int mid = (low + high) >> 1;
            int cmp = list[mid].X.CompareTo(x);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
