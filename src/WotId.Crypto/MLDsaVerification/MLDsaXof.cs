// SHAKE128 / SHAKE256 (FIPS 202) as ML-DSA verification needs them: the platform's one-shot and incremental
// System.Security.Cryptography.Shake128/Shake256 where IsSupported (OpenSSL here), the managed MLDsaKeccak
// otherwise. Both are selectable so tests run each. An XOF's output is prefix-stable, so a sampler that runs out of
// bytes asks again for a longer output instead of keeping a squeezing state.
using System;

namespace WotId.Crypto;

/// <summary>SHAKE helpers for <see cref="MLDsaVerifier"/>.</summary>
internal static class MLDsaXof
{
    private const int StackConcatLimit = 2048;

    /// <summary>True when the platform serves SHAKE128 and SHAKE256 (decided once per process).</summary>
    public static readonly bool Platform =
        System.Security.Cryptography.Shake128.IsSupported && System.Security.Cryptography.Shake256.IsSupported;

    public static void Shake128(ReadOnlySpan<byte> source, Span<byte> destination, bool platform)
    {
        if (platform)
        {
            System.Security.Cryptography.Shake128.HashData(source, destination);
            return;
        }

        MLDsaKeccak.Shake(MLDsaKeccak.Shake128Rate, source, [], [], [], destination);
    }

    public static void Shake256(ReadOnlySpan<byte> source, Span<byte> destination, bool platform)
    {
        if (platform)
        {
            System.Security.Cryptography.Shake256.HashData(source, destination);
            return;
        }

        MLDsaKeccak.Shake(MLDsaKeccak.Shake256Rate, source, [], [], [], destination);
    }

    /// <summary>SHAKE256(a ‖ b ‖ c ‖ d) without concatenating (the message may be large).</summary>
    public static void Shake256(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, Span<byte> destination, bool platform)
    {
        int total = a.Length + b.Length + c.Length + d.Length;
        if (platform && total <= StackConcatLimit)
        {
            // Short inputs (a TSP message's signed bytes usually are): one stack copy, no hash object on the heap.
            Span<byte> joined = stackalloc byte[total];
            a.CopyTo(joined);
            b.CopyTo(joined[a.Length..]);
            c.CopyTo(joined[(a.Length + b.Length)..]);
            d.CopyTo(joined[(a.Length + b.Length + c.Length)..]);
            System.Security.Cryptography.Shake256.HashData(joined, destination);
            return;
        }

        if (platform)
        {
            using var sh = new System.Security.Cryptography.Shake256();
            sh.AppendData(a);
            sh.AppendData(b);
            sh.AppendData(c);
            sh.AppendData(d);
            sh.GetHashAndReset(destination);
            return;
        }

        MLDsaKeccak.Shake(MLDsaKeccak.Shake256Rate, a, b, c, d, destination);
    }
}
