// FIPS 204 §7.3 pseudorandom sampling for verification: Algorithm 30 RejNTTPoly (one entry of Â from ρ ‖ s ‖ r,
// as ExpandA, Algorithm 32, calls it) and Algorithm 29 SampleInBall (c from c̃).
using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WotId.Crypto;

/// <summary>Rejection samplers of ML-DSA.</summary>
internal static class MLDsaSampling
{
    /// <summary>Five SHAKE128 blocks: 280 candidates for 256 coefficients, each rejected with probability ≈ 2⁻¹⁰.</summary>
    private const int RejNttBytes = 5 * 168;

    /// <summary>One SHAKE256 block: 8 sign bytes and 128 candidate positions for τ ≤ 60.</summary>
    private const int BallBytes = 136;

    /// <summary>Â[r][s] = RejNTTPoly(ρ ‖ IntegerToBytes(s, 1) ‖ IntegerToBytes(r, 1)) (Algorithm 32 step 3).</summary>
    public static void ExpandAEntry(ReadOnlySpan<byte> rho, int r, int s, Span<int> a, bool platformShake)
    {
        Span<byte> seed = stackalloc byte[34];
        rho[..32].CopyTo(seed);
        seed[32] = (byte)s;
        seed[33] = (byte)r;
        Span<byte> stream = stackalloc byte[RejNttBytes];
        MLDsaXof.Shake128(seed, stream, platformShake);
        if (RejNttPoly(stream, a))
        {
            return;
        }

        // Practically never: ask for a longer, prefix-identical output until 256 coefficients are accepted.
        for (int length = 2 * RejNttBytes; ; length *= 2)
        {
            var longer = new byte[length];
            MLDsaXof.Shake128(seed, longer, platformShake);
            if (RejNttPoly(longer, a))
            {
                return;
            }
        }
    }

    /// <summary>The whole of Â = ExpandA(ρ) (Algorithm 32), row-major, entry (r, s) at (r·ℓ + s)·256.</summary>
    public static void ExpandA(MLDsaParameterSet p, ReadOnlySpan<byte> rho, Span<int> aHat, bool vector, bool platformShake)
    {
        int entries = p.K * p.L;
        if (!vector)
        {
            for (int e = 0; e < entries; e++)
            {
                ExpandAEntry(rho, e / p.L, e % p.L, aHat.Slice(e * MLDsaNtt.N, MLDsaNtt.N), platformShake);
            }

            return;
        }

        Span<int> four = stackalloc int[4 * MLDsaNtt.N];
        Span<int> rows = stackalloc int[4];
        Span<int> cols = stackalloc int[4];
        for (int e = 0; e < entries; e += 4)
        {
            int count = Math.Min(4, entries - e);
            for (int j = 0; j < 4; j++)
            {
                int entry = e + Math.Min(j, count - 1);
                rows[j] = entry / p.L;
                cols[j] = entry % p.L;
            }

            ExpandAFour(rho, rows, cols, four, platformShake);
            four[..(count * MLDsaNtt.N)].CopyTo(aHat.Slice(e * MLDsaNtt.N, count * MLDsaNtt.N));
        }
    }

    /// <summary>
    /// Four entries Â[rows[j]][cols[j]] at once through <see cref="MLDsaKeccak4x"/> (AVX2 only): the 34-byte seeds fit
    /// one SHAKE128 block, so absorbing is one XOR of ρ ‖ s ‖ r with the pad 0x1F … 0x80, then five squeezes.
    /// </summary>
    [SkipLocalsInit]
    public static void ExpandAFour(ReadOnlySpan<byte> rho, ReadOnlySpan<int> rows, ReadOnlySpan<int> cols, Span<int> a, bool platformShake)
    {
        const int Rate = 168;
        Span<Vector256<ulong>> state = stackalloc Vector256<ulong>[25];
        state.Clear();
        for (int i = 0; i < 4; i++)
        {
            state[i] = Vector256.Create(BinaryPrimitives.ReadUInt64LittleEndian(rho.Slice(8 * i, 8)));
        }

        state[4] = Vector256.Create(SeedTail(rows[0], cols[0]), SeedTail(rows[1], cols[1]), SeedTail(rows[2], cols[2]), SeedTail(rows[3], cols[3]));
        state[(Rate / 8) - 1] = Vector256.Create(0x80UL << 56);
        Span<byte> stream = stackalloc byte[4 * RejNttBytes];
        Span<ulong> lanes = stackalloc ulong[4];
        for (int block = 0; block < RejNttBytes / Rate; block++)
        {
            MLDsaKeccak4x.Permute(state);
            for (int i = 0; i < Rate / 8; i++)
            {
                state[i].CopyTo(lanes);
                for (int j = 0; j < 4; j++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(stream.Slice((j * RejNttBytes) + (block * Rate) + (8 * i), 8), lanes[j]);
                }
            }
        }

        for (int j = 0; j < 4; j++)
        {
            if (!RejNttPoly(stream.Slice(j * RejNttBytes, RejNttBytes), a.Slice(j * MLDsaNtt.N, MLDsaNtt.N)))
            {
                ExpandAEntry(rho, rows[j], cols[j], a.Slice(j * MLDsaNtt.N, MLDsaNtt.N), platformShake);
            }
        }
    }

    /// <summary>Seed bytes 32–34 as lane 4: s, r and the SHAKE domain/padding byte 0x1F.</summary>
    private static ulong SeedTail(int r, int s) => (ulong)(byte)s | ((ulong)(byte)r << 8) | (0x1FUL << 16);

    /// <summary>SampleInBall(c̃): 256 coefficients in {−1, 0, 1} with exactly τ non-zero (Algorithm 29).</summary>
    public static void SampleInBall(ReadOnlySpan<byte> cTilde, int tau, Span<int> c, bool platformShake)
    {
        Span<byte> stream = stackalloc byte[BallBytes];
        MLDsaXof.Shake256(cTilde, stream, platformShake);
        if (SampleInBall(stream, tau, c))
        {
            return;
        }

        for (int length = 2 * BallBytes; ; length *= 2)
        {
            var longer = new byte[length];
            MLDsaXof.Shake256(cTilde, longer, platformShake);
            if (SampleInBall(longer, tau, c))
            {
                return;
            }
        }
    }

    /// <summary>Algorithm 30 over a finite prefix of the XOF output; false when the prefix ran out.</summary>
    private static bool RejNttPoly(ReadOnlySpan<byte> stream, Span<int> a)
    {
        a = a[..MLDsaNtt.N];
        int j = 0;
        for (int pos = 0; pos + 3 <= stream.Length; pos += 3)
        {
            // CoeffFromThreeBytes (Algorithm 14): 23 bits, accepted when below q.
            int t = stream[pos] | (stream[pos + 1] << 8) | ((stream[pos + 2] & 0x7F) << 16);
            if (t < MLDsaMontgomery.Q)
            {
                a[j++] = t;
                if (j == MLDsaNtt.N)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SampleInBall(ReadOnlySpan<byte> stream, int tau, Span<int> c)
    {
        c = c[..MLDsaNtt.N];
        c.Clear();
        ulong signs = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(stream);
        int pos = 8;
        for (int i = MLDsaNtt.N - tau; i < MLDsaNtt.N; i++)
        {
            int j;
            do
            {
                if (pos >= stream.Length)
                {
                    return false;
                }

                j = stream[pos++];
            }
            while (j > i);
            c[i] = c[j];
            c[j] = 1 - (2 * (int)(signs & 1));
            signs >>= 1;
        }

        return true;
    }
}
