// Keccak-f[1600] (FIPS 202 §3.3) on one state with the lanes in locals, and the SHAKE128/SHAKE256 sponge (FIPS 202
// §4, §6.2: pad10*1 after the domain bits 1111) over up to four input pieces, for the single-stream hashes of ML-DSA
// verification (tr, μ, SampleInBall, c̃′) without a native call per hash. Same round body as MLDsaKeccak4x.
using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace WotId.Crypto;

/// <summary>Managed single-state Keccak and SHAKE.</summary>
internal static class MLDsaKeccak
{
    public const int Shake128Rate = 168;
    public const int Shake256Rate = 136;

    private static readonly ulong[] s_roundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>SHAKE with the given rate over a ‖ b ‖ c ‖ d, squeezed into <paramref name="output"/>.</summary>
    [SkipLocalsInit]
    public static void Shake(int rate, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, Span<byte> output)
    {
        Span<ulong> s = stackalloc ulong[25];
        s.Clear();
        int pos = 0;
        pos = Absorb(s, rate, pos, a);
        pos = Absorb(s, rate, pos, b);
        pos = Absorb(s, rate, pos, c);
        pos = Absorb(s, rate, pos, d);
        XorByte(s, pos, 0x1F);
        XorByte(s, rate - 1, 0x80);
        while (true)
        {
            Permute(s);
            int take = Math.Min(rate, output.Length);
            for (int i = 0; i < take; i += 8)
            {
                ulong lane = s[i / 8];
                if (take - i >= 8)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(i, 8), lane);
                }
                else
                {
                    for (int j = i; j < take; j++)
                    {
                        output[j] = (byte)(lane >> (8 * (j - i)));
                    }
                }
            }

            output = output[take..];
            if (output.IsEmpty)
            {
                return;
            }
        }
    }

    private static int Absorb(Span<ulong> s, int rate, int pos, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if ((pos & 7) == 0 && data.Length >= 8)
            {
                s[pos / 8] ^= BinaryPrimitives.ReadUInt64LittleEndian(data);
                data = data[8..];
                pos += 8;
            }
            else
            {
                XorByte(s, pos, data[0]);
                data = data[1..];
                pos++;
            }

            if (pos == rate)
            {
                Permute(s);
                pos = 0;
            }
        }

        return pos;
    }

    private static void XorByte(Span<ulong> s, int pos, byte value) => s[pos / 8] ^= (ulong)value << (8 * (pos & 7));

    /// <summary>Permutes the state <paramref name="s"/> (25 lanes).</summary>
    public static void Permute(Span<ulong> s)
    {
        s = s[..25];
        ulong a0 = s[0];
        ulong a1 = s[1];
        ulong a2 = s[2];
        ulong a3 = s[3];
        ulong a4 = s[4];
        ulong a5 = s[5];
        ulong a6 = s[6];
        ulong a7 = s[7];
        ulong a8 = s[8];
        ulong a9 = s[9];
        ulong a10 = s[10];
        ulong a11 = s[11];
        ulong a12 = s[12];
        ulong a13 = s[13];
        ulong a14 = s[14];
        ulong a15 = s[15];
        ulong a16 = s[16];
        ulong a17 = s[17];
        ulong a18 = s[18];
        ulong a19 = s[19];
        ulong a20 = s[20];
        ulong a21 = s[21];
        ulong a22 = s[22];
        ulong a23 = s[23];
        ulong a24 = s[24];
        for (int round = 0; round < 24; round++)
        {
            // θ
            ulong c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            ulong c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            ulong c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            ulong c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            ulong c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            // ρ and π: B[y, 2x + 3y] = rot(A[x, y] ⊕ D[x], r[x, y])
            ulong b0 = a0 ^ d0;
            ulong b10 = BitOperations.RotateLeft(a1 ^ d1, 1);
            ulong b20 = BitOperations.RotateLeft(a2 ^ d2, 62);
            ulong b5 = BitOperations.RotateLeft(a3 ^ d3, 28);
            ulong b15 = BitOperations.RotateLeft(a4 ^ d4, 27);
            ulong b16 = BitOperations.RotateLeft(a5 ^ d0, 36);
            ulong b1 = BitOperations.RotateLeft(a6 ^ d1, 44);
            ulong b11 = BitOperations.RotateLeft(a7 ^ d2, 6);
            ulong b21 = BitOperations.RotateLeft(a8 ^ d3, 55);
            ulong b6 = BitOperations.RotateLeft(a9 ^ d4, 20);
            ulong b7 = BitOperations.RotateLeft(a10 ^ d0, 3);
            ulong b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
            ulong b2 = BitOperations.RotateLeft(a12 ^ d2, 43);
            ulong b12 = BitOperations.RotateLeft(a13 ^ d3, 25);
            ulong b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
            ulong b23 = BitOperations.RotateLeft(a15 ^ d0, 41);
            ulong b8 = BitOperations.RotateLeft(a16 ^ d1, 45);
            ulong b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
            ulong b3 = BitOperations.RotateLeft(a18 ^ d3, 21);
            ulong b13 = BitOperations.RotateLeft(a19 ^ d4, 8);
            ulong b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
            ulong b24 = BitOperations.RotateLeft(a21 ^ d1, 2);
            ulong b9 = BitOperations.RotateLeft(a22 ^ d2, 61);
            ulong b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
            ulong b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            // χ and ι
            a0 = b0 ^ (b2 & ~b1);
            a1 = b1 ^ (b3 & ~b2);
            a2 = b2 ^ (b4 & ~b3);
            a3 = b3 ^ (b0 & ~b4);
            a4 = b4 ^ (b1 & ~b0);
            a5 = b5 ^ (b7 & ~b6);
            a6 = b6 ^ (b8 & ~b7);
            a7 = b7 ^ (b9 & ~b8);
            a8 = b8 ^ (b5 & ~b9);
            a9 = b9 ^ (b6 & ~b5);
            a10 = b10 ^ (b12 & ~b11);
            a11 = b11 ^ (b13 & ~b12);
            a12 = b12 ^ (b14 & ~b13);
            a13 = b13 ^ (b10 & ~b14);
            a14 = b14 ^ (b11 & ~b10);
            a15 = b15 ^ (b17 & ~b16);
            a16 = b16 ^ (b18 & ~b17);
            a17 = b17 ^ (b19 & ~b18);
            a18 = b18 ^ (b15 & ~b19);
            a19 = b19 ^ (b16 & ~b15);
            a20 = b20 ^ (b22 & ~b21);
            a21 = b21 ^ (b23 & ~b22);
            a22 = b22 ^ (b24 & ~b23);
            a23 = b23 ^ (b20 & ~b24);
            a24 = b24 ^ (b21 & ~b20);
            a0 ^= s_roundConstants[round];
        }

        s[0] = a0;
        s[1] = a1;
        s[2] = a2;
        s[3] = a3;
        s[4] = a4;
        s[5] = a5;
        s[6] = a6;
        s[7] = a7;
        s[8] = a8;
        s[9] = a9;
        s[10] = a10;
        s[11] = a11;
        s[12] = a12;
        s[13] = a13;
        s[14] = a14;
        s[15] = a15;
        s[16] = a16;
        s[17] = a17;
        s[18] = a18;
        s[19] = a19;
        s[20] = a20;
        s[21] = a21;
        s[22] = a22;
        s[23] = a23;
        s[24] = a24;
    }
}
