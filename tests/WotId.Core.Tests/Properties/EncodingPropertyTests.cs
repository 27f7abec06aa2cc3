// Property tests for every Core encoding (issue 2, "How it is verified"): encode/decode round trips, and
// arbitrary input never makes a decoder throw anything but FormatException.
using System;
using System.Linq;
using CsCheck;
using WotId.Core.Encoding;

namespace WotId.Core.Tests.Properties;

public sealed class EncodingPropertyTests
{
    private const long Iterations = 5_000;

    /// <summary>Arbitrary bytes, biased towards short inputs and leading zero bytes (base58 edge case).</summary>
    private static readonly Gen<byte[]> s_bytes = Gen.OneOf(
        Gen.Byte.Array[0, 80],
        Gen.Byte[0, 2].Array[0, 12],
        Gen.Byte.Array[0, 600]);

    /// <summary>Any UTF-16 text, including surrogates and non-ASCII.</summary>
    private static readonly Gen<string> s_anyText = Gen.OneOf(Gen.String, Gen.Char.Array[0, 64].Select(c => new string(c)));

    /// <summary>Text mostly made of the alphabets in use, so decoders get past their first character check.</summary>
    private static readonly Gen<string> s_alphabetText = Gen.Char["0123456789abcdefABCDEFghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ-_=+/ \u00e9"]
        .Array[0, 64].Select(c => new string(c));

    private static readonly Gen<string> s_decoderInput = Gen.OneOf(s_anyText, s_alphabetText);

    [Fact]
    public void HexRoundTrips() =>
        s_bytes.Sample(b => Assert.Equal(b, Hex.Decode(Hex.Encode(b))), iter: Iterations);

    [Fact]
    public void HexIsLowercaseOfFixedLength() =>
        s_bytes.Sample(b =>
        {
            string s = Hex.Encode(b);
            Assert.Equal(b.Length * 2, s.Length);
            Assert.All(s, c => Assert.Contains(c, "0123456789abcdef"));
        }, iter: Iterations);

    [Fact]
    public void Base58RoundTrips() =>
        s_bytes.Sample(b => Assert.Equal(b, Base58.Decode(Base58.Encode(b))), iter: Iterations);

    [Fact]
    public void Base32RoundTrips() =>
        s_bytes.Sample(b => Assert.Equal(b, Base32.Decode(Base32.Encode(b))), iter: Iterations);

    [Fact]
    public void Base64UrlRoundTrips() =>
        s_bytes.Sample(b => Assert.Equal(b, Base64Url.Decode(Base64Url.Encode(b))), iter: Iterations);

    [Fact]
    public void MultibaseRoundTripsEveryEncoding() =>
        Gen.Select(s_bytes, Gen.Enum<MultibaseEncoding>()).Sample((b, encoding) =>
        {
            string text = Multibase.Encode(encoding, b);
            Assert.Equal((char)encoding, text[0]);
            Assert.Equal(b, Multibase.Decode(text, out MultibaseEncoding decoded));
            Assert.Equal(encoding, decoded);
        }, iter: Iterations);

    [Fact]
    public void MultihashRoundTrips() =>
        Gen.Select(Gen.ULong[0, Varint.MaxValue], Gen.Byte.Array[0, 200]).Sample((code, digest) =>
        {
            (ulong c, byte[] d) = Multihash.Decode(Multihash.Encode(code, digest));
            Assert.Equal(code, c);
            Assert.Equal(digest, d);
        }, iter: Iterations);

    [Fact]
    public void Base58DecodeThenEncodeIsIdentity() =>
        s_decoderInput.Sample(s =>
        {
            if (TryDecode(() => Base58.Decode(s), out byte[]? bytes))
            {
                Assert.Equal(s, Base58.Encode(bytes!));
            }
        }, iter: Iterations);

    [Fact]
    public void HexAnyInputThrowsOnlyFormatException() =>
        s_decoderInput.Sample(s => OnlyFormatException(() => Hex.Decode(s)), iter: Iterations);

    [Fact]
    public void Base58AnyInputThrowsOnlyFormatException() =>
        s_decoderInput.Sample(s => OnlyFormatException(() => Base58.Decode(s)), iter: Iterations);

    [Fact]
    public void Base32AnyInputThrowsOnlyFormatException() =>
        s_decoderInput.Sample(s => OnlyFormatException(() => Base32.Decode(s)), iter: Iterations);

    [Fact]
    public void Base64UrlAnyInputThrowsOnlyFormatException() =>
        s_decoderInput.Sample(s => OnlyFormatException(() => Base64Url.Decode(s)), iter: Iterations);

    [Fact]
    public void MultibaseAnyInputThrowsOnlyFormatException() =>
        Gen.Select(Gen.Char["fFbBzumMkQx\u0000"], s_decoderInput).Sample((prefix, s) =>
        {
            OnlyFormatException(() => Multibase.Decode(s));
            OnlyFormatException(() => Multibase.Decode(prefix + s));
        }, iter: Iterations);

    [Fact]
    public void MultihashAnyBytesThrowOnlyFormatException() =>
        s_bytes.Sample(b => OnlyFormatException(() => Multihash.Decode(b)), iter: Iterations);

    [Fact]
    public void Base58TooLongTextIsAFormatException() =>
        Assert.Throws<FormatException>(() => Base58.Decode(new string('2', Base58.MaxTextLength + 1)));

    /// <summary>Runs <paramref name="decode"/>; a FormatException is a documented rejection, anything else fails.</summary>
    private static void OnlyFormatException(Func<object> decode)
    {
        try
        {
            Assert.NotNull(decode());
        }
        catch (FormatException)
        {
            // The documented rejection.
        }
    }

    private static bool TryDecode(Func<byte[]> decode, out byte[]? bytes)
    {
        try
        {
            bytes = decode();
            return true;
        }
        catch (FormatException)
        {
            bytes = null;
            return false;
        }
    }
}
