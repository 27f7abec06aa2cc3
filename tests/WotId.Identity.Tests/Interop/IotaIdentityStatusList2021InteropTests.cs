// Revocation across IOTA Identity (@iota/identity-wasm 1.9.7-beta.1, interop/identity/iota-peer.mjs) with Status List
// 2021 (W3C WD 2023-04-27): a StatusList2021Entry in a VC-JWT 1.1 credential and a signed StatusList2021Credential.
// Their revoked credential is Revoked in our verifier; ours, revoked in our list, fails their
// JwtCredentialValidator.checkStatusWithStatusList2021 with their "Revoked" error (mapped to VerificationFailure.Revoked);
// not revoked passes on both sides.
using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Interop;

public sealed class IotaIdentityStatusList2021InteropTests
{
    private const string ListUrl = "https://status.wot.id/lists/14";

    public static TheoryData<string> Algorithms() => new() { "ML-DSA-44", "id-MLDSA44-Ed25519" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task TheirStatusList2021RevocationIsReadByOurVerifierAndTheirs(string alg)
    {
        await using var peer = new IotaIdentityPeer();
        foreach (bool revoked in new[] { false, true })
        {
            string holder = "did:iota:0x" + new string('a', 64);
            JsonElement issued = await peer.CallAsync(new JsonObject
            {
                ["cmd"] = "issue-sl2021", ["alg"] = alg, ["subject"] = holder, ["url"] = ListUrl, ["index"] = 4242, ["revoked"] = revoked,
            });
            string jwt = issued.GetProperty("jwt").GetString()!;
            string listJwt = issued.GetProperty("listJwt").GetString()!;
            string doc = issued.GetProperty("doc").GetRawText();

            VerificationResult ours = await VerifyOursAsync(jwt, listJwt, doc, issued.GetProperty("did").GetString()!, holder);
            VerificationFailure? theirs = await TheirStatusCheckAsync(peer, jwt, listJwt, doc, alg);
            if (revoked)
            {
                Assert.Equal(VerificationFailure.Revoked, ours.Failure);
                Assert.Equal(VerificationFailure.Revoked, theirs);
            }
            else
            {
                Assert.True(ours.IsValid, ours.Detail);
                Assert.Null(theirs);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task OurStatusList2021RevocationIsReadByTheirValidatorAndOurs(string alg)
    {
        await using var peer = new IotaIdentityPeer();
        (CredentialIssuer template, DidDocument doc) = IotaIdentityInteropTests.IotaIssuer(alg, 93);
        var issuer = new CredentialIssuer(TestKeys.Get(IotaIdentityInteropTests.Ours(alg), 93), new IssuerState(ListUrl))
        {
            IssuerDid = template.IssuerDid,
            KeyId = template.KeyId,
            Format = CredentialFormat.VcJwt11,
            UseStatusList2021 = true,
        };
        string json = doc.ToJson(VerificationMethodFormat.JsonWebKey);
        string holder = "did:iota:0x" + new string('b', 64);
        IssuedCredential vc = issuer.IssueVerifiedHuman(holder, TimeSpan.FromDays(30));
        Assert.Contains("\"StatusList2021Entry\"", System.Text.Encoding.UTF8.GetString(Core.Encoding.Base64Url.Decode(vc.Jws.Split('.')[1])), StringComparison.Ordinal);

        string list = issuer.IssueStatusListCredential();
        Assert.True((await VerifyOursAsync(vc.Jws, list, json, issuer.Did, holder)).IsValid);
        Assert.Null(await TheirStatusCheckAsync(peer, vc.Jws, list, json, alg));

        Assert.True(issuer.Revoke(vc.Id));
        list = issuer.IssueStatusListCredential();
        Assert.Equal(VerificationFailure.Revoked, (await VerifyOursAsync(vc.Jws, list, json, issuer.Did, holder)).Failure);
        Assert.Equal(VerificationFailure.Revoked, await TheirStatusCheckAsync(peer, vc.Jws, list, json, alg));
    }

    [Fact]
    public void AStatusList2021EntryIsOnlyIssuedInTheVcJwt11Form()
    {
        (CredentialIssuer template, _) = IotaIdentityInteropTests.IotaIssuer("ML-DSA-44", 94);
        var issuer = new CredentialIssuer(TestKeys.Get(IotaIdentityInteropTests.Ours("ML-DSA-44"), 94), new IssuerState(ListUrl))
        {
            IssuerDid = template.IssuerDid,
            KeyId = template.KeyId,
            UseStatusList2021 = true,
        };
        Assert.Throws<InvalidOperationException>(() => issuer.IssueVerifiedHuman("did:iota:0x" + new string('c', 64), TimeSpan.FromDays(1)));
    }

    private static async Task<VerificationResult> VerifyOursAsync(string jwt, string listJwt, string documentJson, string issuerDid, string holder)
    {
        var statusLists = new LocalStatusListCache();
        statusLists.Put(ListUrl, listJwt);
        var resolver = new DidResolver();
        resolver.Add(DidDocument.Parse(documentJson));
        var verifier = new CredentialVerifier(resolver, statusLists);
        return await verifier.VerifyCredentialAsync(jwt, new VerifierPolicy { TrustedIssuers = [issuerDid], RequireStatusCheck = true }, holder, CancellationToken.None);
    }

    /// <summary>Their verdict mapped to ours: null when valid, Revoked for their "Revoked" error kind.</summary>
    private static async Task<VerificationFailure?> TheirStatusCheckAsync(IotaIdentityPeer peer, string jwt, string listJwt, string documentJson, string alg)
    {
        JsonElement r = await peer.CallAsync(new JsonObject
        {
            ["cmd"] = "check-sl2021", ["jwt"] = jwt, ["listJwt"] = listJwt, ["doc"] = JsonNode.Parse(documentJson), ["hybrid"] = alg.StartsWith("id-", StringComparison.Ordinal),
        });
        if (r.GetProperty("valid").GetBoolean())
        {
            return null;
        }

        string kind = r.GetProperty("kind").GetString() ?? string.Empty;
        Assert.True(kind == "Revoked", "their status check failed for another reason: " + r.GetProperty("error").GetString());
        return VerificationFailure.Revoked;
    }
}
