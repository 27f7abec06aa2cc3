// K-PKE for ML-KEM-768 (FIPS 203 §5, Algorithms 13–15), split the way libcrux's incremental API does it:
// the u part of the ciphertext needs only ρ (and the coins), the v part needs t̂.
// k = 3, η1 = η2 = 2, du = 10, dv = 4.

using System;
using System.Security.Cryptography;

namespace WotId.Signal.Spqr.MlKem;

internal static class KPke768
{
    public const int K = 3;
    public const int Du = 10;
    public const int Dv = 4;

    /// <summary>384·k: one ByteEncode12 vector.</summary>
    public const int VectorBytes = 384 * K;

    /// <summary>Bytes of u (32·du·k) and of v (32·dv).</summary>
    public const int Ciphertext1Bytes = 32 * Du * K;
    public const int Ciphertext2Bytes = 32 * Dv;

    /// <summary>Algorithm 13: (t̂ bytes ‖ ρ, ŝ bytes) from the 32-byte seed d.</summary>
    public static void KeyGen(ReadOnlySpan<byte> d, Span<byte> ek, Span<byte> dkPke)
    {
        Span<byte> input = stackalloc byte[33];
        d.CopyTo(input);
        input[32] = K;
        Span<byte> rhoSigma = stackalloc byte[64];
        SpqrPrimitives.Sha3_512(input, rhoSigma);
        ReadOnlySpan<byte> rho = rhoSigma[..32];
        ReadOnlySpan<byte> sigma = rhoSigma[32..];
        var s = new int[K][];
        var e = new int[K][];
        byte nonce = 0;
        for (int i = 0; i < K; i++)
        {
            s[i] = MlKemPoly.SampleCbd2(sigma, nonce++);
            MlKemPoly.Ntt(s[i]);
        }

        for (int i = 0; i < K; i++)
        {
            e[i] = MlKemPoly.SampleCbd2(sigma, nonce++);
            MlKemPoly.Ntt(e[i]);
        }

        for (int i = 0; i < K; i++)
        {
            int[] t = e[i];
            for (int j = 0; j < K; j++)
            {
                MlKemPoly.MultiplyAccumulate(t, MlKemPoly.SampleNtt(rho, (byte)j, (byte)i), s[j]);
            }

            MlKemPoly.Encode(t, 12, ek.Slice(384 * i, 384));
            MlKemPoly.Encode(s[i], 12, dkPke.Slice(384 * i, 384));
        }

        foreach (int[] secret in s)
        {
            Array.Clear(secret);
        }

        rho.CopyTo(ek[VectorBytes..]);
        CryptographicOperations.ZeroMemory(rhoSigma);
    }

    /// <summary>
    /// First half of Algorithm 14: samples y, e1, e2 from the coins <paramref name="r"/> and writes u. Returns ŷ and e2,
    /// which the second half needs.
    /// </summary>
    public static (int[][] YHat, int[] E2) EncryptU(ReadOnlySpan<byte> rho, ReadOnlySpan<byte> r, Span<byte> ct1)
    {
        var yHat = new int[K][];
        byte nonce = 0;
        for (int i = 0; i < K; i++)
        {
            yHat[i] = MlKemPoly.SampleCbd2(r, nonce++);
            MlKemPoly.Ntt(yHat[i]);
        }

        var e1 = new int[K][];
        for (int i = 0; i < K; i++)
        {
            e1[i] = MlKemPoly.SampleCbd2(r, nonce++);
        }

        int[] e2 = MlKemPoly.SampleCbd2(r, nonce);
        for (int i = 0; i < K; i++)
        {
            int[] u = new int[MlKemPoly.N];
            for (int j = 0; j < K; j++)
            {
                // Âᵀ[i][j] = Â[j][i] = SampleNTT(ρ ‖ i ‖ j).
                MlKemPoly.MultiplyAccumulate(u, MlKemPoly.SampleNtt(rho, (byte)i, (byte)j), yHat[j]);
            }

            MlKemPoly.InverseNtt(u);
            MlKemPoly.Add(u, e1[i]);
            MlKemPoly.Compress(u, Du);
            MlKemPoly.Encode(u, Du, ct1.Slice(32 * Du * i, 32 * Du));
            Array.Clear(e1[i]);
        }

        return (yHat, e2);
    }

    /// <summary>Second half of Algorithm 14: v = NTT⁻¹(t̂ᵀ ∘ ŷ) + e2 + Decompress1(m), compressed into ct2.</summary>
    public static void EncryptV(ReadOnlySpan<byte> tHatBytes, int[][] yHat, int[] e2, ReadOnlySpan<byte> m, Span<byte> ct2)
    {
        int[] v = new int[MlKemPoly.N];
        for (int i = 0; i < K; i++)
        {
            MlKemPoly.MultiplyAccumulate(v, MlKemPoly.Decode(tHatBytes.Slice(384 * i, 384), 12), yHat[i]);
        }

        MlKemPoly.InverseNtt(v);
        MlKemPoly.Add(v, e2);
        int[] mu = MlKemPoly.Decode(m, 1);
        MlKemPoly.Decompress(mu, 1);
        MlKemPoly.Add(v, mu);
        MlKemPoly.Compress(v, Dv);
        MlKemPoly.Encode(v, Dv, ct2);
        Array.Clear(v);
        Array.Clear(mu);
    }

    /// <summary>Algorithm 14 in one piece.</summary>
    public static void Encrypt(ReadOnlySpan<byte> ek, ReadOnlySpan<byte> m, ReadOnlySpan<byte> r, Span<byte> ciphertext)
    {
        (int[][] yHat, int[] e2) = EncryptU(ek[VectorBytes..], r, ciphertext[..Ciphertext1Bytes]);
        EncryptV(ek[..VectorBytes], yHat, e2, m, ciphertext.Slice(Ciphertext1Bytes, Ciphertext2Bytes));
        foreach (int[] y in yHat)
        {
            Array.Clear(y);
        }

        Array.Clear(e2);
    }

    /// <summary>Algorithm 15: m = ByteEncode1(Compress1(v' − NTT⁻¹(ŝᵀ ∘ NTT(u')))).</summary>
    public static void Decrypt(ReadOnlySpan<byte> dkPke, ReadOnlySpan<byte> ciphertext, Span<byte> m)
    {
        int[] w = new int[MlKemPoly.N];
        for (int i = 0; i < K; i++)
        {
            int[] u = MlKemPoly.Decode(ciphertext.Slice(32 * Du * i, 32 * Du), Du);
            MlKemPoly.Decompress(u, Du);
            MlKemPoly.Ntt(u);
            int[] s = MlKemPoly.Decode(dkPke.Slice(384 * i, 384), 12);
            MlKemPoly.MultiplyAccumulate(w, s, u);
            Array.Clear(s);
        }

        MlKemPoly.InverseNtt(w);
        int[] v = MlKemPoly.Decode(ciphertext.Slice(Ciphertext1Bytes, Ciphertext2Bytes), Dv);
        MlKemPoly.Decompress(v, Dv);
        MlKemPoly.Subtract(v, w);
        MlKemPoly.Compress(v, 1);
        MlKemPoly.Encode(v, 1, m);
        Array.Clear(v);
        Array.Clear(w);
    }

    /// <summary>FIPS 203 §7.2 modulus check: every 12-bit value of the encoded vector is below q.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> encodedVector)
    {
        bool ok = true;
        for (int p = 0; p + 3 <= encodedVector.Length; p += 3)
        {
            int d1 = encodedVector[p] | ((encodedVector[p + 1] & 0x0F) << 8);
            int d2 = (encodedVector[p + 1] >> 4) | (encodedVector[p + 2] << 4);
            ok &= d1 < MlKemPoly.Q && d2 < MlKemPoly.Q;
        }

        return ok;
    }
}
