// Polynomials over GF(2^16) for the SPQR erasure code (SparsePostQuantumRatchet src/encoding/polynomial.rs
// `Poly`): Lagrange interpolation through points with distinct x, and evaluation. Coefficients are stored
// lowest degree first.

using System;

namespace WotId.Signal.Spqr.Erasure;

internal static class GfPolynomial
{
    /// <summary>The unique polynomial of degree &lt; n through the n points (xs[i], ys[i]).</summary>
    public static ushort[] Interpolate(ReadOnlySpan<ushort> xs, ReadOnlySpan<ushort> ys)
    {
        int n = xs.Length;
        ushort[] result = new ushort[n];
        if (n == 0)
        {
            return result;
        }

        // master(x) = Π (x − xj), degree n.
        ushort[] master = new ushort[n + 1];
        master[0] = 1;
        int degree = 0;
        foreach (ushort xj in xs)
        {
            for (int k = degree + 1; k >= 1; k--)
            {
                master[k] = (ushort)(master[k - 1] ^ Gf16.Multiply(master[k], xj));
            }

            master[0] = Gf16.Multiply(master[0], xj);
            degree++;
        }

        ushort[] quotient = new ushort[n];
        for (int i = 0; i < n; i++)
        {
            // quotient = master / (x − xi) by synthetic division (subtraction is XOR in characteristic 2).
            ushort carry = 0;
            for (int k = n; k >= 1; k--)
            {
                carry = (ushort)(master[k] ^ Gf16.Multiply(carry, xs[i]));
                quotient[k - 1] = carry;
            }

            ushort denominator = 1;
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    denominator = Gf16.Multiply(denominator, (ushort)(xs[i] ^ xs[j]));
                }
            }

            ushort scale = Gf16.Divide(ys[i], denominator);
            for (int k = 0; k < n; k++)
            {
                result[k] ^= Gf16.Multiply(quotient[k], scale);
            }
        }

        return result;
    }

    public static ushort Evaluate(ReadOnlySpan<ushort> coefficients, ushort x)
    {
        ushort value = 0;
        for (int k = coefficients.Length - 1; k >= 0; k--)
        {
            value = (ushort)(Gf16.Multiply(value, x) ^ coefficients[k]);
        }

        return value;
    }
}
