// ML-KEM encapsulation of FIPS 203: Algorithm 17 ML-KEM.Encaps_internal over Algorithm 14 K-PKE.Encrypt, with the
// §7.2 encapsulation-key check folded into decoding t̂ (ByteDecode₁₂ then ByteEncode₁₂ gives the input back exactly
// when every coefficient is below q). m, r, y, e1, e2, u, v and K are secret: the arithmetic on them has no
// secret-dependent branch, table index or division (MLKemNtt, MLKemSampling.Cbd, MLKemEncoding), and every buffer that
// held them is cleared before returning. Â, t̂ and ρ are public.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>ML-KEM-512/768/1024 encapsulation implemented here (AVX2 NTT and four-way Keccak where present).</summary>
internal static class MLKemEncapsulator
{
    private const int N = MLKemReduce.N;

    /// <summary>Encapsulation with the paths chosen once for this process.</summary>
    public static bool Encapsulate(MLKemParameterSet p, ReadOnlySpan<byte> ek, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret) =>
        Encapsulate(p, ek, m, ciphertext, sharedSecret, MLKemNtt.Vectorized, MLDsaXof.Platform);

    /// <summary>
    /// Algorithm 17 with explicit paths (tests run the scalar NTT and the managed SHAKE too). False, with nothing
    /// written, when <paramref name="ek"/> has the wrong length or fails the modulus check.
    /// </summary>
    [SkipLocalsInit]
    public static bool Encapsulate(MLKemParameterSet p, ReadOnlySpan<byte> ek, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret, bool vector, bool platformShake)
    {
        if (m.Length != 32 || ciphertext.Length < p.CiphertextBytes || sharedSecret.Length < 32)
        {
            throw new ArgumentException("m must be 32 bytes and the destinations large enough");
        }

        if (ek.Length != p.EncapsulationKeyBytes)
        {
            return false;
        }

        int k = p.K;
        Span<short> tHat = stackalloc short[k * N];
        for (int i = 0; i < k; i++)
        {
            if (!MLKemEncoding.DecodeCheck12(ek.Slice(384 * i, 384), tHat.Slice(i * N, N)))
            {
                return false;
            }
        }

        // Step 1: (K, r) ← G(m ‖ H(ek)).
        Span<byte> g = stackalloc byte[64];
        Span<byte> kr = stackalloc byte[64];
        m.CopyTo(g);
        Sha3_256.Hash(ek, g[32..]);
        Sha3_512.Hash(g, kr);
        Encrypt(p, tHat, ek[(384 * k)..], m, kr[32..], ciphertext, vector, platformShake);
        kr[..32].CopyTo(sharedSecret);
        CryptographicOperations.ZeroMemory(g);
        CryptographicOperations.ZeroMemory(kr);
        return true;
    }

    /// <summary>K-PKE.Encrypt(ek, m, r) (Algorithm 14) with t̂ already decoded; decapsulation re-encrypts with it.</summary>
    [SkipLocalsInit]
    internal static void Encrypt(MLKemParameterSet p, ReadOnlySpan<short> tHat, ReadOnlySpan<byte> rho, ReadOnlySpan<byte> m, ReadOnlySpan<byte> r, Span<byte> ciphertext, bool vector, bool platformShake)
    {
        int k = p.K;
        Span<short> aT = stackalloc short[k * k * N];
        MLKemSampling.ExpandATransposed(rho, k, aT, vector, platformShake);

        // Steps 9–17: y from PRF_η1(r, 0 … k − 1), e1 from PRF_η2(r, k … 2k − 1), e2 from PRF_η2(r, 2k).
        Span<short> y = stackalloc short[k * N];
        Span<short> e = stackalloc short[(k + 1) * N];
        if (p.Eta1 == MLKemParameterSet.Eta2)
        {
            Span<short> all = stackalloc short[((2 * k) + 1) * N];
            MLKemSampling.SampleCbd(r, 0, (2 * k) + 1, p.Eta1, all, vector, platformShake);
            all[..(k * N)].CopyTo(y);
            all[(k * N)..].CopyTo(e);
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(all));
        }
        else
        {
            MLKemSampling.SampleCbd(r, 0, k, p.Eta1, y, vector, platformShake);
            MLKemSampling.SampleCbd(r, k, k + 1, MLKemParameterSet.Eta2, e, vector, platformShake);
        }

        // Step 18: ŷ ← NTT(y).
        for (int j = 0; j < k; j++)
        {
            MLKemNtt.Forward(y.Slice(j * N, N), vector);
        }

        // Steps 19, 22: u ← NTT⁻¹(Âᵀ ∘ ŷ) + e1; c1 ← ByteEncode_du(Compress_du(u)).
        Span<short> w = stackalloc short[N];
        int c1Poly = 32 * p.Du;
        for (int i = 0; i < k; i++)
        {
            MLKemNtt.MultiplyAccumulate(aT.Slice(i * k * N, k * N), y, k, w, vector);
            MLKemNtt.Inverse(w, vector);
            Add(w, e.Slice(i * N, N));
            MLKemNtt.Reduce(w);
            MLKemEncoding.CompressEncode(w, p.Du, ciphertext.Slice(i * c1Poly, c1Poly));
        }

        // Steps 20–21, 23: v ← NTT⁻¹(t̂ᵀ ∘ ŷ) + e2 + Decompress₁(ByteDecode₁(m)); c2 ← ByteEncode_dv(Compress_dv(v)).
        MLKemNtt.MultiplyAccumulate(tHat, y, k, w, vector);
        MLKemNtt.Inverse(w, vector);
        Add(w, e.Slice(k * N, N));
        MLKemEncoding.AddMessage(m, w);
        MLKemNtt.Reduce(w);
        MLKemEncoding.CompressEncode(w, p.Dv, ciphertext.Slice(k * c1Poly, 32 * p.Dv));

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(y));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(e));
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(w));
    }

    private static void Add(Span<short> a, ReadOnlySpan<short> b)
    {
        for (int i = 0; i < N; i++)
        {
            a[i] = (short)(a[i] + b[i]);
        }
    }
}
