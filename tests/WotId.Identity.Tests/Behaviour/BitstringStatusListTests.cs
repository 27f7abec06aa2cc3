using System;
using System.IO;
using System.IO.Compression;
using WotId.Core.Encoding;
using WotId.Identity.Status;

namespace WotId.Identity.Tests.Behaviour;

public sealed class BitstringStatusListTests
{
    [Fact]
    public void AStatusList2021EncodedListFromIotaIdentityDecodesWithTheSameBitOrder()
    {
        // @iota/identity-wasm 1.9.7-beta.1: new StatusList2021(131072), set(0), set(9), set(131071), intoEncodedStr()
        // (Status List 2021 §2.3: base64 of GZIP, unpadded here, no multibase prefix).
        BitstringStatusList theirs = BitstringStatusList.DecodeStatusList2021("H4sIAAAAAAAC/+3AMQEAAAgCMG1mNKMTg2f7GwAAAAAAAAAAAAAAAAAAAKBrA6gSuh0AQAAA");
        Assert.Equal(131_072, theirs.Length);
        Assert.True(theirs.Get(0) && theirs.Get(9) && theirs.Get(131_071));
        Assert.False(theirs.Get(1) || theirs.Get(8) || theirs.Get(131_070));

        string ours = theirs.EncodeStatusList2021();
        Assert.DoesNotContain('=', ours);
        Assert.True(BitstringStatusList.DecodeStatusList2021(ours).Get(9));
        Assert.Throws<IdentityFormatException>(() => BitstringStatusList.DecodeStatusList2021("u" + ours));
    }

    [Fact]
    public void IndexZeroIsTheLeftMostBitOfTheFirstByte()
    {
        BitstringStatusList list = BitstringStatusList.Create();
        list.Set(0, true);
        list.Set(9, true);
        list.Set(131_071, true);
        byte[] raw = Gunzip(list.Encode());
        Assert.Equal(16 * 1024, raw.Length);
        Assert.Equal(0x80, raw[0]);
        Assert.Equal(0x40, raw[1]);
        Assert.Equal(0x01, raw[^1]);
        BitstringStatusList back = BitstringStatusList.Decode(list.Encode());
        Assert.True(back.Get(0) && back.Get(9) && back.Get(131_071));
        Assert.False(back.Get(1) || back.Get(8) || back.Get(131_070));
        back.Set(9, false);
        Assert.False(back.Get(9));
    }

    [Fact]
    public void EncodedListIsUMultibaseGzip()
    {
        string encoded = BitstringStatusList.Create().Encode();
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        byte[] gz = Base64Url.Decode(encoded.AsSpan(1));
        Assert.Equal(new byte[] { 0x1f, 0x8b }, gz[..2]);
    }

    [Fact]
    public void ListsShorterThan16KiBAreRejected()
    {
        string shortList = "u" + Base64Url.Encode(Gzip(new byte[16 * 1024 - 1]));
        Assert.Equal(IdentityError.MalformedStatusList, Assert.Throws<IdentityFormatException>(() => BitstringStatusList.Decode(shortList)).Error);
    }

    [Fact]
    public void GzipBombStopsAt16MiB()
    {
        string bomb = "u" + Base64Url.Encode(Gzip(new byte[17 * 1024 * 1024]));
        Assert.Equal(IdentityError.TooLarge, Assert.Throws<IdentityFormatException>(() => BitstringStatusList.Decode(bomb)).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("z123")]
    [InlineData("uAAAA")]
    [InlineData("u!!")]
    public void GarbageListsAreRejected(string encoded)
    {
        Assert.Throws<IdentityFormatException>(() => BitstringStatusList.Decode(encoded));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(string encoded)
    {
        using var input = new MemoryStream(Base64Url.Decode(encoded.AsSpan(1)));
        using var gz = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gz.CopyTo(output);
        return output.ToArray();
    }
}
