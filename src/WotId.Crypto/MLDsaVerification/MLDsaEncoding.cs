// FIPS 204 §7.1–7.2 encodings that verification reads and writes: pkDecode's t1 (SimpleBitUnpack, 10 bits),
// sigDecode's z (BitUnpack with a = γ1 − 1, b = γ1) and h (HintBitUnpack, Algorithm 21, with every malformed-hint
// rule), and w1Encode (SimpleBitPack of 4 or 6 bits, Algorithm 28). Lengths are checked by the caller.
using System;

namespace WotId.Crypto;

/// <summary>Bit packing for ML-DSA verification.</summary>
internal static class MLDsaEncoding
{
    /// <summary>t1 row <paramref name="row"/> of pk = ρ ‖ t1, each coefficient times 2^d (d = 13) for the product c·t1·2^d.</summary>
    public static void DecodeT1Shifted(ReadOnlySpan<byte> publicKey, int row, Span<int> t)
    {
        ReadOnlySpan<byte> b = publicKey.Slice(32 + (320 * row), 320);
        t = t[..MLDsaNtt.N];
        for (int i = 0, o = 0; i < 320; i += 5, o += 4)
        {
            t[o] = (b[i] | ((b[i + 1] & 0x03) << 8)) << 13;
            t[o + 1] = ((b[i + 1] >> 2) | ((b[i + 2] & 0x0F) << 6)) << 13;
            t[o + 2] = ((b[i + 2] >> 4) | ((b[i + 3] & 0x3F) << 4)) << 13;
            t[o + 3] = ((b[i + 3] >> 6) | (b[i + 4] << 2)) << 13;
        }
    }

    /// <summary>Decodes one z polynomial (z = γ1 − packed value); false when ‖z‖∞ ≥ γ1 − β (Algorithm 8 step 13).</summary>
    public static bool DecodeZ(ReadOnlySpan<byte> packed, MLDsaParameterSet p, Span<int> z)
    {
        z = z[..MLDsaNtt.N];
        int gamma1 = p.Gamma1;
        int bound = p.Gamma1 - p.Beta;
        if (p.Gamma1Bits == 17)
        {
            // 18 bits per coefficient: 4 coefficients in 9 bytes.
            packed = packed[..576];
            for (int i = 0, o = 0; i < 576; i += 9, o += 4)
            {
                ulong v = BitConverterLe(packed.Slice(i, 8));
                z[o] = gamma1 - (int)(v & 0x3FFFF);
                z[o + 1] = gamma1 - (int)((v >> 18) & 0x3FFFF);
                z[o + 2] = gamma1 - (int)((v >> 36) & 0x3FFFF);
                z[o + 3] = gamma1 - (int)(((v >> 54) | ((ulong)packed[i + 8] << 10)) & 0x3FFFF);
            }
        }
        else
        {
            // 20 bits per coefficient: 2 coefficients in 5 bytes.
            packed = packed[..640];
            for (int i = 0, o = 0; i < 640; i += 5, o += 2)
            {
                int lo = packed[i] | (packed[i + 1] << 8) | ((packed[i + 2] & 0x0F) << 16);
                int hi = (packed[i + 2] >> 4) | (packed[i + 3] << 4) | (packed[i + 4] << 12);
                z[o] = gamma1 - lo;
                z[o + 1] = gamma1 - hi;
            }
        }

        for (int i = 0; i < MLDsaNtt.N; i++)
        {
            if (Math.Abs(z[i]) >= bound)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>HintBitUnpack (Algorithm 21): h as k·256 zero/one bytes; false (⊥) for any malformed encoding.</summary>
    public static bool DecodeHint(ReadOnlySpan<byte> y, int k, int omega, Span<byte> h)
    {
        y = y[..(omega + k)];
        h = h[..(k * MLDsaNtt.N)];
        h.Clear();
        int index = 0;
        for (int i = 0; i < k; i++)
        {
            int end = y[omega + i];
            if (end < index || end > omega)
            {
                return false;
            }

            int first = index;
            while (index < end)
            {
                if (index > first && y[index - 1] >= y[index])
                {
                    return false;
                }

                h[(i * MLDsaNtt.N) + y[index]] = 1;
                index++;
            }
        }

        for (int i = index; i < omega; i++)
        {
            if (y[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SimpleBitPack of one w1 row (coefficients in [0, (q − 1)/(2γ2) − 1]) with 4 or 6 bits each.</summary>
    public static void PackW1(ReadOnlySpan<int> w1, int bits, Span<byte> destination)
    {
        w1 = w1[..MLDsaNtt.N];
        if (bits == 4)
        {
            destination = destination[..128];
            for (int i = 0; i < 128; i++)
            {
                destination[i] = (byte)(w1[2 * i] | (w1[(2 * i) + 1] << 4));
            }

            return;
        }

        destination = destination[..192];
        for (int i = 0, o = 0; i < MLDsaNtt.N; i += 4, o += 3)
        {
            destination[o] = (byte)(w1[i] | (w1[i + 1] << 6));
            destination[o + 1] = (byte)((w1[i + 1] >> 2) | (w1[i + 2] << 4));
            destination[o + 2] = (byte)((w1[i + 2] >> 4) | (w1[i + 3] << 2));
        }
    }

    private static ulong BitConverterLe(ReadOnlySpan<byte> eight) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(eight);
}
