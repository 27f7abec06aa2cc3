// AVX2 forward / inverse NTT for ML-DSA (FIPS 204 §7.5 Algorithms 41–42), eight coefficients per Vector256<int>, with
// the same Montgomery butterflies as MLDsaNtt's scalar loops so both give identical integers. Levels with a
// distance of 8 or more work on whole vectors; distances 4, 2 and 1 regroup two vectors (16 coefficients) with
// 128-bit lane swaps, 64-bit and 32-bit interleaves, whose twiddles are laid out once in the same lane order.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WotId.Crypto;

/// <summary>The AVX2 path of <see cref="MLDsaNtt"/>; callers check <see cref="Avx2.IsSupported"/>.</summary>
internal static class MLDsaNttAvx2
{
    private const int N = MLDsaNtt.N;

    // Per 16-coefficient pair p (0..15), 8 lanes each: twiddles of distance 4, 2 and 1, forward and inverse (negated).
    private static readonly int[] s_fwd4 = Layout(4, inverse: false);
    private static readonly int[] s_fwd2 = Layout(2, inverse: false);
    private static readonly int[] s_fwd1 = Layout(1, inverse: false);
    private static readonly int[] s_inv4 = Layout(4, inverse: true);
    private static readonly int[] s_inv2 = Layout(2, inverse: true);
    private static readonly int[] s_inv1 = Layout(1, inverse: true);

    public static void Forward(Span<int> a)
    {
        ref int r = ref MemoryMarshal.GetReference(a[..N]);
        int[] zetas = MLDsaMontgomery.Zetas;
        int k = 0;
        for (int len = 128; len >= 8; len >>= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                Vector256<int> z = Vector256.Create(zetas[++k]);
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> x = Load(ref r, j);
                    Vector256<int> t = MontMul(z, Load(ref r, j + len));
                    Store(ref r, j + len, Avx2.Subtract(x, t));
                    Store(ref r, j, Avx2.Add(x, t));
                }
            }
        }

        ref int z4 = ref MemoryMarshal.GetArrayDataReference(s_fwd4);
        ref int z2 = ref MemoryMarshal.GetArrayDataReference(s_fwd2);
        ref int z1 = ref MemoryMarshal.GetArrayDataReference(s_fwd1);
        for (int p = 0; p < 16; p++)
        {
            Vector256<int> x = Load(ref r, 16 * p);
            Vector256<int> y = Load(ref r, (16 * p) + 8);

            // Distance 4: lo = [x0..3, y0..3], hi = [x4..7, y4..7].
            Vector256<int> lo = Avx2.Permute2x128(x, y, 0x20);
            Vector256<int> hi = Avx2.Permute2x128(x, y, 0x31);
            Vector256<int> t = MontMul(Load(ref z4, 8 * p), hi);
            hi = Avx2.Subtract(lo, t);
            lo = Avx2.Add(lo, t);
            x = Avx2.Permute2x128(lo, hi, 0x20);
            y = Avx2.Permute2x128(lo, hi, 0x31);

            // Distance 2: lo = [x0 x1 y0 y1 | x4 x5 y4 y5], hi = [x2 x3 y2 y3 | x6 x7 y6 y7].
            lo = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt32();
            hi = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt32();
            t = MontMul(Load(ref z2, 8 * p), hi);
            hi = Avx2.Subtract(lo, t);
            lo = Avx2.Add(lo, t);
            x = Avx2.UnpackLow(lo.AsInt64(), hi.AsInt64()).AsInt32();
            y = Avx2.UnpackHigh(lo.AsInt64(), hi.AsInt64()).AsInt32();

            // Distance 1: even = [x0 x2 y0 y2 | x4 x6 y4 y6], odd = [x1 x3 y1 y3 | x5 x7 y5 y7].
            Vector256<int> even = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b10_00_10_00).AsInt32();
            Vector256<int> odd = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b11_01_11_01).AsInt32();
            t = MontMul(Load(ref z1, 8 * p), odd);
            odd = Avx2.Subtract(even, t);
            even = Avx2.Add(even, t);
            Store(ref r, 16 * p, Avx2.UnpackLow(even, odd));
            Store(ref r, (16 * p) + 8, Avx2.UnpackHigh(even, odd));
        }
    }

    public static void Inverse(Span<int> a)
    {
        ref int r = ref MemoryMarshal.GetReference(a[..N]);
        ref int z4 = ref MemoryMarshal.GetArrayDataReference(s_inv4);
        ref int z2 = ref MemoryMarshal.GetArrayDataReference(s_inv2);
        ref int z1 = ref MemoryMarshal.GetArrayDataReference(s_inv1);
        for (int p = 0; p < 16; p++)
        {
            Vector256<int> x = Load(ref r, 16 * p);
            Vector256<int> y = Load(ref r, (16 * p) + 8);

            Vector256<int> even = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b10_00_10_00).AsInt32();
            Vector256<int> odd = Avx.Shuffle(x.AsSingle(), y.AsSingle(), 0b11_01_11_01).AsInt32();
            Vector256<int> sum = Avx2.Add(even, odd);
            odd = MontMul(Load(ref z1, 8 * p), Avx2.Subtract(even, odd));
            x = Avx2.UnpackLow(sum, odd);
            y = Avx2.UnpackHigh(sum, odd);

            Vector256<int> lo = Avx2.UnpackLow(x.AsInt64(), y.AsInt64()).AsInt32();
            Vector256<int> hi = Avx2.UnpackHigh(x.AsInt64(), y.AsInt64()).AsInt32();
            sum = Avx2.Add(lo, hi);
            hi = MontMul(Load(ref z2, 8 * p), Avx2.Subtract(lo, hi));
            x = Avx2.UnpackLow(sum.AsInt64(), hi.AsInt64()).AsInt32();
            y = Avx2.UnpackHigh(sum.AsInt64(), hi.AsInt64()).AsInt32();

            lo = Avx2.Permute2x128(x, y, 0x20);
            hi = Avx2.Permute2x128(x, y, 0x31);
            sum = Avx2.Add(lo, hi);
            hi = MontMul(Load(ref z4, 8 * p), Avx2.Subtract(lo, hi));
            Store(ref r, 16 * p, Avx2.Permute2x128(sum, hi, 0x20));
            Store(ref r, (16 * p) + 8, Avx2.Permute2x128(sum, hi, 0x31));
        }

        int[] zetas = MLDsaMontgomery.Zetas;
        for (int len = 8; len < N; len <<= 1)
        {
            int blocks = N / (2 * len);
            for (int m = 0; m < blocks; m++)
            {
                Vector256<int> z = Vector256.Create(-zetas[(2 * blocks) - 1 - m]);
                int start = 2 * len * m;
                for (int j = start; j < start + len; j += 8)
                {
                    Vector256<int> x = Load(ref r, j);
                    Vector256<int> y = Load(ref r, j + len);
                    Store(ref r, j, Avx2.Add(x, y));
                    Store(ref r, j + len, MontMul(z, Avx2.Subtract(x, y)));
                }
            }
        }

        Vector256<int> f = Vector256.Create(MLDsaMontgomery.InverseNttFactor);
        for (int j = 0; j < N; j += 8)
        {
            Store(ref r, j, MontMul(f, Load(ref r, j)));
        }
    }

    public static void MultiplyAccumulate(Span<int> acc, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        ref int rc = ref MemoryMarshal.GetReference(acc[..N]);
        ref int ra = ref MemoryMarshal.GetReference(a[..N]);
        ref int rb = ref MemoryMarshal.GetReference(b[..N]);
        for (int j = 0; j < N; j += 8)
        {
            Store(ref rc, j, Avx2.Add(Load(ref rc, j), MontMul(Load(ref ra, j), Load(ref rb, j))));
        }
    }

    public static void MultiplySubtract(Span<int> acc, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        ref int rc = ref MemoryMarshal.GetReference(acc[..N]);
        ref int ra = ref MemoryMarshal.GetReference(a[..N]);
        ref int rb = ref MemoryMarshal.GetReference(b[..N]);
        for (int j = 0; j < N; j += 8)
        {
            Store(ref rc, j, Avx2.Subtract(Load(ref rc, j), MontMul(Load(ref ra, j), Load(ref rb, j))));
        }
    }

    /// <summary>a · b · R⁻¹ per lane, the same integers as <see cref="MLDsaMontgomery.Reduce"/> of the 64-bit product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<int> MontMul(Vector256<int> a, Vector256<int> b)
    {
        Vector256<int> qinv = Vector256.Create(MLDsaMontgomery.QInv);
        Vector256<int> q = Vector256.Create(MLDsaMontgomery.Q);
        Vector256<long> even = Avx2.Multiply(a, b);
        Vector256<long> odd = Avx2.Multiply(
            Avx2.ShiftRightLogical(a.AsInt64(), 32).AsInt32(),
            Avx2.ShiftRightLogical(b.AsInt64(), 32).AsInt32());
        Vector256<long> tqEven = Avx2.Multiply(Avx2.MultiplyLow(even.AsInt32(), qinv), q);
        Vector256<long> tqOdd = Avx2.Multiply(Avx2.MultiplyLow(odd.AsInt32(), qinv), q);

        // The low halves cancel exactly (t·q ≡ a·b mod 2³²), so a 32-bit subtraction of the high halves is the shift.
        Vector256<int> rEven = Avx2.ShiftRightLogical(Avx2.Subtract(even.AsInt32(), tqEven.AsInt32()).AsInt64(), 32).AsInt32();
        Vector256<int> rOdd = Avx2.Subtract(odd.AsInt32(), tqOdd.AsInt32());
        return Avx2.Blend(rEven, rOdd, 0b1010_1010);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load(ref int r, int i) => Vector256.LoadUnsafe(ref r, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref int r, int i, Vector256<int> v) => v.StoreUnsafe(ref r, (nuint)i);

    // Lane order of the regrouped vectors above: which FIPS 204 twiddle index each lane of pair p uses.
    private static int[] Layout(int distance, bool inverse)
    {
        int[] zetas = MLDsaMontgomery.Zetas;
        int blocks = N / (2 * distance);
        var table = new int[16 * 8];
        for (int p = 0; p < 16; p++)
        {
            int[] groups = distance switch
            {
                4 => [2 * p, 2 * p, 2 * p, 2 * p, (2 * p) + 1, (2 * p) + 1, (2 * p) + 1, (2 * p) + 1],
                2 => [4 * p, 4 * p, (4 * p) + 2, (4 * p) + 2, (4 * p) + 1, (4 * p) + 1, (4 * p) + 3, (4 * p) + 3],
                _ => [8 * p, (8 * p) + 1, (8 * p) + 4, (8 * p) + 5, (8 * p) + 2, (8 * p) + 3, (8 * p) + 6, (8 * p) + 7],
            };
            for (int lane = 0; lane < 8; lane++)
            {
                int m = groups[lane];
                table[(8 * p) + lane] = inverse ? -zetas[(2 * blocks) - 1 - m] : zetas[blocks + m];
            }
        }

        return table;
    }
}
