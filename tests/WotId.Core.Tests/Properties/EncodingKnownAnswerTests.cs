// Known answers from the specifications: RFC 4648 §10 (base16/base32/base64), multiformats/unsigned-varint
// README examples, multiformats/multibase tests/test1.csv ("yes mani !"), the Bitcoin Core
// base58_encode_decode.json vectors, and the multihash README example (sha2-256 of "Merkle–Damgård").
using System;
using WotId.Core.Encoding;

namespace WotId.Core.Tests.Properties;

public sealed class EncodingKnownAnswerTests
{
    [Theory]
    [InlineData("", "", "", "")]
    [InlineData("f", "66", "my", "Zg")]
    [InlineData("fo", "666f", "mzxq", "Zm8")]
    [InlineData("foo", "666f6f", "mzxw6", "Zm9v")]
    [InlineData("foob", "666f6f62", "mzxw6yq", "Zm9vYg")]
    [InlineData("fooba", "666f6f6261", "mzxw6ytb", "Zm9vYmE")]
    [InlineData("foobar", "666f6f626172", "mzxw6ytboi", "Zm9vYmFy")]
    public void Rfc4648Section10(string input, string base16, string base32, string base64Unpadded)
    {
        byte[] data = System.Text.Encoding.ASCII.GetBytes(input);
        Assert.Equal(base16, Hex.Encode(data));
        Assert.Equal(data, Hex.Decode(base16));
        Assert.Equal(base32, Base32.Encode(data));
        Assert.Equal(data, Base32.Decode(base32));
        Assert.Equal(base64Unpadded, Base64Url.Encode(data)); // no '+' or '/' in these vectors
        Assert.Equal(data, Base64Url.Decode(base64Unpadded));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("516b6fcd0f", "ABnLTmg")]
    [InlineData("bf4f89001e670274dd", "3SEo3LWLoPntC")]
    [InlineData("572e4794", "3EFU7m")]
    [InlineData("ecac89cad93923c02321", "EJDM8drfXA6uyA")]
    [InlineData("10c8511e", "Rt5zm")]
    [InlineData("00000000000000000000", "1111111111")]
    public void Base58BitcoinCoreVectors(string hex, string base58)
    {
        byte[] data = Convert.FromHexString(hex);
        Assert.Equal(base58, Base58.Encode(data));
        Assert.Equal(data, Base58.Decode(base58));
    }

    [Theory]
    [InlineData("0OIl")] // characters excluded from the bitcoin alphabet
    [InlineData("2g0")]
    [InlineData("aPEr+")]
    public void Base58RejectsCharactersOutsideTheAlphabet(string text) =>
        Assert.Throws<FormatException>(() => Base58.Decode(text));

    [Theory]
    [InlineData(MultibaseEncoding.Base16, "f796573206d616e692021")]
    [InlineData(MultibaseEncoding.Base32, "bpfsxgidnmfxgsibb")]
    [InlineData(MultibaseEncoding.Base58Btc, "z7paNL19xttacUY")]
    [InlineData(MultibaseEncoding.Base64, "meWVzIG1hbmkgIQ")]
    [InlineData(MultibaseEncoding.Base64Url, "ueWVzIG1hbmkgIQ")]
    public void MultibaseTest1Csv(MultibaseEncoding encoding, string expected)
    {
        byte[] data = System.Text.Encoding.ASCII.GetBytes("yes mani !");
        Assert.Equal(expected, Multibase.Encode(encoding, data));
        Assert.Equal(data, Multibase.Decode(expected, out MultibaseEncoding decoded));
        Assert.Equal(encoding, decoded);
    }

    [Theory]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(255UL, "ff01")]
    [InlineData(300UL, "ac02")]
    [InlineData(16384UL, "808001")]
    [InlineData(9223372036854775807UL, "ffffffffffffffff7f")]
    public void UnsignedVarintReadme(ulong value, string hex)
    {
        Assert.Equal(hex, Hex.Encode(Varint.Encode(value)));
        Assert.Equal(value, Varint.Read(Convert.FromHexString(hex), out int consumed));
        Assert.Equal(hex.Length / 2, consumed);
    }

    [Fact]
    public void MultihashReadmeSha256Example()
    {
        byte[] digest = Convert.FromHexString("41dd7b6443542e75701aa98a0c235951a28a0d851b11564d20022ab11d2589a8");
        byte[] encoded = Multihash.Encode(Multihash.Sha2_256, digest);
        Assert.Equal("1220" + Hex.Encode(digest), Hex.Encode(encoded));
        (ulong code, byte[] decoded) = Multihash.Decode(encoded);
        Assert.Equal(Multihash.Sha2_256, code);
        Assert.Equal(digest, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("1220")]
    [InlineData("122141dd")]
    [InlineData("120100ff")]
    public void MultihashRejectsTruncatedOrPaddedInput(string hex) =>
        Assert.Throws<FormatException>(() => Multihash.Decode(Convert.FromHexString(hex)));
}
