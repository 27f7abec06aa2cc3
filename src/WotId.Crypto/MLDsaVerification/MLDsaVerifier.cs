// ML-DSA verification of FIPS 204: Algorithm 3 ML-DSA.Verify (pure mode: M′ = IntegerToBytes(0, 1) ‖
// IntegerToBytes(|ctx|, 1) ‖ ctx ‖ M) over Algorithm 8 ML-DSA.Verify_internal. Public inputs only, so no
// constant-time requirement; every length, the hint encoding and ‖z‖∞ are checked before any arithmetic. Â is
// sampled into running row sums instead of being kept, so the whole state fits on the stack (≤ 24 KiB).
using System;

namespace WotId.Crypto;

/// <summary>ML-DSA-44/65/87 verification implemented here (NTT on AVX2 where present, SHAKE from the platform).</summary>
internal static class MLDsaVerifier
{
    private const int N = MLDsaNtt.N;

    /// <summary>Verify with the paths chosen once for this process, through the expanded-key cache.</summary>
    public static bool Verify(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature)
    {
        MLDsaParameterSet p = MLDsaParameterSet.For(algorithm);
        if (context.Length > MLDsa.MaxContextLength || publicKey.Length != p.PublicKeyBytes || signature.Length != p.SignatureBytes)
        {
            return false;
        }

        MLDsaExpandedPublicKey? expanded = MLDsaExpandedKeyCache.Get(p, publicKey, MLDsaNtt.Vectorized, MLDsaXof.Platform);
        return Verify(p, publicKey, message, context, signature, MLDsaNtt.Vectorized, MLDsaXof.Platform, expanded);
    }

    /// <summary>Algorithm 3 with explicit paths (tests run the scalar NTT and the managed SHAKE too), without the cache.</summary>
    internal static bool Verify(MLDsaParameterSet p, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature, bool vector, bool platformShake) =>
        Verify(p, publicKey, message, context, signature, vector, platformShake, expanded: null);

    /// <summary>Algorithm 3; <paramref name="expanded"/>, when given, is this public key's Â, tr and NTT(t1·2^d).</summary>
    internal static bool Verify(MLDsaParameterSet p, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> signature, bool vector, bool platformShake, MLDsaExpandedPublicKey? expanded)
    {
        if (context.Length > MLDsa.MaxContextLength || publicKey.Length != p.PublicKeyBytes || signature.Length != p.SignatureBytes)
        {
            return false;
        }

        if (expanded is not null && (!ReferenceEquals(expanded.Set, p) || !publicKey.SequenceEqual(expanded.PublicKey)))
        {
            throw new ArgumentException("the expanded key belongs to another public key", nameof(expanded));
        }

        // sigDecode (Algorithm 27): c̃ ‖ z ‖ h. The norm check of step 13 and h = ⊥ of step 4 come first: both end in false.
        ReadOnlySpan<byte> cTilde = signature[..p.CTildeBytes];
        Span<int> z = stackalloc int[p.L * N];
        for (int s = 0; s < p.L; s++)
        {
            if (!MLDsaEncoding.DecodeZ(signature.Slice(p.CTildeBytes + (s * p.ZPolyBytes), p.ZPolyBytes), p, z.Slice(s * N, N)))
            {
                return false;
            }
        }

        Span<byte> h = stackalloc byte[p.K * N];
        if (!MLDsaEncoding.DecodeHint(signature[(p.CTildeBytes + (p.L * p.ZPolyBytes))..], p.K, p.Omega, h))
        {
            return false;
        }

        // Steps 6–7: tr = H(pk, 64), μ = H(tr ‖ M′, 64).
        Span<byte> tr = stackalloc byte[64];
        if (expanded is not null)
        {
            expanded.Tr.CopyTo(tr);
        }
        else
        {
            MLDsaXof.Shake256(publicKey, tr, platformShake);
        }

        Span<byte> prefix = [0, (byte)context.Length];
        Span<byte> muAndW1 = stackalloc byte[64 + (p.K * 32 * p.W1Bits)];
        MLDsaXof.Shake256(tr, prefix, context, message, muAndW1[..64], platformShake);

        // Step 8: c = SampleInBall(c̃), then NTT(c) and NTT(z).
        Span<int> c = stackalloc int[N];
        MLDsaSampling.SampleInBall(cTilde, p.Tau, c, platformShake);
        MLDsaNtt.Forward(c, vector);
        for (int s = 0; s < p.L; s++)
        {
            MLDsaNtt.Forward(z.Slice(s * N, N), vector);
        }

        // Steps 9–10: w′ = NTT⁻¹(Â ∘ NTT(z) − NTT(c) ∘ NTT(t1·2^d)), w1′ = UseHint(h, w′). Â and NTT(t1·2^d) come from
        // the expanded key when there is one, else Â is sampled into the running row sums.
        ReadOnlySpan<byte> rho = publicKey[..32];
        Span<int> w = stackalloc int[p.K * N];
        w.Clear();
        if (expanded is not null)
        {
            for (int e = 0; e < p.K * p.L; e++)
            {
                MLDsaNtt.MultiplyAccumulate(w.Slice(e / p.L * N, N), expanded.AHat.AsSpan(e * N, N), z.Slice(e % p.L * N, N), vector);
            }
        }
        else
        {
            AccumulateSampledRows(p, rho, z, w, vector, platformShake);
        }

        Span<int> t = stackalloc int[N];
        int w1RowBytes = 32 * p.W1Bits;
        for (int r = 0; r < p.K; r++)
        {
            Span<int> wr = w.Slice(r * N, N);
            if (expanded is not null)
            {
                MLDsaNtt.MultiplySubtract(wr, c, expanded.T1Hat.AsSpan(r * N, N), vector);
            }
            else
            {
                MLDsaEncoding.DecodeT1Shifted(publicKey, r, t);
                MLDsaNtt.Forward(t, vector);
                MLDsaNtt.MultiplySubtract(wr, c, t, vector);
            }

            for (int i = 0; i < N; i++)
            {
                wr[i] = MLDsaMontgomery.Reduce32(wr[i]);
            }

            MLDsaNtt.Inverse(wr, vector);
            ReadOnlySpan<byte> hint = h.Slice(r * N, N);
            for (int i = 0; i < N; i++)
            {
                wr[i] = UseHint(p.Gamma2, hint[i], MLDsaMontgomery.AddQIfNegative(wr[i]));
            }

            MLDsaEncoding.PackW1(wr, p.W1Bits, muAndW1.Slice(64 + (r * w1RowBytes), w1RowBytes));
        }

        // Steps 12–13: c̃′ = H(μ ‖ w1Encode(w1′), λ/4) and compare (‖z‖∞ was checked above).
        Span<byte> cTildePrime = stackalloc byte[p.CTildeBytes];
        MLDsaXof.Shake256(muAndW1, cTildePrime, platformShake);
        return cTildePrime.SequenceEqual(cTilde);
    }

    /// <summary>w[r] += Σ_s Â[r][s] ∘ ẑ[s], sampling Â four entries at a time (four-way Keccak) with AVX2, else one at a time.</summary>
    private static void AccumulateSampledRows(MLDsaParameterSet p, ReadOnlySpan<byte> rho, ReadOnlySpan<int> z, Span<int> w, bool vector, bool platformShake)
    {
        Span<int> a = stackalloc int[4 * N];
        Span<int> rows = stackalloc int[4];
        Span<int> cols = stackalloc int[4];
        int entries = p.K * p.L;
        for (int e = 0; e < entries; e += vector ? 4 : 1)
        {
            int count = vector ? Math.Min(4, entries - e) : 1;
            for (int j = 0; j < 4; j++)
            {
                int entry = e + Math.Min(j, count - 1);
                rows[j] = entry / p.L;
                cols[j] = entry % p.L;
            }

            if (vector)
            {
                MLDsaSampling.ExpandAFour(rho, rows, cols, a, platformShake);
            }
            else
            {
                MLDsaSampling.ExpandAEntry(rho, rows[0], cols[0], a, platformShake);
            }

            for (int j = 0; j < count; j++)
            {
                MLDsaNtt.MultiplyAccumulate(w.Slice(rows[j] * N, N), a.Slice(j * N, N), z.Slice(cols[j] * N, N), vector);
            }
        }
    }

    /// <summary>UseHint (Algorithm 40) over Decompose (Algorithm 36) for r in [0, q).</summary>
    internal static int UseHint(int gamma2, byte hint, int r)
    {
        int twoGamma2 = 2 * gamma2;
        int r0 = r % twoGamma2;
        if (r0 > gamma2)
        {
            r0 -= twoGamma2;
        }

        int r1;
        if (r - r0 == MLDsaMontgomery.Q - 1)
        {
            r1 = 0;
            r0--;
        }
        else
        {
            r1 = (r - r0) / twoGamma2;
        }

        if (hint == 0)
        {
            return r1;
        }

        int m = (MLDsaMontgomery.Q - 1) / twoGamma2;
        return r0 > 0 ? (r1 + 1 == m ? 0 : r1 + 1) : (r1 == 0 ? m - 1 : r1 - 1);
    }
}
