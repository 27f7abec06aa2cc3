using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Interop;

/// <summary>
/// Credentials, presentations and did:keys cross-checked with an independent Node implementation on
/// @noble/post-quantum 0.7.1, in both directions.
/// </summary>
public sealed class NoblePeerInteropTests
{
    private const string ListUrl = "https://status.wot.id/lists/7";

    public static TheoryData<KeyAlgorithm> Algorithms() =>
        new() { KeyAlgorithm.MLDsa44, KeyAlgorithm.MLDsa65, KeyAlgorithm.MLDsa87, KeyAlgorithm.Falcon512Experimental };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task SameSeedGivesTheSameDidKeyInBothImplementations(KeyAlgorithm algorithm)
    {
        await using var node = new NodeVcPeer();
        JsonElement answer = await node.CallAsync(new JsonObject { ["cmd"] = "didkey", ["alg"] = KeyAlgorithms.JoseName(algorithm), ["seed"] = Hex.Encode(TestKeys.Seed(algorithm, 70)) });
        SigningKey key = TestKeys.Get(algorithm, 70);
        Assert.Equal(key.Did, answer.GetProperty("did").GetString());
        Assert.Equal(key.KeyId, answer.GetProperty("kid").GetString());
    }

    [Theory]
    [InlineData(KeyAlgorithm.MLDsa44)]
    [InlineData(KeyAlgorithm.MLDsa65)]
    [InlineData(KeyAlgorithm.MLDsa87)]
    public async Task DeterministicJwsSignaturesAreByteIdentical(KeyAlgorithm algorithm)
    {
        await using var node = new NodeVcPeer();
        SigningKey key = TestKeys.Get(algorithm, 71);
        const string input = "eyJhbGciOiJNTC1EU0EtNjUifQ.eyJoZWxsbyI6IndvdC5pZCJ9";
        JsonElement answer = await node.CallAsync(new JsonObject { ["cmd"] = "sign-raw", ["alg"] = KeyAlgorithms.JoseName(algorithm), ["seed"] = Hex.Encode(TestKeys.Seed(algorithm, 71)), ["input"] = input });
        Assert.Equal(Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(input), deterministic: true)), answer.GetProperty("sig").GetString());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task CredentialAndPresentationMadeInCsharpVerifyInNode(KeyAlgorithm algorithm)
    {
        await using var node = new NodeVcPeer();
        var issuer = new CredentialIssuer(TestKeys.Get(algorithm, 72), new IssuerState(ListUrl));
        SigningKey holder = TestKeys.Get(KeyAlgorithm.MLDsa65, 73);
        IssuedCredential vc = issuer.IssueVerifiedHuman(holder.Did, TimeSpan.FromDays(30));

        JsonElement verdict = await node.CallAsync(new JsonObject { ["cmd"] = "verify", ["jws"] = vc.Jws });
        Assert.True(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal("vc+jwt", verdict.GetProperty("header").GetProperty("typ").GetString());
        Assert.Equal(holder.Did, verdict.GetProperty("payload").GetProperty("credentialSubject").GetProperty("id").GetString());
        Assert.Equal("VerifiedHumanCredential", verdict.GetProperty("payload").GetProperty("type")[1].GetString());

        string tampered = vc.Jws.Replace(".eyJ", ".eyK", StringComparison.Ordinal);
        Assert.False((await node.CallAsync(new JsonObject { ["cmd"] = "verify", ["jws"] = tampered })).GetProperty("valid").GetBoolean());

        var binding = ConnectionBinding.ForHolder("12D3KooWHolder", "12D3KooWVerifier", TestKeys.IdentityKey(3));
        string vp = PresentationBuilder.Create(holder, [vc.Jws], binding, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        JsonElement vpVerdict = await node.CallAsync(new JsonObject { ["cmd"] = "verify", ["jws"] = vp });
        Assert.True(vpVerdict.GetProperty("valid").GetBoolean());
        Assert.Equal(binding.Challenge, vpVerdict.GetProperty("payload").GetProperty("nonce").GetString());
        Assert.Equal(binding.Audience, vpVerdict.GetProperty("payload").GetProperty("aud").GetString());
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task CredentialStatusListAndPresentationMadeInNodeVerifyInCsharp(KeyAlgorithm algorithm)
    {
        await using var node = new NodeVcPeer();
        string alg = KeyAlgorithms.JoseName(algorithm);
        string issuerSeed = Hex.Encode(TestKeys.Seed(algorithm, 74));
        string holderSeed = Hex.Encode(TestKeys.Seed(KeyAlgorithm.MLDsa65, 75));
        string holderDid = (await node.CallAsync(new JsonObject { ["cmd"] = "didkey", ["alg"] = "ML-DSA-65", ["seed"] = holderSeed })).GetProperty("did").GetString()!;
        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        JsonElement issued = await node.CallAsync(new JsonObject
        {
            ["cmd"] = "issue", ["alg"] = alg, ["seed"] = issuerSeed, ["subject"] = holderDid, ["id"] = "urn:uuid:" + Guid.NewGuid(),
            ["validFrom"] = now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["validUntil"] = now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["statusListUrl"] = ListUrl, ["index"] = 4242,
        });
        string issuerDid = issued.GetProperty("did").GetString()!;
        string vcJws = issued.GetProperty("jws").GetString()!;

        var lists = new LocalStatusListCache();
        var verifier = new CredentialVerifier(new DidResolver(allowExperimentalFalcon: true), lists);
        var policy = new VerifierPolicy { TrustedIssuers = [issuerDid], AllowExperimentalFalcon = true };
        lists.Put(ListUrl, await StatusListAsync(node, alg, issuerSeed, now, 1, 4243));

        var binding = ConnectionBinding.ForVerifier("12D3KooWVerifier", "12D3KooWHolder", TestKeys.IdentityKey(4), [9, 9]);
        JsonElement vp = await node.CallAsync(new JsonObject
        {
            ["cmd"] = "present", ["alg"] = "ML-DSA-65", ["seed"] = holderSeed, ["credentials"] = new JsonArray(vcJws),
            ["nonce"] = binding.Challenge, ["aud"] = binding.Audience, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
        });
        VerificationResult result = await verifier.VerifyPresentationAsync(vp.GetProperty("jws").GetString()!, policy, binding, holderDid, CancellationToken.None);
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(issuerDid, result.Credential!.Issuer);

        lists.Put(ListUrl, await StatusListAsync(node, alg, issuerSeed, now, 4242));
        VerificationResult revoked = await verifier.VerifyCredentialAsync(vcJws, policy, holderDid, CancellationToken.None);
        Assert.Equal(VerificationFailure.Revoked, revoked.Failure);
    }

    [Theory]
    [InlineData(1, 64, 1, "70617373776f7264", "736f6d6573616c74")]
    [InlineData(3, 1024, 2, "61", "0001020304050607")]
    [InlineData(2, 256, 1, "e29883", "ffffffffffffffffffffffffffffffff")]
    public async Task Argon2idMatchesNoble(int t, int m, int p, string password, string salt)
    {
        await using var node = new NodeVcPeer();
        JsonElement answer = await node.CallAsync(new JsonObject { ["cmd"] = "argon2id", ["password"] = password, ["salt"] = salt, ["t"] = t, ["m"] = m, ["p"] = p, ["dkLen"] = 32 });
        byte[] key = new byte[32];
        Crypto.Argon2id.DeriveKey(Hex.Decode(password), Hex.Decode(salt), m, t, p, key);
        Assert.Equal(answer.GetProperty("key").GetString(), Hex.Encode(key));
    }

    private static async Task<string> StatusListAsync(NodeVcPeer node, string alg, string seed, DateTimeOffset now, params int[] revoked)
    {
        var list = new JsonArray();
        foreach (int i in revoked)
        {
            list.Add(i);
        }

        JsonElement answer = await node.CallAsync(new JsonObject
        {
            ["cmd"] = "status-list", ["alg"] = alg, ["seed"] = seed, ["url"] = ListUrl, ["revoked"] = list,
            ["validFrom"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
        return answer.GetProperty("jws").GetString()!;
    }
}
