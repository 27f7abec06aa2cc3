using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Behaviour;

/// <summary>One row per failure reason (and the valid cases): each row breaks exactly one thing.</summary>
public sealed class VerificationFailureTableTests
{
    private const string PeerA = "12D3KooWHolderAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string PeerB = "12D3KooWVerifierBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private const string PeerC = "12D3KooWOtherCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

    private static readonly Dictionary<string, (VerificationFailure Expected, Func<VerifierFixture, ValueTask<VerificationResult>> Run)> s_rows = new()
    {
        ["valid credential"] = (VerificationFailure.None, f => f.VerifyAsync()),
        ["valid presentation"] = (VerificationFailure.None, f => f.VerifyPresentationAsync(f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1)), VerifierFixture.VerifierSide(PeerB, PeerA, 1))),
        ["garbage"] = (VerificationFailure.MalformedInput, f => f.VerifyAsync("not.a.jws")),
        ["vp+jwt given as credential"] = (VerificationFailure.MalformedInput, f => f.VerifyAsync(f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1)))),
        ["flipped signature bit"] = (VerificationFailure.BadSignature, f => f.VerifyAsync(FlipSignature(f.Credential.Jws))),
        ["kid of another DID"] = (VerificationFailure.BadSignature, f => f.VerifyAsync(Resign(f, f.Holder, f.Holder.KeyId))),
        ["untrusted issuer"] = (VerificationFailure.UnknownIssuer, f => f.VerifyAsync(new CredentialIssuer(TestKeys.Get(KeyAlgorithm.MLDsa65, 42), new IssuerState(VerifierFixture.ListUrl), f.Time).IssueVerifiedHuman(f.Holder.Did, TimeSpan.FromDays(1)).Jws)),
        ["did:iota issuer"] = (VerificationFailure.DidUnresolvable, f => IotaIssuer(f)),
        ["after validUntil"] = (VerificationFailure.Expired, f => { f.Time.Now += TimeSpan.FromDays(366); return f.VerifyAsync(); }),
        ["older than max age"] = (VerificationFailure.Expired, f => { f.Policy = WithPolicy(f, p => new VerifierPolicy { TrustedIssuers = p.TrustedIssuers, MaxCredentialAge = TimeSpan.FromDays(1) }); f.Time.Now += TimeSpan.FromDays(2); return f.VerifyAsync(); }),
        ["before validFrom"] = (VerificationFailure.NotYetValid, f => { f.Time.Now -= TimeSpan.FromDays(1); return f.VerifyAsync(); }),
        ["revoked"] = (VerificationFailure.Revoked, f => { Assert.True(f.Issuer.Revoke(f.Credential.Id)); f.Publish(); return f.VerifyAsync(); }),
        ["no status list"] = (VerificationFailure.StatusUnavailable, f => new CredentialVerifier(f.Resolver, new Status.LocalStatusListCache(), f.Nonces, f.Time).VerifyCredentialAsync(f.Credential.Jws, f.Policy, null, default)),
        ["status list by someone else"] = (VerificationFailure.StatusUnavailable, f => { f.StatusLists.Put(VerifierFixture.ListUrl, ForgedList(f)); return f.VerifyAsync(); }),
        ["status list past its validUntil"] = (VerificationFailure.StatusUnavailable, f => { f.Time.Now += StatusListCredential.DefaultLifetime + TimeSpan.FromHours(1); return f.VerifyAsync(); }),
        ["status list re-issued after its lifetime"] = (VerificationFailure.None, f => { f.Time.Now += StatusListCredential.DefaultLifetime + TimeSpan.FromHours(1); f.Publish(); return f.VerifyAsync(); }),
        ["status list older than the freshness bound"] = (VerificationFailure.StatusUnavailable, f => { f.StatusLists.Put(VerifierFixture.ListUrl, IssuerList(f, list => list, validUntil: null)); f.Time.Now += TimeSpan.FromDays(8); return f.VerifyAsync(); }),
        ["status list without id"] = (VerificationFailure.StatusUnavailable, f => { f.StatusLists.Put(VerifierFixture.ListUrl, IssuerList(f, list => { list.Remove("id"); return list; }, f.Time.Now.AddDays(1))); return f.VerifyAsync(); }),
        ["status list not yet valid"] = (VerificationFailure.StatusUnavailable, f => { f.Time.Now += TimeSpan.FromHours(1); f.Publish(); f.Time.Now -= TimeSpan.FromHours(1); return f.VerifyAsync(); }),
        ["status list with another typ"] = (VerificationFailure.StatusUnavailable, f => { f.StatusLists.Put(VerifierFixture.ListUrl, IssuerList(f, list => list, f.Time.Now.AddDays(1), typ: "JWT")); return f.VerifyAsync(); }),
        ["other subject"] = (VerificationFailure.WrongSubject, f => f.VerifyAsync(subject: TestKeys.Get(KeyAlgorithm.MLDsa65, 43).Did)),
        ["credential for another holder in a presentation"] = (VerificationFailure.WrongSubject, f => f.VerifyPresentationAsync(f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1), f.Issuer.IssueVerifiedHuman(TestKeys.Get(KeyAlgorithm.MLDsa65, 43).Did, TimeSpan.FromDays(1)).Jws), VerifierFixture.VerifierSide(PeerB, PeerA, 1))),
        ["type not accepted"] = (VerificationFailure.WrongType, f => { f.Policy = WithPolicy(f, p => new VerifierPolicy { TrustedIssuers = p.TrustedIssuers, AcceptedTypes = ["EmployeeCredential"] }); return f.VerifyAsync(); }),
        ["presentation for another verifier"] = (VerificationFailure.NotBound, f => f.VerifyPresentationAsync(f.Present(VerifierFixture.HolderSide(PeerA, PeerC, 1)), VerifierFixture.VerifierSide(PeerB, PeerA, 1))),
        ["presentation bound to another Signal identity"] = (VerificationFailure.NotBound, f => f.VerifyPresentationAsync(f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1)), VerifierFixture.VerifierSide(PeerB, PeerA, 2))),
        ["presentation replayed"] = (VerificationFailure.ReplayedNonce, Replay),
        ["presentation expired"] = (VerificationFailure.Expired, f => { string vp = f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1)); f.Time.Now += TimeSpan.FromMinutes(30); return f.VerifyPresentationAsync(vp, VerifierFixture.VerifierSide(PeerB, PeerA, 1)); }),
        ["Falcon-512 not allowed"] = (VerificationFailure.AlgorithmNotAllowed, f => new VerifierFixture(KeyAlgorithm.Falcon512Experimental, 44).VerifyAsync()),
        ["Ed25519 presentation not allowed"] = (VerificationFailure.AlgorithmNotAllowed, f => Ed25519Presentation(f)),
    };

    public static TheoryData<string> Rows() => new(s_rows.Keys);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachRowFailsForExactlyItsReason(string row)
    {
        (VerificationFailure expected, Func<VerifierFixture, ValueTask<VerificationResult>> run) = s_rows[row];
        VerificationResult result = await run(new VerifierFixture());
        Assert.True(expected == result.Failure, $"{row}: expected {expected}, got {result}");
        Assert.Equal(expected == VerificationFailure.None, result.IsValid);
    }

    [Fact]
    public void EveryFailureReasonHasARow()
    {
        IEnumerable<VerificationFailure> covered = s_rows.Values.Select(r => r.Expected).Distinct();
        Assert.Empty(Enum.GetValues<VerificationFailure>().Except(covered));
    }

    [Fact]
    public async Task Falcon512VerifiesWhenThePolicyOptsIn()
    {
        var f = new VerifierFixture(KeyAlgorithm.Falcon512Experimental, 44);
        f.Policy = WithPolicy(f, p => new VerifierPolicy { TrustedIssuers = p.TrustedIssuers, AllowExperimentalFalcon = true });
        Assert.Equal(VerificationFailure.None, (await f.VerifyAsync()).Failure);
    }

    [Fact]
    public async Task Ed25519HolderPresentationVerifiesWhenClassicalSignaturesAreAllowed()
    {
        var f = new VerifierFixture();
        f.Policy = WithPolicy(f, p => new VerifierPolicy { TrustedIssuers = p.TrustedIssuers, AllowClassicalSignatures = true });
        VerificationResult result = await Ed25519Presentation(f);
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void IssuersMustUsePostQuantumKeys() =>
        Assert.Throws<ArgumentException>(() => new CredentialIssuer(TestKeys.Get(KeyAlgorithm.Ed25519, 46), new IssuerState(VerifierFixture.ListUrl)));

    private static ValueTask<VerificationResult> Ed25519Presentation(VerifierFixture f)
    {
        SigningKey holder = TestKeys.Get(KeyAlgorithm.Ed25519, 47);
        string vc = f.Issuer.IssueVerifiedHuman(holder.Did, TimeSpan.FromDays(1)).Jws;
        f.Publish();
        string vp = PresentationBuilder.Create(holder, [vc], VerifierFixture.HolderSide(PeerA, PeerB, 1), f.Time.Now, TimeSpan.FromMinutes(5));
        Assert.Contains("\"Ed25519\"", System.Text.Encoding.UTF8.GetString(Base64Url.Decode(vp.AsSpan(0, vp.IndexOf('.', StringComparison.Ordinal)))), StringComparison.Ordinal);
        return f.Verifier.VerifyPresentationAsync(vp, f.Policy, VerifierFixture.VerifierSide(PeerB, PeerA, 1), holder.Did, default);
    }

    private static VerifierPolicy WithPolicy(VerifierFixture f, Func<VerifierPolicy, VerifierPolicy> change) => change(f.Policy);

    private static async ValueTask<VerificationResult> Replay(VerifierFixture f)
    {
        string vp = f.Present(VerifierFixture.HolderSide(PeerA, PeerB, 1));
        VerificationResult first = await f.VerifyPresentationAsync(vp, VerifierFixture.VerifierSide(PeerB, PeerA, 1));
        Assert.True(first.IsValid, first.ToString());
        return await f.VerifyPresentationAsync(vp, VerifierFixture.VerifierSide(PeerB, PeerA, 1));
    }

    private static string FlipSignature(string jws)
    {
        int dot = jws.LastIndexOf('.');
        byte[] sig = Base64Url.Decode(jws.AsSpan(dot + 1));
        sig[10] ^= 0x01;
        return jws[..(dot + 1)] + Base64Url.Encode(sig);
    }

    private static string Resign(VerifierFixture f, SigningKey key, string kid)
    {
        CompactJws parsed = CompactJws.Parse(f.Credential.Jws);
        return CompactJws.Sign(new JwsHeader(key.Algorithm, kid, CredentialTerms.VcJwtType), parsed.Payload.Span, key);
    }

    private static ValueTask<VerificationResult> IotaIssuer(VerifierFixture f)
    {
        const string iota = "did:iota:0x0000000000000000000000000000000000000000000000000000000000000001";
        var vc = new VerifiedHumanCredential
        {
            Id = "urn:uuid:00000000-0000-4000-8000-000000000001",
            Issuer = iota,
            SubjectId = f.Holder.Did,
            ValidFrom = f.Time.Now,
            ValidUntil = f.Time.Now.AddDays(1),
            VerifiedAt = f.Time.Now,
        };
        string jws = CompactJws.Sign(new JwsHeader(KeyAlgorithm.MLDsa65, iota + "#sig", CredentialTerms.VcJwtType), vc.ToJsonBytes(), f.IssuerKey);
        f.Policy = WithPolicy(f, p => new VerifierPolicy { TrustedIssuers = [iota] });
        return f.VerifyAsync(jws);
    }

    /// <summary>A list signed by the fixture's own issuer key, its JSON changed by <paramref name="edit"/>.</summary>
    private static string IssuerList(VerifierFixture f, Func<JsonObject, JsonObject> edit, DateTimeOffset? validUntil, string typ = CredentialTerms.VcJwtType)
    {
        byte[] payload = StatusListCredential.Write(f.Issuer.Did, VerifierFixture.ListUrl, "revocation", f.Issuer.State.List, f.Time.Now, validUntil);
        JsonObject json = edit(JsonNode.Parse(payload)!.AsObject());
        return CompactJws.Sign(new JwsHeader(f.IssuerKey.Algorithm, f.IssuerKey.KeyId, typ), JsonSerializer.SerializeToUtf8Bytes(json), f.IssuerKey);
    }

    private static string ForgedList(VerifierFixture f)
    {
        SigningKey forger = TestKeys.Get(KeyAlgorithm.MLDsa65, 45);
        byte[] payload = StatusListCredential.Write(f.Issuer.Did, VerifierFixture.ListUrl, "revocation", BitstringStatusList.Create(), f.Time.Now, null);
        return CompactJws.Sign(new JwsHeader(forger.Algorithm, forger.KeyId, CredentialTerms.VcJwtType), payload, forger);
    }
}
