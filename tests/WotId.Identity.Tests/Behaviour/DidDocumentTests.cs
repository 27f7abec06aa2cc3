using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Keys;

namespace WotId.Identity.Tests.Behaviour;

public sealed class DidDocumentTests
{
    private const string Did = "did:iota:0x3a5b000000000000000000000000000000000000000000000000000000000001";

    private static DidDocument Build()
    {
        using var x = Crypto.X25519PrivateKey.Generate();
        return new DidDocumentBuilder(Did)
            .AddSigningKey("sig-mldsa65", TestKeys.Get(KeyAlgorithm.MLDsa65, 10).PublicKey)
            .AddSigningKey("sig-mldsa87", TestKeys.Get(KeyAlgorithm.MLDsa87, 11).PublicKey)
            .AddKeyAgreementKey("kem-x25519", new DidPublicKey(KeyAlgorithm.X25519, x.PublicKey))
            .AddLibp2pPeer("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN")
            .AddMailbox("0x7c00000000000000000000000000000000000000000000000000000000000002")
            .Build();
    }

    [Fact]
    public void DocumentWithPqMethodsAndServicesRoundTripsThroughJson()
    {
        DidDocument doc = Build();
        string json = doc.ToJson();
        DidDocument back = DidDocument.Parse(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(3, back.VerificationMethods.Count);
        Assert.Equal([Did + "#sig-mldsa65", Did + "#sig-mldsa87"], back.Relationship(VerificationRelationship.Authentication));
        Assert.Equal([Did + "#sig-mldsa65", Did + "#sig-mldsa87"], back.Relationship(VerificationRelationship.AssertionMethod));
        Assert.Equal([Did + "#kem-x25519"], back.Relationship(VerificationRelationship.KeyAgreement));
        Assert.Equal("p2p:12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN", back.FindService(DidService.Libp2pPeerType)!.Endpoint);
        Assert.StartsWith("wotid-mailbox:0x7c", back.FindService(DidService.MailboxType)!.Endpoint, StringComparison.Ordinal);
        Assert.Contains("\"authentication\":[\"#sig-mldsa65\",\"#sig-mldsa87\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void IotaStyleAkpJsonWebKeyMethodsAreReadAsTheSameKey()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa65, 14);
        string json = "{\"id\":\"" + Did + "\",\"verificationMethod\":[{\"id\":\"#k1\",\"type\":\"JsonWebKey2020\",\"controller\":\"" + Did
            + "\",\"publicKeyJwk\":" + Jose.AkpJwk.ToJson(key.PublicKey) + "}],\"assertionMethod\":[\"#k1\"]}";
        DidDocument doc = DidDocument.Parse(json);
        Assert.True(doc.FindMethod("#k1", VerificationRelationship.AssertionMethod)!.PublicKey.SameAs(key.PublicKey));
        Assert.Contains("\"type\":\"Multikey\"", doc.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void DanglingRelationshipReferenceIsRejected()
    {
        string json = Build().ToJson().Replace("\"keyAgreement\":[\"#kem-x25519\"]", "\"keyAgreement\":[\"#nope\"]", StringComparison.Ordinal);
        Assert.Equal(IdentityError.MalformedDidDocument, Assert.Throws<IdentityFormatException>(() => DidDocument.Parse(json)).Error);
    }

    [Fact]
    public void SigningKeyUnderKeyAgreementIsRejected()
    {
        string json = Build().ToJson().Replace("\"keyAgreement\":[\"#kem-x25519\"]", "\"keyAgreement\":[\"#sig-mldsa65\"]", StringComparison.Ordinal);
        Assert.Equal(IdentityError.MalformedDidDocument, Assert.Throws<IdentityFormatException>(() => DidDocument.Parse(json)).Error);
    }

    [Fact]
    public async Task ResolverReturnsKnownDocumentsAndDidKeyAndMethodNotSupportedForUnconfiguredIotaAndWeb()
    {
        var resolver = new DidResolver();
        DidResolutionResult iota = await resolver.ResolveAsync(Did, CancellationToken.None);
        Assert.Equal(DidResolutionError.MethodNotSupported, iota.Error);
        Assert.Contains("--iota-rpc", iota.Message, StringComparison.Ordinal);
        DidResolutionResult web = await resolver.ResolveAsync("did:web:wot.id", CancellationToken.None);
        Assert.Equal(DidResolutionError.MethodNotSupported, web.Error);
        Assert.Equal(DidResolutionError.InvalidDid, (await resolver.ResolveAsync("did:key:zzz", CancellationToken.None)).Error);
        Assert.Equal(DidResolutionError.InvalidDid, (await resolver.ResolveAsync("not a did", CancellationToken.None)).Error);

        resolver.Add(Build());
        Assert.Equal(Did, (await resolver.ResolveAsync(Did, CancellationToken.None)).Document!.Id);
        SigningKey k = TestKeys.Get(KeyAlgorithm.MLDsa65, 12);
        Assert.Equal(k.Did, (await resolver.ResolveAsync(k.Did, CancellationToken.None)).Document!.Id);
    }

    [Fact]
    public async Task FalconDidKeyResolvesOnlyWhenOptedIn()
    {
        SigningKey falcon = TestKeys.Get(KeyAlgorithm.Falcon512Experimental, 13);
        Assert.Equal(DidResolutionError.InvalidDid, (await new DidResolver().ResolveAsync(falcon.Did, CancellationToken.None)).Error);
        Assert.NotNull((await new DidResolver(allowExperimentalFalcon: true).ResolveAsync(falcon.Did, CancellationToken.None)).Document);
    }
}
