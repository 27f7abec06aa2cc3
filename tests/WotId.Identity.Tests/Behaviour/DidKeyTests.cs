using System;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Keys;

namespace WotId.Identity.Tests.Behaviour;

public sealed class DidKeyTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Ed25519, "z6Mk", 48)]
    [InlineData(KeyAlgorithm.MLDsa44, "z", 1796)]
    [InlineData(KeyAlgorithm.MLDsa65, "z", 2670)]
    [InlineData(KeyAlgorithm.MLDsa87, "z", 3544)]
    public void DidKeyHasTheMulticodecPrefixAndLengthOfTheNote(KeyAlgorithm algorithm, string prefix, int multibaseLength)
    {
        SigningKey key = TestKeys.Get(algorithm, 1);
        string mb = key.Did["did:key:".Length..];
        Assert.StartsWith(prefix, mb, StringComparison.Ordinal);
        Assert.Equal(multibaseLength, mb.Length);
        byte[] raw = Base58.Decode(mb.AsSpan(1));
        Assert.Equal(Varint.Encode(KeyAlgorithms.Multicodec(algorithm)), raw[..Varint.GetLength(KeyAlgorithms.Multicodec(algorithm))]);
        Assert.True(DidKey.Parse(key.Did).SameAs(key.PublicKey));
    }

    [Fact]
    public void X25519DidKeyStartsWithZ6LSAndResolvesToKeyAgreementOnly()
    {
        using var x = Crypto.X25519PrivateKey.Generate();
        string did = DidKey.Create(KeyAlgorithm.X25519, x.PublicKey);
        Assert.StartsWith("did:key:z6LS", did, StringComparison.Ordinal);
        DidDocument doc = DidKeyResolver.CreateDocument(did);
        Assert.Single(doc.Relationship(VerificationRelationship.KeyAgreement));
        Assert.Empty(doc.Relationship(VerificationRelationship.Authentication));
        Assert.Empty(doc.Relationship(VerificationRelationship.AssertionMethod));
    }

    [Fact]
    public void MlDsaMulticodecBytesAreTheRegisteredVarints()
    {
        Assert.Equal(new byte[] { 0x90, 0x24 }, Varint.Encode(KeyAlgorithms.Multicodec(KeyAlgorithm.MLDsa44)));
        Assert.Equal(new byte[] { 0x91, 0x24 }, Varint.Encode(KeyAlgorithms.Multicodec(KeyAlgorithm.MLDsa65)));
        Assert.Equal(new byte[] { 0x92, 0x24 }, Varint.Encode(KeyAlgorithms.Multicodec(KeyAlgorithm.MLDsa87)));
        Assert.Equal(new byte[] { 0xed, 0x01 }, Varint.Encode(KeyAlgorithms.Multicodec(KeyAlgorithm.Ed25519)));
        Assert.Equal(new byte[] { 0xec, 0x01 }, Varint.Encode(KeyAlgorithms.Multicodec(KeyAlgorithm.X25519)));
    }

    [Fact]
    public void Base64urlMultikeyIsAcceptedOnInput()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa65, 2);
        string u = "did:key:" + Multibase.Encode(MultibaseEncoding.Base64Url, Multikey.EncodeBytes(key.PublicKey));
        Assert.StartsWith("did:key:ukS", u, StringComparison.Ordinal);
        Assert.True(DidKey.Parse(u).SameAs(key.PublicKey));
    }

    [Theory]
    [InlineData("did:key:", IdentityError.MalformedDid)]
    [InlineData("did:web:example.com", IdentityError.MalformedDid)]
    [InlineData("did:key:z", IdentityError.MalformedMultikey)]
    [InlineData("did:key:f0102", IdentityError.MalformedMultikey)]
    [InlineData("did:key:z1111", IdentityError.UnknownKeyType)]
    [InlineData("did:key:z0OIl", IdentityError.MalformedMultikey)]
    public void BadDidKeysThrowTheDocumentedError(string did, IdentityError expected)
    {
        IdentityFormatException ex = Assert.Throws<IdentityFormatException>(() => DidKey.Parse(did));
        Assert.Equal(expected, ex.Error);
    }

    [Fact]
    public void Ed25519CodecWith31KeyBytesIsWrongLength()
    {
        byte[] bytes = new byte[33];
        bytes[0] = 0xed;
        bytes[1] = 0x01;
        string did = "did:key:" + Multibase.Encode(MultibaseEncoding.Base58Btc, bytes);
        Assert.Equal(IdentityError.WrongKeyLength, Assert.Throws<IdentityFormatException>(() => DidKey.Parse(did)).Error);
    }

    [Fact]
    public void VerificationMethodIdIsDidHashMultibase()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa44, 3);
        Assert.Equal(key.Did + "#" + key.Did["did:key:".Length..], key.KeyId);
        DidDocument doc = DidKeyResolver.CreateDocument(key.Did);
        Assert.NotNull(doc.FindMethod(key.KeyId, VerificationRelationship.AssertionMethod));
        Assert.NotNull(doc.FindMethod(key.KeyId, VerificationRelationship.Authentication));
        Assert.Null(doc.FindMethod(key.KeyId, VerificationRelationship.KeyAgreement));
    }
}
