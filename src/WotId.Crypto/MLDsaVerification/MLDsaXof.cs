// SHAKE128 / SHAKE256 (FIPS 202) as ML-DSA verification needs them: the platform's one-shot and incremental
// System.Security.Cryptography.Shake128/Shake256 where IsSupported (OpenSSL here), BouncyCastle's managed Keccak
// otherwise. Both are selectable so tests run each. An XOF's output is prefix-stable, so a sampler that runs out of
// bytes asks again for a longer output instead of keeping a squeezing state.
using System;
using Org.BouncyCastle.Crypto.Digests;

namespace WotId.Crypto;

/// <summary>SHAKE helpers for <see cref="MLDsaVerifier"/>.</summary>
internal static class MLDsaXof
{
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

        var digest = new ShakeDigest(128);
        digest.BlockUpdate(source);
        digest.OutputFinal(destination);
    }

    public static void Shake256(ReadOnlySpan<byte> source, Span<byte> destination, bool platform)
    {
        if (platform)
        {
            System.Security.Cryptography.Shake256.HashData(source, destination);
            return;
        }

        var digest = new ShakeDigest(256);
        digest.BlockUpdate(source);
        digest.OutputFinal(destination);
    }

    /// <summary>SHAKE256(a ‖ b ‖ c ‖ d) without concatenating (the message may be large).</summary>
    public static void Shake256(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d, Span<byte> destination, bool platform)
    {
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

        var digest = new ShakeDigest(256);
        digest.BlockUpdate(a);
        digest.BlockUpdate(b);
        digest.BlockUpdate(c);
        digest.BlockUpdate(d);
        digest.OutputFinal(destination);
    }
}
