// GF(2^16) with reduction polynomial x^16 + x^12 + x^3 + x + 1 = 0x1100B (SparsePostQuantumRatchet
// src/encoding/gf.rs). Addition is XOR; multiplication through log/exp tables of the generator x.
// Division by zero gives zero, as the crate's a·b^(2^16−2) does.

namespace WotId.Signal.Spqr.Erasure;

internal static class Gf16
{
    public const int Polynomial = 0x1100B;
    private const int Order = 65535;

    private static readonly ushort[] s_exp = new ushort[2 * Order];
    private static readonly ushort[] s_log = new ushort[65536];

    static Gf16()
    {
        int value = 1;
        for (int i = 0; i < Order; i++)
        {
            s_exp[i] = (ushort)value;
            s_exp[i + Order] = (ushort)value;
            s_log[value] = (ushort)i;
            value <<= 1;
            if ((value & 0x10000) != 0)
            {
                value ^= Polynomial;
            }
        }
    }

    public static ushort Multiply(ushort a, ushort b)
    {
        if (a == 0 || b == 0)
        {
            return 0;
        }

        return s_exp[s_log[a] + s_log[b]];
    }

    public static ushort Divide(ushort a, ushort b)
    {
        if (a == 0 || b == 0)
        {
            return 0;
        }

        return s_exp[s_log[a] + Order - s_log[b]];
    }

    /// <summary>Carry-less multiply then reduce by 0x1100B: the reference the table is checked against.</summary>
    public static ushort MultiplySlow(ushort a, ushort b)
    {
        uint product = 0;
        for (int i = 0; i < 16; i++)
        {
            if ((b & (1 << i)) != 0)
            {
                product ^= (uint)a << i;
            }
        }

        for (int bit = 31; bit >= 16; bit--)
        {
            if ((product & (1u << bit)) != 0)
            {
                product ^= (uint)Polynomial << (bit - 16);
            }
        }

        return (ushort)product;
    }
}
