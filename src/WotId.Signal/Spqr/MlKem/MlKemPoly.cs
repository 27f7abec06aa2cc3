// ML-KEM polynomial arithmetic over Z_q[X]/(X^256 + 1), q = 3329 (FIPS 203 §4.2–§4.3: Algorithms 5–12).
// Coefficients are ints in [0, q). Plain modular arithmetic; no secret-dependent branches.

using System;
using System.Security.Cryptography;

namespace WotId.Signal.Spqr.MlKem;

internal static class MlKemPoly
{
    public const int N = 256;
    public const int Q = 3329;

    /// <summary>128⁻¹ mod q (FIPS 203 Algorithm 10, last step).</summary>
    private const int InverseOf128 = 3303;

    private const ulong BarrettMultiplier = (1UL << 32) / Q;

    private static readonly int[] s_zetas = BuildZetas();
    private static readonly int[] s_gammas = BuildGammas();

    /// <summary>FIPS 203 Algorithm 9 (in place).</summary>
    public static void Ntt(int[] f)
    {
        int k = 1;
        for (int len = 128; len >= 2; len >>= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                int zeta = s_zetas[k++];
                for (int j = start; j < start + len; j++)
                {
                    int t = ModQ(zeta * f[j + len]);
                    f[j + len] = Reduce(f[j] - t + Q);
                    f[j] = Reduce(f[j] + t);
                }
            }
        }
    }

    /// <summary>FIPS 203 Algorithm 10 (in place).</summary>
    public static void InverseNtt(int[] f)
    {
        int k = 127;
        for (int len = 2; len <= 128; len <<= 1)
        {
            for (int start = 0; start < N; start += 2 * len)
            {
                int zeta = s_zetas[k--];
                for (int j = start; j < start + len; j++)
                {
                    int t = f[j];
                    f[j] = Reduce(t + f[j + len]);
                    f[j + len] = ModQ(zeta * (f[j + len] - t + Q));
                }
            }
        }

        for (int j = 0; j < N; j++)
        {
            f[j] = ModQ(f[j] * InverseOf128);
        }
    }

    /// <summary>acc += f ∘ g in the NTT domain (FIPS 203 Algorithms 11 and 12).</summary>
    public static void MultiplyAccumulate(int[] acc, int[] f, int[] g)
    {
        for (int i = 0; i < 128; i++)
        {
            int a0 = f[2 * i], a1 = f[2 * i + 1], b0 = g[2 * i], b1 = g[2 * i + 1];
            int c0 = ModQ(a0 * b0 + ModQ(a1 * b1) * s_gammas[i]);
            int c1 = ModQ(a0 * b1 + a1 * b0);
            acc[2 * i] = Reduce(acc[2 * i] + c0);
            acc[2 * i + 1] = Reduce(acc[2 * i + 1] + c1);
        }
    }

    public static void Add(int[] acc, int[] f)
    {
        for (int j = 0; j < N; j++)
        {
            acc[j] = Reduce(acc[j] + f[j]);
        }
    }

    public static void Subtract(int[] acc, int[] f)
    {
        for (int j = 0; j < N; j++)
        {
            acc[j] = Reduce(acc[j] - f[j] + Q);
        }
    }

    /// <summary>FIPS 203 Algorithm 7 (SampleNTT) on the SHAKE128 stream of ρ ‖ j ‖ i.</summary>
    public static int[] SampleNtt(ReadOnlySpan<byte> rho, byte j, byte i)
    {
        Span<byte> seed = stackalloc byte[34];
        rho.CopyTo(seed);
        seed[32] = j;
        seed[33] = i;
        int[] a = new int[N];
        int length = 3 * 168;
        while (true)
        {
            byte[] stream = new byte[length];
            SpqrPrimitives.Shake128(seed, stream);
            int count = 0;
            for (int p = 0; p + 3 <= stream.Length && count < N; p += 3)
            {
                int d1 = stream[p] | ((stream[p + 1] & 0x0F) << 8);
                int d2 = (stream[p + 1] >> 4) | (stream[p + 2] << 4);
                if (d1 < Q)
                {
                    a[count++] = d1;
                }

                if (d2 < Q && count < N)
                {
                    a[count++] = d2;
                }
            }

            if (count == N)
            {
                return a;
            }

            length *= 2;
        }
    }

    /// <summary>FIPS 203 Algorithm 8 with η = 2 on PRF₂(s, b) = SHAKE256(s ‖ b, 128).</summary>
    public static int[] SampleCbd2(ReadOnlySpan<byte> seed32, byte nonce)
    {
        Span<byte> input = stackalloc byte[33];
        seed32.CopyTo(input);
        input[32] = nonce;
        Span<byte> bytes = stackalloc byte[128];
        SpqrPrimitives.Shake256(input, bytes);
        int[] f = new int[N];
        for (int i = 0; i < N; i++)
        {
            int nibble = (bytes[i >> 1] >> (4 * (i & 1))) & 0x0F;
            int x = (nibble & 1) + ((nibble >> 1) & 1);
            int y = ((nibble >> 2) & 1) + ((nibble >> 3) & 1);
            f[i] = Reduce(x - y + Q);
        }

        CryptographicOperations.ZeroMemory(bytes);
        return f;
    }

    /// <summary>FIPS 203 Algorithm 5 (ByteEncode_d) of 256 coefficients into 32·d bytes.</summary>
    public static void Encode(int[] f, int d, Span<byte> output)
    {
        if (d == 12)
        {
            for (int i = 0, p = 0; i < N; i += 2, p += 3)
            {
                int a = f[i], b = f[i + 1];
                output[p] = (byte)a;
                output[p + 1] = (byte)((a >> 8) | (b << 4));
                output[p + 2] = (byte)(b >> 4);
            }

            return;
        }

        output[..(32 * d)].Clear();
        int bit = 0;
        for (int i = 0; i < N; i++)
        {
            int value = f[i];
            for (int b = 0; b < d; b++, bit++)
            {
                output[bit >> 3] |= (byte)(((value >> b) & 1) << (bit & 7));
            }
        }
    }

    /// <summary>
    /// FIPS 203 Algorithm 6 (ByteDecode_d); for d = 12 the values are reduced mod q with <see cref="ModQ"/> (Barrett, no
    /// division: ByteDecode_12 decodes the secret key during decapsulation).
    /// </summary>
    public static int[] Decode(ReadOnlySpan<byte> input, int d)
    {
        int[] f = new int[N];
        if (d == 12)
        {
            for (int i = 0, p = 0; i < N; i += 2, p += 3)
            {
                f[i] = ModQ(input[p] | ((input[p + 1] & 0x0F) << 8));
                f[i + 1] = ModQ((input[p + 1] >> 4) | (input[p + 2] << 4));
            }

            return f;
        }

        int bit = 0;
        for (int i = 0; i < N; i++)
        {
            int value = 0;
            for (int b = 0; b < d; b++, bit++)
            {
                value |= ((input[bit >> 3] >> (bit & 7)) & 1) << b;
            }

            f[i] = value;
        }

        return f;
    }

    /// <summary>Compress_d (FIPS 203 §4.2.1), in place.</summary>
    public static void Compress(int[] f, int d)
    {
        for (int i = 0; i < N; i++)
        {
            // ⌊((x << d) + ⌊q/2⌋) / q⌋ without a division instruction (its timing may depend on the operand).
            int n = (f[i] << d) + Q / 2;
            int t = (int)(((ulong)(uint)n * BarrettMultiplier) >> 32);
            int r = n - t * Q;
            t += ((Q - 1 - r) >> 31) & 1;
            f[i] = t & ((1 << d) - 1);
        }
    }

    /// <summary>Decompress_d (FIPS 203 §4.2.1), in place.</summary>
    public static void Decompress(int[] f, int d)
    {
        for (int i = 0; i < N; i++)
        {
            f[i] = (int)(((long)f[i] * Q + (1L << (d - 1))) >> d);
        }
    }

    /// <summary>x mod q for 0 ≤ x &lt; 2^31 (Barrett with m = ⌊2^32 / q⌋; the quotient estimate is off by at most 1).</summary>
    public static int ModQ(int x)
    {
        int t = (int)(((ulong)(uint)x * BarrettMultiplier) >> 32);
        int r = x - t * Q - Q;
        return r + ((r >> 31) & Q);
    }

    /// <summary>x mod q for 0 ≤ x &lt; 2q, without a branch.</summary>
    private static int Reduce(int x)
    {
        int r = x - Q;
        return r + ((r >> 31) & Q);
    }

    private static int BitReverse7(int i)
    {
        int r = 0;
        for (int b = 0; b < 7; b++)
        {
            r |= ((i >> b) & 1) << (6 - b);
        }

        return r;
    }

    private static int Power17(int exponent)
    {
        int result = 1;
        for (int e = 0; e < exponent; e++)
        {
            result = result * 17 % Q;
        }

        return result;
    }

    private static int[] BuildZetas()
    {
        int[] zetas = new int[128];
        for (int i = 0; i < 128; i++)
        {
            zetas[i] = Power17(BitReverse7(i));
        }

        return zetas;
    }

    private static int[] BuildGammas()
    {
        int[] gammas = new int[128];
        for (int i = 0; i < 128; i++)
        {
            gammas[i] = Power17(2 * BitReverse7(i) + 1);
        }

        return gammas;
    }
}
