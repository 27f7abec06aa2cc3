// FIPS 203 §4.2.2 sampling for K-PKE.Encrypt: SampleNTT (Algorithm 7) for the entries of Âᵀ, from SHAKE128(ρ ‖ i ‖ j),
// and SamplePolyCBD_η (Algorithm 8) over PRF_η(σ, N) = SHAKE256(σ ‖ N, 64η). SampleNTT reads public bytes and may
// branch; the CBD sampler handles the secret randomness r with masks and shifts only.
using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Samplers of ML-KEM encryption.</summary>
internal static class MLKemSampling
{
    private const int N = MLKemReduce.N;

    /// <summary>Three SHAKE128 blocks: 336 candidates, enough for 256 accepted ones with high probability.</summary>
    private const int SampleNttBytes = 3 * MLKemXof4x.Shake128Rate;

    /// <summary>
    /// Âᵀ of K-PKE.Encrypt step 4–8, row-major: entry (i, j) = SampleNTT(ρ ‖ i ‖ j) at (i·k + j)·256, so that row i of
    /// the result multiplied by ŷ gives the i-th entry of Âᵀ ∘ ŷ.
    /// </summary>
    [SkipLocalsInit]
    public static void ExpandATransposed(ReadOnlySpan<byte> rho, int k, Span<short> aT, bool vector, bool platformShake)
    {
        int entries = k * k;
        if (!vector)
        {
            Span<byte> seed = stackalloc byte[34];
            rho[..32].CopyTo(seed);
            Span<byte> stream = stackalloc byte[SampleNttBytes];
            for (int e = 0; e < entries; e++)
            {
                seed[32] = (byte)(e / k);
                seed[33] = (byte)(e % k);
                MLDsaXof.Shake128(seed, stream, platformShake);
                if (SampleNtt(stream, aT.Slice(e * N, N), 0) < N)
                {
                    SampleNttLong(seed, aT.Slice(e * N, N), platformShake);
                }
            }

            return;
        }

        Span<Vector256<ulong>> state = stackalloc Vector256<ulong>[25];
        Span<byte> blocks = stackalloc byte[4 * MLKemXof4x.Shake128Rate];
        Span<int> suffixes = stackalloc int[4];
        Span<int> filled = stackalloc int[4];
        for (int e = 0; e < entries; e += 4)
        {
            for (int j = 0; j < 4; j++)
            {
                int entry = Math.Min(e + j, entries - 1);
                suffixes[j] = (entry / k) | ((entry % k) << 8);
                filled[j] = e + j < entries ? 0 : N;
            }

            MLKemXof4x.Absorb(state, MLKemXof4x.Shake128Rate, rho, suffixes, 2);
            while (filled[0] < N || filled[1] < N || filled[2] < N || filled[3] < N)
            {
                MLKemXof4x.Squeeze(state, MLKemXof4x.Shake128Rate, blocks, MLKemXof4x.Shake128Rate);
                for (int j = 0; j < 4; j++)
                {
                    if (filled[j] < N)
                    {
                        filled[j] = SampleNtt(blocks.Slice(j * MLKemXof4x.Shake128Rate, MLKemXof4x.Shake128Rate), aT.Slice((e + j) * N, N), filled[j]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// PRF_η(σ, first + i) for i = 0 … count − 1, each sampled by SamplePolyCBD_η into <paramref name="polys"/>
    /// (K-PKE.Encrypt steps 9–17). The XOF output, secret, is cleared before returning.
    /// </summary>
    [SkipLocalsInit]
    public static void SampleCbd(ReadOnlySpan<byte> sigma, int first, int count, int eta, Span<short> polys, bool vector, bool platformShake)
    {
        int length = 64 * eta;
        if (!vector)
        {
            Span<byte> input = stackalloc byte[33];
            Span<byte> stream = stackalloc byte[length];
            sigma[..32].CopyTo(input);
            for (int i = 0; i < count; i++)
            {
                input[32] = (byte)(first + i);
                MLDsaXof.Shake256(input, stream, platformShake);
                Cbd(stream, eta, polys.Slice(i * N, N), vector: false);
            }

            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(stream);
            return;
        }

        const int Rate = MLKemXof4x.Shake256Rate;
        int blockCount = (length + Rate - 1) / Rate;
        int stride = blockCount * Rate;
        Span<Vector256<ulong>> state = stackalloc Vector256<ulong>[25];
        Span<byte> streams = stackalloc byte[4 * 2 * Rate];
        Span<int> suffixes = stackalloc int[4];
        for (int i = 0; i < count; i += 4)
        {
            for (int j = 0; j < 4; j++)
            {
                suffixes[j] = first + Math.Min(i + j, count - 1);
            }

            MLKemXof4x.Absorb(state, Rate, sigma, suffixes, 1);
            for (int b = 0; b < blockCount; b++)
            {
                MLKemXof4x.Squeeze(state, Rate, streams[(b * Rate)..], stride);
            }

            for (int j = 0; j < 4 && i + j < count; j++)
            {
                Cbd(streams.Slice(j * stride, length), eta, polys.Slice((i + j) * N, N), vector: true);
            }
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(state));
        CryptographicOperations.ZeroMemory(streams);
    }

    /// <summary>Algorithm 7 over a block of whole 3-byte groups, from <paramref name="filled"/> on; returns the new count.</summary>
    private static int SampleNtt(ReadOnlySpan<byte> bytes, Span<short> a, int filled)
    {
        a = a[..N];
        ref byte src = ref MemoryMarshal.GetReference(bytes);
        ref short dst = ref MemoryMarshal.GetReference(a);
        int j = filled;
        int pos = 0;
        int end = bytes.Length - (bytes.Length % 3);

        // While two more values always fit, store both candidates and advance past the accepted ones (no branch on
        // the bytes; they are public anyway, but mispredicted rejections cost more than the stores).
        for (; pos < end && j <= N - 2; pos += 3)
        {
            int b0 = Unsafe.Add(ref src, pos), b1 = Unsafe.Add(ref src, pos + 1), b2 = Unsafe.Add(ref src, pos + 2);
            int d1 = b0 | ((b1 & 0x0F) << 8);
            int d2 = (b1 >> 4) | (b2 << 4);
            Unsafe.Add(ref dst, j) = (short)d1;
            j += (int)((uint)(d1 - MLKemReduce.Q) >> 31);
            Unsafe.Add(ref dst, j) = (short)d2;
            j += (int)((uint)(d2 - MLKemReduce.Q) >> 31);
        }

        for (; pos < end && j < N; pos += 3)
        {
            int d1 = bytes[pos] | ((bytes[pos + 1] & 0x0F) << 8);
            int d2 = (bytes[pos + 1] >> 4) | (bytes[pos + 2] << 4);
            if (d1 < MLKemReduce.Q)
            {
                a[j++] = (short)d1;
            }

            if (d2 < MLKemReduce.Q && j < N)
            {
                a[j++] = (short)d2;
            }
        }

        return j;
    }

    /// <summary>Practically never: a longer, prefix-identical SHAKE128 output until 256 coefficients are accepted.</summary>
    private static void SampleNttLong(ReadOnlySpan<byte> seed, Span<short> a, bool platformShake)
    {
        for (int length = 2 * SampleNttBytes; ; length *= 2)
        {
            var longer = new byte[length];
            MLDsaXof.Shake128(seed, longer, platformShake);
            if (SampleNtt(longer, a, 0) == N)
            {
                return;
            }
        }
    }

    /// <summary>SamplePolyCBD_η (Algorithm 8): coefficient = Σ of η bits − Σ of the next η bits, by bit-slicing.</summary>
    private static void Cbd(ReadOnlySpan<byte> b, int eta, Span<short> f, bool vector)
    {
        if (eta == 2 && vector)
        {
            Cbd2Avx2(b, f);
            return;
        }

        if (eta == 2)
        {
            for (int i = 0; i < N / 8; i++)
            {
                uint t = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4 * i, 4));
                uint d = (t & 0x55555555u) + ((t >> 1) & 0x55555555u);
                for (int j = 0; j < 8; j++)
                {
                    int x = (int)((d >> (4 * j)) & 3);
                    int y = (int)((d >> ((4 * j) + 2)) & 3);
                    f[(8 * i) + j] = (short)(x - y);
                }
            }

            return;
        }

        for (int i = 0; i < N / 4; i++)
        {
            uint t = b[3 * i] | ((uint)b[(3 * i) + 1] << 8) | ((uint)b[(3 * i) + 2] << 16);
            uint d = (t & 0x249249u) + ((t >> 1) & 0x249249u) + ((t >> 2) & 0x249249u);
            for (int j = 0; j < 4; j++)
            {
                int x = (int)((d >> (6 * j)) & 7);
                int y = (int)((d >> ((6 * j) + 3)) & 7);
                f[(4 * i) + j] = (short)(x - y);
            }
        }
    }

    /// <summary>
    /// SamplePolyCBD₂ on 16 bytes (32 coefficients) per step: byte i holds coefficients 2i (low nibble) and 2i + 1
    /// (high nibble), each (bit 0 + bit 1) − (bit 2 + bit 3); the same integers as the scalar loop.
    /// </summary>
    private static void Cbd2Avx2(ReadOnlySpan<byte> b, Span<short> f)
    {
        ref byte src = ref MemoryMarshal.GetReference(b[..128]);
        ref short dst = ref MemoryMarshal.GetReference(f[..N]);
        Vector128<byte> m55 = Vector128.Create((byte)0x55);
        Vector128<byte> m03 = Vector128.Create((byte)0x03);
        Vector128<byte> m0F = Vector128.Create((byte)0x0F);
        for (int i = 0; i < 128; i += 16)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref src, (nuint)i);
            Vector128<byte> d = (v & m55) + (Vector128.ShiftRightLogical(v.AsUInt16(), 1).AsByte() & m55);
            Vector128<byte> lo = d & m0F;
            Vector128<byte> hi = Vector128.ShiftRightLogical(d.AsUInt16(), 4).AsByte() & m0F;
            Vector128<sbyte> cLo = ((lo & m03) - (Vector128.ShiftRightLogical(lo.AsUInt16(), 2).AsByte() & m03)).AsSByte();
            Vector128<sbyte> cHi = ((hi & m03) - (Vector128.ShiftRightLogical(hi.AsUInt16(), 2).AsByte() & m03)).AsSByte();
            Avx2.ConvertToVector256Int16(Sse2.UnpackLow(cLo, cHi)).StoreUnsafe(ref dst, (nuint)(2 * i));
            Avx2.ConvertToVector256Int16(Sse2.UnpackHigh(cLo, cHi)).StoreUnsafe(ref dst, (nuint)((2 * i) + 16));
        }
    }
}
