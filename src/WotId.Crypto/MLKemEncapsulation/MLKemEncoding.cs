// FIPS 203 §4.2.1 encodings for encapsulation: ByteDecode₁₂ of t̂ with the §7.2 modulus check (the decoded value must
// re-encode to the same bytes, i.e. be below q), Compress_d then ByteEncode_d of u and v, and Decompress₁(ByteDecode₁(m)).
// Compress divides by q with a multiply and shift (⌊y · 1290168 / 2³²⌋ = ⌊y / q⌋ for every y it meets, checked
// exhaustively by MLKemEncodingTests), never with a division instruction: its input depends on the secret r (KyberSlash).
using System;
using System.Runtime.CompilerServices;

namespace WotId.Crypto;

/// <summary>Byte encodings of ML-KEM encryption.</summary>
internal static class MLKemEncoding
{
    private const int N = MLKemReduce.N;

    /// <summary>⌈2³² / q⌉.</summary>
    private const ulong CompressMultiplier = 1290168;

    /// <summary>ByteDecode₁₂ of one 384-byte polynomial; false when a coefficient is ≥ q (§7.2 modulus check). Public input.</summary>
    public static bool DecodeCheck12(ReadOnlySpan<byte> bytes, Span<short> a)
    {
        bytes = bytes[..384];
        a = a[..N];
        int bad = 0;
        for (int i = 0; i < N / 2; i++)
        {
            int b0 = bytes[3 * i], b1 = bytes[(3 * i) + 1], b2 = bytes[(3 * i) + 2];
            int c0 = b0 | ((b1 & 0x0F) << 8);
            int c1 = (b1 >> 4) | (b2 << 4);
            bad |= (MLKemReduce.Q - 1 - c0) | (MLKemReduce.Q - 1 - c1);
            a[2 * i] = (short)c0;
            a[(2 * i) + 1] = (short)c1;
        }

        return bad >= 0;
    }

    /// <summary>
    /// ByteDecode₁₂ followed by reduction mod q (Algorithm 6 with m = q) for the secret ŝ of a decapsulation key:
    /// Barrett reduction, no branch and no division; the output is the centred representative.
    /// </summary>
    public static void DecodeReduce12(ReadOnlySpan<byte> bytes, Span<short> a)
    {
        bytes = bytes[..384];
        a = a[..N];
        for (int i = 0; i < N / 2; i++)
        {
            int b0 = bytes[3 * i], b1 = bytes[(3 * i) + 1], b2 = bytes[(3 * i) + 2];
            a[2 * i] = MLKemReduce.Barrett((short)(b0 | ((b1 & 0x0F) << 8)));
            a[(2 * i) + 1] = MLKemReduce.Barrett((short)((b1 >> 4) | (b2 << 4)));
        }
    }

    /// <summary>Decompress_d(ByteDecode_d(bytes)) for one polynomial of the (public) ciphertext: ⌈q·y / 2^d⌋.</summary>
    public static void DecodeDecompress(ReadOnlySpan<byte> bytes, int d, Span<short> a)
    {
        bytes = bytes[..(32 * d)];
        a = a[..N];
        ulong acc = 0;
        int bits = 0;
        int pos = 0;
        int mask = (1 << d) - 1;
        for (int i = 0; i < N; i++)
        {
            while (bits < d)
            {
                acc |= (ulong)bytes[pos++] << bits;
                bits += 8;
            }

            int y = (int)acc & mask;
            acc >>= d;
            bits -= d;
            a[i] = (short)(((MLKemReduce.Q * y) + (1 << (d - 1))) >> d);
        }
    }

    /// <summary>Compress_d (x in [0, q)): ⌈2^d · x / q⌋ mod 2^d, by multiply and shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Compress(int x, int d) =>
        (uint)(((ulong)(uint)((x << d) + ((MLKemReduce.Q - 1) / 2)) * CompressMultiplier) >> 32) & ((1u << d) - 1);

    /// <summary>
    /// ByteEncode_d(Compress_d(a)) for one polynomial with coefficients in (−q, q) into 32·d bytes. Bits are
    /// gathered in a 64-bit accumulator and written a byte at a time; the loop shape does not depend on the values.
    /// </summary>
    public static void CompressEncode(ReadOnlySpan<short> a, int d, Span<byte> output)
    {
        a = a[..N];
        output = output[..(32 * d)];
        ulong acc = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < N; i++)
        {
            acc |= (ulong)Compress(MLKemReduce.ToPositive(a[i]), d) << bits;
            bits += d;
            while (bits >= 8)
            {
                output[o++] = (byte)acc;
                acc >>= 8;
                bits -= 8;
            }
        }
    }

    /// <summary>Decompress₁(ByteDecode₁(m)) added to <paramref name="v"/>: each bit of m adds ⌈q/2⌋ = 1665 through a mask.</summary>
    public static void AddMessage(ReadOnlySpan<byte> m, Span<short> v)
    {
        v = v[..N];
        for (int i = 0; i < N; i++)
        {
            int bit = (m[i >> 3] >> (i & 7)) & 1;
            v[i] = (short)(v[i] + (-bit & ((MLKemReduce.Q + 1) / 2)));
        }
    }
}
