// HMAC-SHA256 (RFC 2104 §2, FIPS 198-1) and HKDF-SHA256 Expand (RFC 5869 §2.3; Extract is an HMAC, HkdfSha256.cs) over OpenSSL's
// low-level SHA-256 (OpenSslSha256.cs explains why and when). Nothing is allocated on the heap.
//
// Key schedule: K0 is the key zero-padded to the 64-byte block, or SHA-256(key) zero-padded when the key is longer
// (RFC 2104 §2, FIPS 198-1 §4 step 2). K0 ⊕ ipad and K0 ⊕ opad are absorbed into two contexts once; every tag then
// starts from copies of them, so an HKDF Expand of n blocks compresses the pads twice instead of 2n times.
// The XOR runs over all 64 bytes with no branch on key bytes (only on the public key length). Every stack buffer
// that held key-derived bytes (K0, the pads, the contexts, the inner hash, T(i)) is cleared before returning.
using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>HMAC-SHA256 and HKDF-SHA256 on <see cref="OpenSslSha256"/>; callers check sizes and availability.</summary>
internal static unsafe class OpenSslHmacSha256
{
    private const int BlockSize = 64;
    private const int HashSize = 32;
    private const int Ctx = OpenSslSha256.ContextSize;

    /// <summary>HMAC(key, data) into the first 32 bytes of <paramref name="tag"/>.</summary>
    [SkipLocalsInit]
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> tag)
    {
        byte* pads = stackalloc byte[2 * Ctx];
        byte* ctx = stackalloc byte[Ctx];
        byte* inner = stackalloc byte[HashSize];
        Schedule(key, pads, pads + Ctx);
        Copy(pads, ctx);
        OpenSslSha256.Update(ctx, data);
        OpenSslSha256.Final(ctx, inner);
        Copy(pads + Ctx, ctx);
        OpenSslSha256.UpdateShort(ctx, inner, HashSize);
        fixed (byte* t = tag)
        {
            OpenSslSha256.Final(ctx, t);
        }

        Clear(pads, 2 * Ctx);
        Clear(ctx, Ctx);
        Clear(inner, HashSize);
    }

    /// <summary>RFC 5869 §2.3: T(i) = HMAC(PRK, T(i−1) ‖ info ‖ i), OKM = the first L bytes of T(1) ‖ T(2) ‖ ….</summary>
    [SkipLocalsInit]
    public static void Expand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> info, Span<byte> output)
    {
        byte* pads = stackalloc byte[2 * Ctx];
        byte* ctx = stackalloc byte[Ctx];
        byte* inner = stackalloc byte[HashSize];
        byte* t = stackalloc byte[HashSize];
        byte counter = 0;
        Schedule(prk, pads, pads + Ctx);
        for (int offset = 0; offset < output.Length; offset += HashSize)
        {
            counter++;
            Copy(pads, ctx);
            if (offset > 0)
            {
                OpenSslSha256.UpdateShort(ctx, t, HashSize);
            }

            OpenSslSha256.Update(ctx, info);
            OpenSslSha256.UpdateShort(ctx, &counter, 1);
            OpenSslSha256.Final(ctx, inner);
            Copy(pads + Ctx, ctx);
            OpenSslSha256.UpdateShort(ctx, inner, HashSize);
            OpenSslSha256.Final(ctx, t);
            new ReadOnlySpan<byte>(t, Math.Min(HashSize, output.Length - offset)).CopyTo(output[offset..]);
        }

        Clear(pads, 2 * Ctx);
        Clear(ctx, Ctx);
        Clear(inner, HashSize);
        Clear(t, HashSize);
    }

    /// <summary>Absorbs K0 ⊕ ipad into <paramref name="innerCtx"/> and K0 ⊕ opad into <paramref name="outerCtx"/>.</summary>
    [SkipLocalsInit]
    private static void Schedule(ReadOnlySpan<byte> key, byte* innerCtx, byte* outerCtx)
    {
        ulong* block = stackalloc ulong[BlockSize / sizeof(ulong)];
        var k0 = new Span<byte>(block, BlockSize);
        k0.Clear();
        if (key.Length > BlockSize)
        {
            OpenSslSha256.Hash(key, k0);
        }
        else
        {
            key.CopyTo(k0);
        }

        for (int i = 0; i < BlockSize / sizeof(ulong); i++)
        {
            block[i] ^= 0x3636363636363636UL;
        }

        OpenSslSha256.Init(innerCtx);
        OpenSslSha256.UpdateShort(innerCtx, (byte*)block, BlockSize);

        // (K0 ⊕ ipad) ⊕ (ipad ⊕ opad) = K0 ⊕ opad.
        for (int i = 0; i < BlockSize / sizeof(ulong); i++)
        {
            block[i] ^= 0x3636363636363636UL ^ 0x5c5c5c5c5c5c5c5cUL;
        }

        OpenSslSha256.Init(outerCtx);
        OpenSslSha256.UpdateShort(outerCtx, (byte*)block, BlockSize);
        CryptographicOperations.ZeroMemory(k0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(byte* from, byte* to) => Unsafe.CopyBlockUnaligned(to, from, Ctx);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Clear(byte* p, int length) => CryptographicOperations.ZeroMemory(new Span<byte>(p, length));
}
