// ML-KEM decapsulation of FIPS 203: Algorithm 18 ML-KEM.Decaps_internal over Algorithm 15 K-PKE.Decrypt, with the
// re-encryption of Algorithm 14 (MLKemEncapsulator.Encrypt) and implicit rejection. The decapsulation key's ŝ, the
// decrypted m′, (K′, r′), K̄ and the comparison result are secret. The time may depend on the public parts only: the
// ciphertext and ek (ρ is expanded by rejection sampling, FIPS 203 allows it). ŝ is reduced with Barrett, m′ comes out
// of Compress₁ by multiply-shift, the re-encrypted ciphertext is compared with CryptographicOperations.FixedTimeEquals
// and K′ or K̄ is chosen with a byte mask made from that result, not a branch. Every secret buffer is cleared.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>ML-KEM-512/768/1024 decapsulation implemented here (same AVX2 / scalar paths as the encapsulation).</summary>
internal static class MLKemDecapsulator
{
    private const int N = MLKemReduce.N;

    /// <summary>Decapsulation with the paths chosen once for this process.</summary>
    public static void Decapsulate(MLKemParameterSet p, ReadOnlySpan<byte> dk, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret) =>
        Decapsulate(p, dk, ciphertext, sharedSecret, MLKemNtt.Vectorized, MLDsaXof.Platform);

    /// <summary>
    /// Algorithm 18 for an expanded key dk = dk_PKE ‖ ek ‖ H(ek) ‖ z whose lengths (and hash, §7.3) the caller checked.
    /// </summary>
    [SkipLocalsInit]
    public static void Decapsulate(MLKemParameterSet p, ReadOnlySpan<byte> dk, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret, bool vector, bool platformShake)
    {
        int k = p.K;
        if (dk.Length != (768 * k) + 96 || ciphertext.Length != p.CiphertextBytes || sharedSecret.Length < 32)
        {
            throw new ArgumentException("wrong decapsulation key, ciphertext or shared-secret length");
        }

        ReadOnlySpan<byte> dkPke = dk[..(384 * k)];
        ReadOnlySpan<byte> ek = dk.Slice(384 * k, (384 * k) + 32);
        ReadOnlySpan<byte> h = dk.Slice((768 * k) + 32, 32);
        ReadOnlySpan<byte> z = dk.Slice((768 * k) + 64, 32);

        // Algorithm 15 K-PKE.Decrypt: w = v′ − NTT⁻¹(ŝᵀ ∘ NTT(u′)), m′ = ByteEncode₁(Compress₁(w)).
        Span<short> sHat = stackalloc short[k * N];
        Span<short> uHat = stackalloc short[k * N];
        Span<short> w = stackalloc short[N];
        Span<short> v = stackalloc short[N];
        int c1Poly = 32 * p.Du;
        for (int i = 0; i < k; i++)
        {
            MLKemEncoding.DecodeReduce12(dkPke.Slice(384 * i, 384), sHat.Slice(i * N, N));
            MLKemEncoding.DecodeDecompress(ciphertext.Slice(i * c1Poly, c1Poly), p.Du, uHat.Slice(i * N, N));
            MLKemNtt.Forward(uHat.Slice(i * N, N), vector);
        }

        MLKemEncoding.DecodeDecompress(ciphertext.Slice(k * c1Poly, 32 * p.Dv), p.Dv, v);
        MLKemNtt.MultiplyAccumulate(sHat, uHat, k, w, vector);
        MLKemNtt.Inverse(w, vector);
        for (int i = 0; i < N; i++)
        {
            w[i] = (short)(v[i] - w[i]);
        }

        MLKemNtt.Reduce(w);
        Span<byte> g = stackalloc byte[64];
        MLKemEncoding.CompressEncode(w, 1, g[..32]);

        // Algorithm 18 steps 7–8: (K′, r′) ← G(m′ ‖ h), K̄ ← J(z ‖ c).
        h.CopyTo(g[32..]);
        Span<byte> kr = stackalloc byte[64];
        Sha3_512.Hash(g, kr);
        Span<byte> kBar = stackalloc byte[32];
        MLDsaXof.Shake256(z, ciphertext, [], [], kBar, platformShake);

        // Step 9: c′ ← K-PKE.Encrypt(ek, m′, r′). t̂ is decoded with reduction, as Algorithm 14 step 2 does for any ek.
        Span<short> tHat = stackalloc short[k * N];
        for (int i = 0; i < k; i++)
        {
            MLKemEncoding.DecodeReduce12(ek.Slice(384 * i, 384), tHat.Slice(i * N, N));
        }

        Span<byte> reencrypted = stackalloc byte[p.CiphertextBytes];
        MLKemEncapsulator.Encrypt(p, tHat, ek[(384 * k)..], g[..32], kr[32..], reencrypted, vector, platformShake);

        // Steps 10–12: K′ if c = c′, else K̄, selected with a mask.
        byte keep = (byte)(0 - (Unsafe.BitCast<bool, byte>(CryptographicOperations.FixedTimeEquals(ciphertext, reencrypted)) & 1));
        for (int i = 0; i < 32; i++)
        {
            sharedSecret[i] = (byte)((kr[i] & keep) | (kBar[i] & ~keep));
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(sHat));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(w));
        CryptographicOperations.ZeroMemory(g);
        CryptographicOperations.ZeroMemory(kr);
        CryptographicOperations.ZeroMemory(kBar);
        CryptographicOperations.ZeroMemory(reencrypted);
    }
}
