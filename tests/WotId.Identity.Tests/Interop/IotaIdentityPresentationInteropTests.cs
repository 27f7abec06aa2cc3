// Presentations both ways with IOTA Identity (@iota/identity-wasm 1.9.7-beta.1): VC-JWT 1.1 (typ JWT, vp claim, challenge
// in the protected header's nonce) by did:iota holders, ML-DSA and composite. Their JwtPresentationValidator(Hybrid) checks
// ours; our CredentialVerifier checks theirs with the same challenge/audience binding rules as wot.id's own vp+jwt.
using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Interop;

public sealed class IotaIdentityPresentationInteropTests
{
    public static TheoryData<string> Algorithms() => IotaIdentityInteropTests.Algorithms();

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task TheirPresentationOfTheirCredentialVerifiesInOurVerifierAndIsBoundToTheChallenge(string alg)
    {
        await using var peer = new IotaIdentityPeer();
        JsonElement vp = default;
        JsonElement vc = await peer.CallAsync(new JsonObject { ["cmd"] = "issue", ["alg"] = alg, ["subject"] = "did:iota:0x" + new string('0', 64), ["expOffset"] = 3600 });

        // The holder DID is only known once the peer made it; issue a second credential to that holder.
        vp = await peer.CallAsync(new JsonObject { ["cmd"] = "present", ["alg"] = alg, ["credentials"] = new JsonArray(vc.GetProperty("jwt").GetString()), ["nonce"] = "challenge-1", ["audience"] = "12D3KooWVerifier" });
        string holder = vp.GetProperty("did").GetString()!;
        JsonElement vc2 = await peer.CallAsync(new JsonObject { ["cmd"] = "issue", ["alg"] = alg, ["subject"] = holder, ["expOffset"] = 3600, ["issuer"] = vc.GetProperty("did").GetString() });
        JsonElement vp2 = await peer.CallAsync(new JsonObject { ["cmd"] = "present", ["holder"] = holder, ["alg"] = alg, ["credentials"] = new JsonArray(vc2.GetProperty("jwt").GetString()), ["nonce"] = "challenge-2", ["audience"] = "12D3KooWVerifier" });
        string jwt = vp2.GetProperty("jwt").GetString()!;

        CredentialVerifier verifier = Verifier(vc.GetProperty("doc").GetRawText(), vp.GetProperty("doc").GetRawText());
        var policy = new VerifierPolicy { TrustedIssuers = [vc.GetProperty("did").GetString()!], RequireStatusCheck = false };

        VerificationResult wrongChallenge = await verifier.VerifyPresentationAsync(jwt, policy, "challenge-1", "12D3KooWVerifier", holder, CancellationToken.None);
        Assert.Equal(VerificationFailure.NotBound, wrongChallenge.Failure);
        VerificationResult result = await verifier.VerifyPresentationAsync(jwt, policy, "challenge-2", "12D3KooWVerifier", holder, CancellationToken.None);
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(holder, result.Presentation!.Holder);
        Assert.Equal(holder, result.Credential!.SubjectId);

        // The first presentation carries a credential for another subject: rejected as such.
        VerificationResult otherSubject = await verifier.VerifyPresentationAsync(vp.GetProperty("jwt").GetString()!, policy, "challenge-1", "12D3KooWVerifier", holder, CancellationToken.None);
        Assert.Equal(VerificationFailure.WrongSubject, otherSubject.Failure);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task OurVcJwt11PresentationVerifiesInTheirPresentationValidator(string alg)
    {
        await using var peer = new IotaIdentityPeer();
        (CredentialIssuer issuer, DidDocument issuerDoc) = IotaIdentityInteropTests.IotaIssuer(alg, 93);
        string holderDid = "did:iota:0x" + Hex.Encode(RandomNumberGenerator.GetBytes(32));
        SigningKey holderKey = TestKeys.Get(IotaIdentityInteropTests.Ours(alg), 94);
        DidDocument holderDoc = new DidDocumentBuilder(holderDid).AddSigningKey("key-1", holderKey.PublicKey).Build();
        IssuedCredential vc = issuer.IssueVerifiedHuman(holderDid, TimeSpan.FromDays(30));
        string vp = PresentationBuilder.CreateJwt11(holderKey, holderDid, holderDid + "#key-1", [vc.Jws], "challenge-3", "did:iota:0xverifier", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        JsonObject request = new()
        {
            ["cmd"] = "verify-presentation",
            ["jwt"] = vp,
            ["holderDoc"] = JsonNode.Parse(holderDoc.ToJson(VerificationMethodFormat.JsonWebKey)),
            ["issuerDoc"] = JsonNode.Parse(issuerDoc.ToJson(VerificationMethodFormat.JsonWebKey)),
            ["nonce"] = "challenge-3",
            ["hybrid"] = alg.StartsWith("id-", StringComparison.Ordinal),
            ["credentialHybrid"] = alg.StartsWith("id-", StringComparison.Ordinal),
        };
        JsonElement verdict = await peer.CallAsync(request);
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.Equal(holderDid, verdict.GetProperty("holder").GetString());
        Assert.Equal("did:iota:0xverifier", verdict.GetProperty("aud").GetString());

        request["nonce"] = "another-challenge";
        JsonElement wrongNonce = await peer.CallAsync(request);
        Assert.False(wrongNonce.GetProperty("valid").GetBoolean());

        // Our verifier accepts the same presentation.
        var resolver = new DidResolver();
        resolver.Add(holderDoc);
        resolver.Add(issuerDoc);
        var statusLists = new LocalStatusListCache();
        statusLists.Put("https://status.wot.id/lists/14", issuer.IssueStatusListCredential());
        VerificationResult ours = await new CredentialVerifier(resolver, statusLists).VerifyPresentationAsync(vp, new VerifierPolicy { TrustedIssuers = [issuer.Did] }, "challenge-3", "did:iota:0xverifier", holderDid, CancellationToken.None);
        Assert.True(ours.IsValid, ours.Detail);
    }

    private static CredentialVerifier Verifier(params string[] documents)
    {
        var resolver = new DidResolver();
        foreach (string d in documents)
        {
            resolver.Add(DidDocument.Parse(d));
        }

        return new CredentialVerifier(resolver, new LocalStatusListCache());
    }
}
