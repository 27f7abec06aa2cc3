using System;
using System.Text;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;

namespace WotId.Identity.Tests.Behaviour;

public sealed class IotaDidDocumentPackingTests
{
    private static readonly IotaDid s_did = IotaDid.FromObjectId("0x" + new string('a', 64), "a9c98038");
    private static readonly DateTimeOffset s_time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static byte[] ValidPacked() => IotaDidDocumentPacking.Pack(
        new DidDocumentBuilder(s_did.Value).AddSigningKey("sig", TestKeys.Get(KeyAlgorithm.MLDsa44, 91).PublicKey).Build(),
        new IotaDocumentMetadata(s_time, s_time.AddMilliseconds(1500)));

    [Theory]
    [InlineData("did:iota:0xABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB", "did:iota:0xabababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:iota:0xabababababababababababababababababababababababababababababababab", "did:iota:0xabababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:A9C98038:0Xabababababababababababababababababababababababababababababababab", "did:iota:a9c98038:0xabababababababababababababababababababababababababababababababab")]
    public void DidsAreNormalizedAsIotaIdentityDoes(string input, string normalized) =>
        Assert.Equal(normalized, IotaDid.Parse(input).Value);

    [Theory]
    [InlineData("did:iota:abcdefghi:0xabababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:a-b:0xabababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:0xababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:abababababababababababababababababababababababababababababababab")]
    [InlineData("did:iota:0xabababababababababababababababababababababababababababababababab#key")]
    [InlineData("did:key:z6Mk")]
    public void MalformedDidsAreRejected(string input) => Assert.False(IotaDid.TryParse(input, out _));

    [Fact]
    public void PackedBytesStartWithMarkerVersionEncodingAndLength()
    {
        byte[] packed = ValidPacked();
        Assert.Equal("DID"u8.ToArray(), packed[..3]);
        Assert.Equal(1, packed[3]);
        Assert.Equal(0, packed[4]);
        Assert.Equal(packed.Length - 7, packed[5] | (packed[6] << 8));
        string json = Encoding.UTF8.GetString(packed, 7, packed.Length - 7);
        Assert.StartsWith("{\"doc\":{\"id\":\"did:0:0\",\"verificationMethod\":[{\"id\":\"did:0:0#sig\",\"controller\":\"did:0:0\",\"type\":\"Multikey\"", json, StringComparison.Ordinal);
        Assert.EndsWith("\"meta\":{\"created\":\"2026-01-02T03:04:05Z\",\"updated\":\"2026-01-02T03:04:06Z\"}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpackPutsTheDidBackAndRepacksIdentically()
    {
        byte[] packed = ValidPacked();
        IotaPackedDocument unpacked = IotaDidDocumentPacking.Unpack(packed, s_did);
        DidDocument doc = unpacked.ToDidDocument();
        Assert.Equal(s_did.Value, doc.Id);
        Assert.NotNull(doc.FindMethod(s_did.Value + "#sig", VerificationRelationship.AssertionMethod));
        Assert.False(unpacked.IsDeactivated);
        Assert.Equal(packed, IotaDidDocumentPacking.Pack(unpacked.DocumentJson, unpacked.Metadata));
    }

    [Fact]
    public void BytesAfterTheDeclaredLengthAreIgnoredAsTheReferenceDoes()
    {
        byte[] packed = [.. ValidPacked(), 0xff, 0x00];
        Assert.Equal(s_did, IotaDidDocumentPacking.Unpack(packed, s_did).Did);
    }

    [Theory]
    [InlineData("short", IdentityError.MalformedPackedDocument)]
    [InlineData("marker", IdentityError.MalformedPackedDocument)]
    [InlineData("version", IdentityError.MalformedPackedDocument)]
    [InlineData("encoding", IdentityError.MalformedPackedDocument)]
    [InlineData("length-too-long", IdentityError.MalformedPackedDocument)]
    [InlineData("length-too-short", IdentityError.MalformedJson)]
    [InlineData("not-placeholder", IdentityError.MalformedPackedDocument)]
    [InlineData("no-meta", IdentityError.MalformedPackedDocument)]
    [InlineData("bad-timestamp", IdentityError.MalformedDate)]
    public void EachBrokenPartIsRejectedWithItsReason(string broken, IdentityError expected)
    {
        byte[] packed = ValidPacked();
        int length = packed.Length - 7;
        byte[] input = broken switch
        {
            "short" => packed[..6],
            "marker" => [(byte)'D', (byte)'I', (byte)'X', .. packed[3..]],
            "version" => [.. packed[..3], 2, .. packed[4..]],
            "encoding" => [.. packed[..4], 1, .. packed[5..]],
            "length-too-long" => [.. packed[..5], (byte)(length + 1), (byte)((length + 1) >> 8), .. packed[7..]],
            "length-too-short" => [.. packed[..5], (byte)(length - 1), (byte)((length - 1) >> 8), .. packed[7..]],
            "not-placeholder" => Repack("{\"doc\":{\"id\":\"did:iota:0x" + new string('a', 64) + "\"},\"meta\":{}}"),
            "no-meta" => Repack("{\"doc\":{\"id\":\"did:0:0\"}}"),
            "bad-timestamp" => Repack("{\"doc\":{\"id\":\"did:0:0\"},\"meta\":{\"created\":\"yesterday\"}}"),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        IdentityFormatException ex = Assert.Throws<IdentityFormatException>(() => IotaDidDocumentPacking.Unpack(input, s_did));
        Assert.Equal(expected, ex.Error);
    }

    [Fact]
    public void DocumentsOverTheU16LengthCannotBePacked()
    {
        string big = new('x', 70_000);
        string json = "{\"id\":\"" + s_did.Value + "\",\"note\":\"" + big + "\"}";
        IdentityFormatException ex = Assert.Throws<IdentityFormatException>(() => IotaDidDocumentPacking.Pack(json, new IotaDocumentMetadata(s_time, s_time)));
        Assert.Equal(IdentityError.TooLarge, ex.Error);
    }

    [Fact]
    public void OnlyDidIotaDocumentsCanBePacked()
    {
        string json = "{\"id\":\"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\"}";
        IdentityFormatException ex = Assert.Throws<IdentityFormatException>(() => IotaDidDocumentPacking.Pack(json, new IotaDocumentMetadata(s_time, s_time)));
        Assert.Equal(IdentityError.MalformedDid, ex.Error);
    }

    [Fact]
    public void StringsAreEscapedLikeSerdeJson()
    {
        string json = "{\"id\":\"" + s_did.Value + "\",\"note\":\"\\u0001 \\\" \\\\ \\/ é \\u2028 <>&'\"}";
        byte[] packed = IotaDidDocumentPacking.Pack(json, new IotaDocumentMetadata(null, null));
        Assert.Equal("{\"doc\":{\"id\":\"did:0:0\",\"note\":\"\\u0001 \\\" \\\\ / é \u2028 <>&'\"},\"meta\":{}}", Encoding.UTF8.GetString(packed, 7, packed.Length - 7));
    }

    private static byte[] Repack(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)body.Length, (byte)(body.Length >> 8), .. body];
    }
}
