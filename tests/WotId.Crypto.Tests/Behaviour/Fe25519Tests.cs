// GF(2^255 - 19) arithmetic (Fe25519.cs, used on public data by XEdDSA verification and the base-key check) agrees
// with BigInteger arithmetic modulo p, including the dedicated squaring and values at the top of the limb range.
using System;
using System.Numerics;
using System.Security.Cryptography;

namespace WotId.Crypto.Tests.Behaviour;

public sealed class Fe25519Tests
{
    private static readonly BigInteger s_p = (BigInteger.One << 255) - 19;

    [Fact]
    public void SquareMultiplyInvertAndSubtractMatchBigIntegerModP()
    {
        for (int i = 0; i < 2000; i++)
        {
            byte[] a = Operand(i), b = Operand(i + 7);
            Fe25519 x = Fe25519.FromBytes(a), y = Fe25519.FromBytes(b);
            BigInteger bx = Value(a), by = Value(b);
            Assert.Equal(Mod(bx * bx), Value(x.Square()));
            Assert.Equal(Mod(bx * by), Value(x * y));
            Assert.Equal(Mod((bx + by) * (bx - by)), Value((x + y) * (x - y)));
            Assert.Equal(Mod(bx * bx * bx * bx), Value(x.Square().Square()));
            if (!Mod(bx).IsZero)
            {
                Assert.Equal(BigInteger.One, Value(x * x.Invert()));
            }
        }
    }

    // Random values, plus all-ones limbs (2^255 - 1, above p) and p - 1, which stress the carries.
    private static byte[] Operand(int i)
    {
        byte[] v = RandomNumberGenerator.GetBytes(32);
        if (i % 50 == 0)
        {
            v.AsSpan().Fill(0xFF);
        }
        else if (i % 50 == 1)
        {
            v = Convert.FromHexString("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        }

        v[31] &= 0x7F;
        return v;
    }

    private static BigInteger Value(ReadOnlySpan<byte> littleEndian) => new(littleEndian, isUnsigned: true, isBigEndian: false);

    private static BigInteger Value(Fe25519 f)
    {
        byte[] b = new byte[32];
        f.ToBytes(b);
        return Value(b);
    }

    private static BigInteger Mod(BigInteger v) => ((v % s_p) + s_p) % s_p;
}
