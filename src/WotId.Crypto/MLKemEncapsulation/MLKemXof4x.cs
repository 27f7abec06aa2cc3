// Four SHAKE streams at once over MLDsaKeccak4x (FIPS 202 §6.2), for inputs that fit one block: the 32-byte seed of
// FIPS 203 followed by one or two index bytes, as XOF(ρ, i, j) of SampleNTT (§4.1, SHAKE128) and PRF_η(σ, N)
// (§4.1, SHAKE256) take them. Absorbing is one XOR of seed ‖ index bytes ‖ 0x1F … 0x80 into the zero state; each
// squeeze is one four-way permutation. AVX2 only.
using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        int lanes = rate / 8;
        _ = output[(3 * stride) + rate - 1];
        ref byte o = ref MemoryMarshal.GetReference(output);
        int i = 0;
        for (; i + 4 <= lanes; i += 4)
        {
            // 4×4 transpose: vector i + m holds lane i + m of the four streams; afterwards row j holds lanes i … i + 3 of stream j.
            Vector256<ulong> t0 = Avx2.UnpackLow(state[i], state[i + 1]);
            Vector256<ulong> t1 = Avx2.UnpackHigh(state[i], state[i + 1]);
            Vector256<ulong> t2 = Avx2.UnpackLow(state[i + 2], state[i + 3]);
            Vector256<ulong> t3 = Avx2.UnpackHigh(state[i + 2], state[i + 3]);
            Avx2.Permute2x128(t0, t2, 0x20).AsByte().StoreUnsafe(ref o, (nuint)(8 * i));
            Avx2.Permute2x128(t1, t3, 0x20).AsByte().StoreUnsafe(ref o, (nuint)(stride + (8 * i)));
            Avx2.Permute2x128(t0, t2, 0x31).AsByte().StoreUnsafe(ref o, (nuint)((2 * stride) + (8 * i)));
            Avx2.Permute2x128(t1, t3, 0x31).AsByte().StoreUnsafe(ref o, (nuint)((3 * stride) + (8 * i)));
        }

        for (; i < lanes; i++)
        {
            Vector256<ulong> lane = state[i];
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(8 * i, 8), lane.GetElement(0));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(stride + (8 * i), 8), lane.GetElement(1));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice((2 * stride) + (8 * i), 8), lane.GetElement(2));
            BinaryPrimitives.WriteUInt64LittleEndian(output.Slice((3 * stride) + (8 * i), 8), lane.GetElement(3));
        }
    }
}
