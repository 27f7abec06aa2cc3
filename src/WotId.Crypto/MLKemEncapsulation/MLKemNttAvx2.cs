// AVX2 forward / inverse NTT and base-case multiplication for ML-KEM (FIPS 203 §4.3 Algorithms 9–12), sixteen
// coefficients per Vector256<short>. Montgomery multiplication is mullo/mulhi as in the reference AVX2 code:
// hi(a·b) − hi(lo(lo(a·b)·q⁻¹)·q), which equals MLKemReduce.Montgomery exactly (the low halves cancel); Barrett is
// mulhi by v, then (t + 2⁹) >> 10. The coefficient order stays the standard one of FIPS 203 (t̂ and Â come from the
// wire in it): levels with a distance of 16 or more work on whole vectors; distances 8, 4 and 2 regroup two vectors
// with 128-bit lane swaps and 64-bit / 32-bit interleaves, and their twiddles are laid out once by running the same
// regrouping on coefficient indices.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto;

/// <summary>The AVX2 path of <see cref="MLKemNtt"/>; callers check <see cref="Avx2.IsSupported"/>.</summary>
internal static class MLKemNttAvx2
{
    private const int N = MLKemReduce.N;

    // Per 32-coefficient pair p (0..7), 16 lanes each: the twiddle of every lane of the regrouped upper half.
    private static readonly short[] s_fwd8 = Layout(8, inverse: false);
    private static readonly short[] s_fwd4 = Layout(4, inverse: false);
    private static readonly short[] s_fwd2 = Layout(2, inverse: false);
    private static readonly short[] s_inv8 = Layout(8, inverse: true);
    private static readonly short[] s_inv4 = Layout(4, inverse: true);
    private static readonly short[] s_inv2 = Layout(2, inverse: true);

    // Per 16-coefficient vector: ±ζ of each base-case pair in its odd lane (Algorithm 11's γ), 0 in even lanes.
    private static readonly short[] s_baseCase = BaseCaseLayout();

    public static void Forward(Span<short> a)
    {
        ref short r = ref MemoryMarshal.GetReference(a[..N]);
        short[] zetas = MLKemReduce.Zetas;
        int k = 1;
        for (int len = 128; len >= 16; len >>= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                Vector256<short> z = Vector256.Create(zetas[k++]);
                for (int j = start; j < start + len; j += 16)
                {
                    Vector256<short> x = Load(ref r, j);
                    Vector256<short> t = MulMont(z, Load(ref r, j + len));
                    Store(ref r, j + len, Avx2.Subtract(x, t));
                    Store(ref r, j, Avx2.Add(x, t));
                }
            }
        }

        ref short z8 = ref MemoryMarshal.GetArrayDataReference(s_fwd8);
        ref short z4 = ref MemoryMarshal.GetArrayDataReference(s_fwd4);
        ref short z2 = ref MemoryMarshal.GetArrayDataReference(s_fwd2);
        for (int p = 0; p < N / 32; p++)
        {
            Vector256<short> x = Load(ref r, 32 * p);
            Vector256<short> y = Load(ref r, (32 * p) + 16);
            Regroup(8, ref x, ref y);
            ForwardButterfly(Load(ref z8, 16 * p), ref x, ref y);
            Ungroup(8, ref x, ref y);
            Regroup(4, ref x, ref y);
            ForwardButterfly(Load(ref z4, 16 * p), ref x, ref y);
            Ungroup(4, ref x, ref y);
            Regroup(2, ref x, ref y);
            ForwardButterfly(Load(ref z2, 16 * p), ref x, ref y);
            Ungroup(2, ref x, ref y);
            Store(ref r, 32 * p, Barrett(x));
            Store(ref r, (32 * p) + 16, Barrett(y));
        }
    }

    public static void Inverse(Span<short> a)
    {
        ref short r = ref MemoryMarshal.GetReference(a[..N]);
        ref short z8 = ref MemoryMarshal.GetArrayDataReference(s_inv8);
        ref short z4 = ref MemoryMarshal.GetArrayDataReference(s_inv4);
        ref short z2 = ref MemoryMarshal.GetArrayDataReference(s_inv2);
        for (int p = 0; p < N / 32; p++)
        {
            Vector256<short> x = Load(ref r, 32 * p);
            Vector256<short> y = Load(ref r, (32 * p) + 16);
            Regroup(2, ref x, ref y);
            InverseButterfly(Load(ref z2, 16 * p), ref x, ref y);
            Ungroup(2, ref x, ref y);
            Regroup(4, ref x, ref y);
            InverseButterfly(Load(ref z4, 16 * p), ref x, ref y);
            Ungroup(4, ref x, ref y);
            Regroup(8, ref x, ref y);
            InverseButterfly(Load(ref z8, 16 * p), ref x, ref y);
            Ungroup(8, ref x, ref y);
            Store(ref r, 32 * p, x);
            Store(ref r, (32 * p) + 16, y);
        }

        short[] zetas = MLKemReduce.Zetas;
        for (int len = 16; len <= 128; len <<= 1)
        {
            int blocks = N / (2 * len);
            for (int b = 0; b < blocks; b++)
            {
                Vector256<short> z = Vector256.Create(zetas[(128 / len) + (blocks - 1 - b)]);
                int start = 2 * len * b;
                for (int j = start; j < start + len; j += 16)
                {
                    Vector256<short> x = Load(ref r, j);
                    Vector256<short> y = Load(ref r, j + len);
                    InverseButterfly(z, ref x, ref y);
                    Store(ref r, j, x);
                    Store(ref r, j + len, y);
                }
            }
        }

        Vector256<short> f = Vector256.Create(MLKemReduce.InverseScale);
        for (int j = 0; j < N; j += 16)
        {
            Store(ref r, j, MulMont(Load(ref r, j), f));
        }
    }

    public static void MultiplyAccumulate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, int count, Span<short> result)
    {
        ref short ra = ref MemoryMarshal.GetReference(a[..(count * N)]);
        ref short rb = ref MemoryMarshal.GetReference(b[..(count * N)]);
        ref short rr = ref MemoryMarshal.GetReference(result[..N]);
        ref short zb = ref MemoryMarshal.GetArrayDataReference(s_baseCase);
        Vector256<byte> odd = Vector256.Create((short)0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1, 0, -1).AsByte();
        for (int j = 0; j < N; j += 16)
        {
            Vector256<short> zeta = Load(ref zb, j);
            Vector256<short> acc = Vector256<short>.Zero;
            for (int p = 0; p < count; p++)
            {
                Vector256<short> x = Load(ref ra, (p * N) + j);
                Vector256<short> y = Load(ref rb, (p * N) + j);

                // Even lanes a0·b0 + γ·a1·b1, odd lanes a0·b1 + a1·b0 (Algorithm 12), from products of x with y and
                // with y's pairs swapped.
                Vector256<short> prod = MulMont(x, y);
                Vector256<short> even = Avx2.Add(prod, SwapPairs(MulMont(prod, zeta)));
                Vector256<short> cross = MulMont(x, SwapPairs(y));
                Vector256<short> oddSum = Avx2.Add(cross, SwapPairs(cross));
                acc = Avx2.Add(acc, Avx2.BlendVariable(even.AsByte(), oddSum.AsByte(), odd).AsInt16());
            }

            Store(ref rr, j, Barrett(acc));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> MulMont(Vector256<short> a, Vector256<short> b)
    {
        Vector256<short> lo = Avx2.MultiplyLow(a, b);
        Vector256<short> hi = Avx2.MultiplyHigh(a, b);
        Vector256<short> t = Avx2.MultiplyHigh(Avx2.MultiplyLow(lo, Vector256.Create(MLKemReduce.QInv)), Vector256.Create(MLKemReduce.Q));
        return Avx2.Subtract(hi, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Barrett(Vector256<short> a)
    {
        Vector256<short> t = Avx2.MultiplyHigh(a, Vector256.Create(MLKemReduce.BarrettV));
        t = Avx2.ShiftRightArithmetic(Avx2.Add(t, Vector256.Create((short)512)), 10);
        return Avx2.Subtract(a, Avx2.MultiplyLow(t, Vector256.Create(MLKemReduce.Q)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardButterfly(Vector256<short> zeta, ref Vector256<short> lo, ref Vector256<short> hi)
    {
        Vector256<short> t = MulMont(zeta, hi);
        hi = Avx2.Subtract(lo, t);
        lo = Avx2.Add(lo, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InverseButterfly(Vector256<short> zeta, ref Vector256<short> lo, ref Vector256<short> hi)
    {
        Vector256<short> t = lo;
        lo = Barrett(Avx2.Add(t, hi));
        hi = MulMont(zeta, Avx2.Subtract(hi, t));
    }

    /// <summary>Two vectors x, y (32 coefficients) into lo / hi: the lower and upper elements of each butterfly at distance <paramref name="len"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Regroup(int len, ref Vector256<short> x, ref Vector256<short> y)
    {
        Vector256<short> lo, hi;
        if (len == 8)
        {
            lo = Avx2.Permute2x128(x, y, 0x20);
            hi = Avx2.Permute2x128(x, y, 0x31);
        }
        else if (len == 4)
        {
            lo = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt16();
            hi = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt16();
        }
        else
        {
            // Per 128-bit lane, 32-bit words 0 and 2 of x then of y, and words 1 and 3.
            lo = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b10_00_10_00).AsInt16();
            hi = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b11_01_11_01).AsInt16();
        }

        x = lo;
        y = hi;
    }

    /// <summary>The inverse of <see cref="Regroup"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Ungroup(int len, ref Vector256<short> lo, ref Vector256<short> hi)
    {
        Vector256<short> x, y;
        if (len == 8)
        {
            x = Avx2.Permute2x128(lo, hi, 0x20);
            y = Avx2.Permute2x128(lo, hi, 0x31);
        }
        else if (len == 4)
        {
            x = Avx2.UnpackLow(lo.AsInt64(), hi.AsInt64()).AsInt16();
            y = Avx2.UnpackHigh(lo.AsInt64(), hi.AsInt64()).AsInt16();
        }
        else
        {
            x = Avx2.UnpackLow(lo.AsInt32(), hi.AsInt32()).AsInt16();
            y = Avx2.UnpackHigh(lo.AsInt32(), hi.AsInt32()).AsInt16();
        }

        lo = x;
        hi = y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> SwapPairs(Vector256<short> v) =>
        Avx2.Or(Avx2.ShiftLeftLogical(v.AsUInt32(), 16), Avx2.ShiftRightLogical(v.AsUInt32(), 16)).AsInt16();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Load(ref short r, int at) => Vector256.LoadUnsafe(ref r, (nuint)at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref short r, int at, Vector256<short> v) => v.StoreUnsafe(ref r, (nuint)at);

    /// <summary>
    /// Runs <see cref="Regroup"/> on coefficient indices to learn which coefficient j each upper lane holds, and gives
    /// that lane its twiddle: Zetas[128/len + ⌊j / 2len⌋] forward, the mirrored block's inverse (Algorithm 10 counts k down).
    /// </summary>
    private static short[] Layout(int len, bool inverse)
    {
        var table = new short[N / 2];
        if (!Avx2.IsSupported)
        {
            return table;
        }

        int blocks = N / (2 * len);
        Span<short> lanes = stackalloc short[16];
        for (int p = 0; p < N / 32; p++)
        {
            Vector256<short> x = Vector256.Create((short)(32 * p)) + Vector256.Create((short)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            Vector256<short> y = x + Vector256.Create((short)16);
            Regroup(len, ref x, ref y);
            y.CopyTo(lanes);
            for (int l = 0; l < 16; l++)
            {
                int block = lanes[l] / (2 * len);
                table[(16 * p) + l] = MLKemReduce.Zetas[(128 / len) + (inverse ? blocks - 1 - block : block)];
            }
        }

        return table;
    }

    private static short[] BaseCaseLayout()
    {
        var table = new short[N];
        for (int i = 0; i < N / 2; i++)
        {
            short zeta = MLKemReduce.Zetas[64 + (i >> 1)];
            table[(2 * i) + 1] = (i & 1) == 0 ? zeta : (short)-zeta;
        }

        return table;
    }
}
