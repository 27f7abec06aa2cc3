using System;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Tests.Cesr;

/// <summary>Every malformed-input path of the CESR codec ends in a <see cref="CesrException"/> with a precise code.</summary>
public sealed class CesrErrorTests
{
    private static CesrError ErrorOf(Action action) => Assert.Throws<CesrException>(action).Error;

    [Fact]
    public void TextMustBeAlignedAndBase64url()
    {
        Assert.Equal(CesrError.Misaligned, ErrorOf(() => CesrText.ToBinary("-AA")));
        Assert.Equal(CesrError.InvalidCharacter, ErrorOf(() => CesrText.ToBinary("-AA=")));
        Assert.Equal(CesrError.InvalidCharacter, ErrorOf(() => CesrText.ToBinary("-A A")));
        Assert.Equal(CesrError.Misaligned, ErrorOf(() => CesrText.ToText(new byte[4])));
    }

    [Fact]
    public void ColdStartRejectsOtherDomains()
    {
        Assert.Equal(CesrError.Truncated, ErrorOf(() => CesrText.Detect([])));
        Assert.Equal(CesrError.UnknownDomain, ErrorOf(() => CesrText.Detect("AAAA"u8)));
        Assert.Equal(CesrError.UnknownDomain, ErrorOf(() => CesrText.Detect([0, 0, 0])));
    }

    [Fact]
    public void WrongCodeIsUnexpectedAndShortInputIsTruncated()
    {
        byte[] count = CesrText.ToBinary("-AAB");
        Assert.Equal(CesrError.UnexpectedCode, ErrorOf(() => new CesrReader(count).ReadCount('B')));
        Assert.Equal(CesrError.Truncated, ErrorOf(() => new CesrReader(count.AsSpan(0, 2)).ReadCount('A')));
        byte[] longCount = CesrText.ToBinary("-0EAAAQA");
        Assert.Equal(CesrError.Truncated, ErrorOf(() => new CesrReader(longCount.AsSpan(0, 4)).ReadCount('E')));
    }

    [Fact]
    public void VariableSizeBeyondTheInputIsTruncated()
    {
        byte[] data = CesrText.ToBinary("4BAFZGlkOmV4YW1wbGU6Ym9i");
        Assert.Equal(CesrError.Truncated, ErrorOf(() => new CesrReader(data.AsSpan(0, data.Length - 3)).ReadVariable("B")));
        byte[] huge = CesrText.ToBinary("7AAB____");
        Assert.Equal(CesrError.Truncated, ErrorOf(() => new CesrReader(huge).ReadVariable("B")));
    }

    [Fact]
    public void NonzeroLeadBytesAndPadBitsAreNotCanonical()
    {
        byte[] badLead = CesrText.ToBinary("5BAC_2hlbGxv");
        Assert.Equal(CesrError.NonCanonical, ErrorOf(() => new CesrReader(badLead).ReadVariable("B")));
        byte[] badPad = CesrText.ToBinary("XAAA");
        badPad[0] |= 1;
        Assert.Equal(CesrError.NonCanonical, ErrorOf(() => new CesrReader(badPad).ReadFixed("X", 2)));
    }

    [Fact]
    public void LeadBytesLargerThanTheBodyAreOutOfRange()
    {
        byte[] data = CesrText.ToBinary("5BAA");
        Assert.Equal(CesrError.SizeOutOfRange, ErrorOf(() => new CesrReader(data).ReadVariable("B")));
    }

    [Fact]
    public void UnknownCodesAndTrailingBytesAreReported()
    {
        Assert.Equal(CesrError.UnknownCode, ErrorOf(() => CesrPrimitive.FromQb64("1ZZZAAAA")));
        Assert.Equal(CesrError.UnknownCode, ErrorOf(() => CesrPrimitive.FromQb64("-AAB")));
        Assert.Equal(CesrError.TrailingData, ErrorOf(() => CesrPrimitive.FromQb64("MAECMAEC")));
    }

    [Fact]
    public void WriterRejectsCodesThatDoNotFit()
    {
        var w = new CesrWriter();
        Assert.Throws<ArgumentException>(() => w.WriteFixed("0B", new byte[32]));
        Assert.Throws<ArgumentException>(() => w.WriteFixed("I", new byte[64]));
        Assert.Throws<ArgumentException>(() => w.WriteFixed("2AAA", new byte[3309]));
        Assert.Throws<ArgumentException>(() => w.WriteCount('0', 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteCount('A', CesrWriter.MaxCount + 1));
        Assert.Throws<ArgumentException>(() => w.WriteVariable("AB", []));
        Assert.Equal(0, w.Length);
    }
}
