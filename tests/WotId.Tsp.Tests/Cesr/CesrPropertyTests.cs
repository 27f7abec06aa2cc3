using System;
using CsCheck;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Tests.Cesr;

/// <summary>Properties: arbitrary input only ever raises <see cref="CesrException"/>; encodings round-trip.</summary>
public sealed class CesrPropertyTests
{
    [Fact]
    public void ArbitraryBytesNeverThrowAnythingButCesrException()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            Swallow(() => CesrPrimitive.FromQb2(bytes));
            Swallow(() => CesrText.ToBinaryAnyDomain(bytes));
            Swallow(() =>
            {
                var r = new CesrReader(bytes);
                while (!r.IsEnd)
                {
                    if (!r.TryReadCount('A', out _) && !r.TryReadVariable("B", out _) && !r.TryReadFixed("I", 32, out _))
                    {
                        r.ReadPrimitive();
                    }
                }
            });
        }, iter: 20_000);
    }

    [Fact]
    public void ArbitraryTextNeverThrowsAnythingButCesrException()
    {
        Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=. "].Array[0, 120].Sample(chars =>
        {
            Swallow(() => CesrPrimitive.FromQb64(new string(chars)));
        }, iter: 20_000);
    }

    [Fact]
    public void VariablePrimitivesRoundTripInBothDomains()
    {
        Gen.Select(Gen.Byte.Array[0, 20_000], Gen.OneOfConst("A", "B", "C", "NCL", "PQC")).Sample((raw, type) =>
        {
            var w = new CesrWriter();
            w.WriteVariable(type, raw);
            Assert.Equal(CesrWriter.VariableSize(type, raw.Length), w.Length);
            byte[] viaText = CesrText.ToBinary(CesrText.ToText(w.WrittenSpan));
            var r = new CesrReader(viaText);
            Assert.Equal(raw, r.ReadVariable(type).ToArray());
            r.ExpectEnd();
        }, iter: 300);
    }

    [Fact]
    public void CountsRoundTrip()
    {
        Gen.Select(Gen.Int[0, CesrWriter.MaxCount], Gen.Char["ABCEJKSZ"]).Sample((n, code) =>
        {
            var w = new CesrWriter();
            w.WriteCount(code, n);
            var r = new CesrReader(w.WrittenSpan);
            Assert.Equal(n, r.ReadCount(code));
            r.ExpectEnd();
        });
    }

    private static void Swallow(Action action)
    {
        try
        {
            action();
        }
        catch (CesrException)
        {
        }
    }
}
