using System;
using System.Text;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Tests.Cesr;

/// <summary>
/// Literal qb64 values asserted by keripy's CESR specification examples (WebOfTrust/keripy
/// tests/spec/cesr/test_cesr_examples.py at 444bbbe): a 128-bit salt, Blake3 digests and variable-size path
/// primitives. Values restated here; keripy's code is not used.
/// </summary>
public sealed class KeripyVectorTests
{
    [Fact]
    public void SaltKerispecworkexamEncodesAs0A()
    {
        CesrPrimitive salt = CesrPrimitive.Fixed("0A", Encoding.ASCII.GetBytes("kerispecworkexam"));
        Assert.Equal("0ABrZXJpc3BlY3dvcmtleGFt", salt.ToQb64());
        Assert.Equal("kerispecworkexam", Encoding.ASCII.GetString(CesrPrimitive.FromQb64("0ABrZXJpc3BlY3dvcmtleGFt").Raw));
    }

    [Theory]
    [InlineData("ENI2bDYghiu1KYYkFrPofH8tJ5tNiNt8WrTIc4s_5IIH")]
    [InlineData("EJymtAC4piy_HkHWRs4JSRv0sb53MZJr8BQ4SMixXIVJ")]
    [InlineData("EGU_SHY-8ywNBJOqPKHr4sXV9tOtOwpYzYOM63_zUCDW")]
    [InlineData("EPR7FWsN3tOM8PqfMap2FRfF4MFQ4v3ZXjBUcMVtvhmB")]
    public void Blake3DigestsRoundTripAsEPrimitives(string qb64)
    {
        CesrPrimitive p = CesrPrimitive.FromQb64(qb64);
        Assert.Equal("E", p.Code);
        Assert.Equal(32, p.Raw.Length);
        Assert.Equal(qb64, CesrPrimitive.Fixed("E", p.Raw).ToQb64());
        Assert.Equal(qb64, CesrText.ToText(p.ToQb2()));
    }

    [Theory]
    [InlineData("6AABAAA-", "-")]
    [InlineData("4AADA-a-personal", "A-a-personal")]
    [InlineData("4AAB-5-3", "-5-3")]
    [InlineData("6AADAAA-5-3-name", "-5-3-name")]
    [InlineData("6AAEAAA-a-personal-1", "-a-personal-1")]
    [InlineData("4AAC-a-p-1-0", "-a-p-1-0")]
    [InlineData("6AAEAAA-a-p-0-0-name", "-a-p-0-0-name")]
    public void PathPrimitivesAreVariableSizeTypeA(string qb64, string pathText)
    {
        CesrPrimitive p = CesrPrimitive.FromQb64(qb64);
        Assert.True(p.IsVariable);
        Assert.Equal("A", p.Code);
        Assert.EndsWith(pathText, CesrText.ToText(p.ToQb2()), StringComparison.Ordinal);
        Assert.Equal(qb64, CesrPrimitive.Variable("A", p.Raw).ToQb64());
    }

    [Fact]
    public void ADigestInTextFormSplicesIntoTextFieldsOnQuadletBoundaries()
    {
        // keripy's SAID example: a 44-character digest replaces a 44-character dummy inside 4-aligned text fields.
        const string cser = "field_0_01234567ENI2bDYghiu1KYYkFrPofH8tJ5tNiNt8WrTIc4s_5IIHfield_2_98765432";
        byte[] bin = CesrText.ToBinary(cser);
        Assert.Equal(57, bin.Length);
        var r = new CesrReader(bin);
        r.ReadBytes(12);
        Assert.Equal("ENI2bDYghiu1KYYkFrPofH8tJ5tNiNt8WrTIc4s_5IIH", r.ReadPrimitive().ToQb64());
        Assert.Equal(12, r.Remaining);
    }
}
