// Four SHAKE streams at once over MLDsaKeccak4x (FIPS 202 §6.2), for inputs that fit one block: the 32-byte seed of
// FIPS 203 followed by one or two index bytes, as XOF(ρ, i, j) of SampleNTT (§4.1, SHAKE128) and PRF_η(σ, N)
// (§4.1, SHAKE256) take them. Absorbing is one XOR of seed ‖ index bytes ‖ 0x1F … 0x80 into the zero state; each
// squeeze is one four-way permutation. AVX2 only.
using System;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace WotId.Crypto;

/// <summary>Four-way SHAKE for short, equal-length inputs; callers check AVX2.</summary>
internal static class MLKemXof4x
{
    public const int Shake128Rate = 168;
    public const int Shake256Rate = 136;

    /// <summary>
    /// Absorbs seed ‖ suffixᵢ for the four streams i, where suffixᵢ is the low <paramref name="suffixBytes"/> (1 or 2)
    /// bytes of <paramref name="suffixes"/>[i], little-endian (byte 32 first).
    /// </summary>
    public static void Absorb(Span<Vector256<ulong>> state, int rate, ReadOnlySpan<byte> seed, ReadOnlySpan<int> suffixes, int suffixBytes)
    {
        state = state[..25];
        state.Clear();
        for (int i = 0; i < 4; i++)
        {
            state[i] = Vector256.Create(BinaryPrimitives.ReadUInt64LittleEndian(seed.Slice(8 * i, 8)));
        }

        int shift = 8 * suffixBytes;
        ulong mask = (1UL << shift) - 1;
        ulong pad = 0x1FUL << shift;
        state[4] = Vector256.Create(
            ((ulong)(uint)suffixes[0] & mask) | pad,
            ((ulong)(uint)suffixes[1] & mask) | pad,
            ((ulong)(uint)suffixes[2] & mask) | pad,
            ((ulong)(uint)suffixes[3] & mask) | pad);
        state[(rate / 8) - 1] ^= Vector256.Create(0x80UL << 56);
    }

    /// <summary>One permutation, then the rate bytes of stream i into <paramref name="output"/>[i·stride ..].</summary>
    public static void Squeeze(Span<Vector256<ulong>> state, int rate, Span<byte> output, int stride)
    {
        MLDsaKeccak4x.Permute(state);
        for (int i = 0; i < rate / 8; i++)
        {
            Vector256<ulong> lane = state[i];
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(8 * i, 8), lane.GetElement(0));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(stride + (8 * i), 8), lane.GetElement(1));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice((2 * stride) + (8 * i), 8), lane.GetElement(2));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice((3 * stride) + (8 * i), 8), lane.GetElement(3));
        }
    }
}
