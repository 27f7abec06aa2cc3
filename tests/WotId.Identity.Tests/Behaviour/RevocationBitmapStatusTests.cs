// A RevocationBitmap2022 credentialStatus (identity.rs identity_credential credential/revocation_bitmap_status.rs) written
// by CredentialIssuer and checked by CredentialVerifier against the service in the issuer's DID document.
using System;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Status;
using WotId.Identity.Tests.Interop;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Behaviour;

public sealed class RevocationBitmapStatusTests
{
    private const string Holder = "did:iota:0x" + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Fact]
    public async Task OurIssuerWritesTheEntryAndOurVerifierFollowsTheServiceThroughRevokeAndUnrevoke()
    {
        (CredentialIssuer issuer, DidDocument doc) = Issuer(out string serviceId);
        IssuedCredential vc = issuer.IssueVerifiedHuman(Holder, TimeSpan.FromDays(30));

        using JsonDocument claims = JsonDocument.Parse(Base64Url.Decode(vc.Jws.Split('.')[1]));
        JsonElement status = claims.RootElement.GetProperty("vc").GetProperty("credentialStatus");
        Assert.Equal(issuer.Did + "?index=" + vc.StatusIndex + "#revocation", status.GetProperty("id").GetString());
        Assert.Equal("RevocationBitmap2022", status.GetProperty("type").GetString());
        Assert.Equal(vc.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetProperty("revocationBitmapIndex").GetString());

        doc = doc.WithService(issuer.RevocationBitmapService());
        Assert.True((await VerifyAsync(vc.Jws, doc, issuer.Did)).IsValid);

        Assert.True(issuer.Revoke(vc.Id));
        Assert.True(issuer.CurrentRevocationBitmap().IsRevoked((uint)vc.StatusIndex));
        VerificationResult revoked = await VerifyAsync(vc.Jws, doc.WithService(issuer.RevocationBitmapService()), issuer.Did);
        Assert.Equal(VerificationFailure.Revoked, revoked.Failure);

        // The old document (before the revocation) is what a verifier with a stale copy sees.
        Assert.True((await VerifyAsync(vc.Jws, doc, issuer.Did)).IsValid);

        Assert.True(issuer.Unrevoke(vc.Id));
        Assert.False(issuer.Unrevoke("urn:uuid:unknown"));
        Assert.True((await VerifyAsync(vc.Jws, doc.WithService(issuer.RevocationBitmapService()), issuer.Did)).IsValid);
        Assert.Equal(serviceId, issuer.RevocationBitmapService().Id);
    }

    [Fact]
    public async Task AMissingOrMalformedServiceIsStatusUnavailableWhenTheCheckIsRequired()
    {
        (CredentialIssuer issuer, DidDocument doc) = Issuer(out string serviceId);
        IssuedCredential vc = issuer.IssueVerifiedHuman(Holder, TimeSpan.FromDays(30));

        VerificationResult missing = await VerifyAsync(vc.Jws, doc, issuer.Did);
        Assert.Equal(VerificationFailure.StatusUnavailable, missing.Failure);
        Assert.Contains("no service", missing.Detail, StringComparison.Ordinal);
        Assert.True((await VerifyAsync(vc.Jws, doc, issuer.Did, requireStatus: false)).IsValid);

        DidDocument broken = doc.WithService(new DidService(serviceId, RevocationBitmap.Type, RevocationBitmap.DataUrlPrefix + "eJyzMmAAAwADKABs"));
        Assert.Equal(VerificationFailure.StatusUnavailable, (await VerifyAsync(vc.Jws, broken, issuer.Did)).Failure);
        DidDocument wrongType = doc.WithService(new DidService(serviceId, "LinkedDomains", new RevocationBitmap().ToEndpoint()));
        Assert.Equal(VerificationFailure.StatusUnavailable, (await VerifyAsync(vc.Jws, wrongType, issuer.Did)).Failure);
    }

    [Fact]
    public async Task AnEntryPointingIntoAnotherDidsDocumentIsNotTrusted()
    {
        (CredentialIssuer issuer, DidDocument doc) = Issuer(out _);
        const string other = "did:iota:0x" + "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
        var credential = new VerifiedHumanCredential
        {
            Id = "urn:uuid:" + Guid.NewGuid(),
            Issuer = issuer.Did,
            SubjectId = Holder,
            ValidFrom = DateTimeOffset.UtcNow.AddMinutes(-1),
            ValidUntil = DateTimeOffset.UtcNow.AddDays(1),
            VerifiedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            Status = StatusListEntry.ForRevocationBitmap2022(other + "#revocation", 3),
        };
        string jws = CompactJws.Sign(new JwsHeader(KeyAlgorithm.MLDsa44, issuer.KeyId, CredentialTerms.JwtType), credential.ToJwt11Bytes(), TestKeys.Get(KeyAlgorithm.MLDsa44, 95));
        VerificationResult result = await VerifyAsync(jws, doc.WithService(new RevocationBitmap().ToService(issuer.Did + "#revocation")), issuer.Did);
        Assert.Equal(VerificationFailure.StatusUnavailable, result.Failure);
        Assert.Contains("not in the issuer's DID document", result.Detail, StringComparison.Ordinal);

        var wrong = new CredentialIssuer(TestKeys.Get(KeyAlgorithm.MLDsa44, 95), new IssuerState("https://status.wot.id/lists/1"))
        {
            IssuerDid = issuer.Did, KeyId = issuer.KeyId, Format = CredentialFormat.VcJwt11, RevocationBitmapServiceId = other + "#revocation",
        };
        Assert.Throws<InvalidOperationException>(() => wrong.IssueVerifiedHuman(Holder, TimeSpan.FromDays(1)));
        Assert.Empty(wrong.State.Issued);
        var vc20 = new CredentialIssuer(TestKeys.Get(KeyAlgorithm.MLDsa44, 95), new IssuerState("https://status.wot.id/lists/1"))
        {
            IssuerDid = issuer.Did, KeyId = issuer.KeyId, RevocationBitmapServiceId = issuer.Did + "#revocation",
        };
        Assert.Throws<InvalidOperationException>(() => vc20.IssueVerifiedHuman(Holder, TimeSpan.FromDays(1)));
    }

    [Theory]
    [InlineData("did:iota:0x1?index=5#rev", "5", true)]
    [InlineData("did:iota:0x1#rev", "5", true)]
    [InlineData("did:iota:0x1?index=0#rev", "0", true)]
    [InlineData("did:iota:0x1?index=2147483647#rev", "2147483647", true)]
    [InlineData("did:iota:0x1?index=6#rev", "5", false)]
    [InlineData("did:iota:0x1#rev?index=5", "5", false)]
    [InlineData("did:iota:0x1?index=5", "5", false)]
    [InlineData("did:iota:0x1?index=5&x=1#rev", "5", false)]
    [InlineData("did:iota:0x1?index=05#rev", "05", false)]
    [InlineData("did:iota:0x1#rev", "+5", false)]
    [InlineData("did:iota:0x1#rev", "-1", false)]
    [InlineData("did:iota:0x1#rev", " 5", false)]
    [InlineData("did:iota:0x1#rev", "", false)]
    [InlineData("did:iota:0x1#rev", "4294967296", false)]
    [InlineData("https://example.com/?index=5#rev", "5", false)]
    public void TheStatusIdAndIndexAreParsedStrictly(string id, string index, bool accepted)
    {
        string claims = "{\"iss\":\"did:iota:0x1\",\"sub\":\"" + Holder + "\",\"vc\":{\"@context\":[\"" + Credential.V1Context + "\"],"
            + "\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{},\"credentialStatus\":{\"id\":\"" + id
            + "\",\"type\":\"RevocationBitmap2022\",\"revocationBitmapIndex\":\"" + index + "\"}}}";
        if (!accepted)
        {
            Assert.Equal(IdentityError.MalformedCredential, Assert.Throws<IdentityFormatException>(() => Credential.ParseJwt11(Encoding.UTF8.GetBytes(claims))).Error);
            return;
        }

        StatusListEntry entry = Credential.ParseJwt11(Encoding.UTF8.GetBytes(claims)).Status!;
        Assert.True(entry.IsRevocationBitmap2022);
        Assert.Equal("did:iota:0x1#rev", entry.StatusListCredential);
        Assert.Equal(int.Parse(index, System.Globalization.CultureInfo.InvariantCulture), entry.Index);
    }

    private static (CredentialIssuer Issuer, DidDocument Document) Issuer(out string serviceId)
    {
        (CredentialIssuer template, DidDocument doc) = IotaIdentityInteropTests.IotaIssuer("ML-DSA-44", 95);
        serviceId = template.Did + "#revocation";
        var issuer = new CredentialIssuer(TestKeys.Get(KeyAlgorithm.MLDsa44, 95), new IssuerState("https://status.wot.id/lists/1"))
        {
            IssuerDid = template.IssuerDid,
            KeyId = template.KeyId,
            Format = CredentialFormat.VcJwt11,
            RevocationBitmapServiceId = serviceId,
        };
        return (issuer, doc);
    }

    private static async Task<VerificationResult> VerifyAsync(string jws, DidDocument issuerDocument, string issuerDid, bool requireStatus = true)
    {
        var resolver = new DidResolver();
        resolver.Add(issuerDocument);
        var verifier = new CredentialVerifier(resolver, new LocalStatusListCache());
        return await verifier.VerifyCredentialAsync(jws, new VerifierPolicy { TrustedIssuers = [issuerDid], RequireStatusCheck = requireStatus }, Holder, CancellationToken.None);
    }
}
