using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Testing;
using WotId.Testing.Iota;

namespace WotId.Cli.Tests.Identity;

/// <summary>
/// <c>wotid did resolve</c> and <c>wotid vc verify</c> with a did:iota issuer, as real wotid processes: through a fixture
/// IOTA node on 127.0.0.1 (--iota-rpc, constructed answers of IotaIdentityFixtures) or offline from a DID document file.
/// </summary>
public sealed class DidIotaCommandTests : IDisposable
{
    private static readonly IotaDid s_did = IotaDid.FromObjectId("0x" + new string('a', 64), "a9c98038");
    private readonly string _dir = Directory.CreateTempSubdirectory("wotid-cli-iota-").FullName;
    private readonly SigningKey _key = SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(50, 32));

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task DidResolvePrintsTheOnChainDocumentOfADidIota()
    {
        await using FixtureJsonRpcServer node = Node();
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "--json", "did", "resolve", s_did.Value, "--iota-rpc", node.Endpoint.ToString());
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        JsonElement json = JsonDocument.Parse(r.Output).RootElement;
        Assert.True(json.GetProperty("resolved").GetBoolean());
        Assert.Equal(s_did.Value, json.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", json.GetProperty("metadata").GetProperty("created").GetString());
    }

    [Fact]
    public async Task DidResolveWithoutANodeOrFileSaysWhatToPass()
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "did", "resolve", s_did.Value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("MethodNotSupported", r.Output, StringComparison.Ordinal);
        Assert.Contains("--iota-rpc", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VcVerifyAcceptsADidIotaIssuerThroughTheNodeOrADocumentFile()
    {
        string vc = Path.Combine(_dir, "vc.jwt");
        await File.WriteAllTextAsync(vc, IssueFromDidIota());
        string[] verify = ["--json", "vc", "verify", vc, "--trust", s_did.Value, "--no-status"];

        WotidProcess.Result unresolved = await WotidProcess.RunAsync(null, verify);
        Assert.Equal(4, unresolved.ExitCode);
        Assert.Equal("DidUnresolvable", JsonDocument.Parse(unresolved.Output).RootElement.GetProperty("reason").GetString());

        await using FixtureJsonRpcServer node = Node();
        WotidProcess.Result viaNode = await WotidProcess.RunAsync(null, [.. verify, "--iota-rpc", node.Endpoint.ToString()]);
        Assert.True(viaNode.ExitCode == 0, viaNode.Output + viaNode.Error);

        string docFile = Path.Combine(_dir, "issuer.json");
        await File.WriteAllTextAsync(docFile, Document().ToJson());
        WotidProcess.Result viaFile = await WotidProcess.RunAsync(null, [.. verify, "--did-document", docFile]);
        Assert.True(viaFile.ExitCode == 0, viaFile.Output + viaFile.Error);
    }

    private DidDocument Document() => new DidDocumentBuilder(s_did.Value).AddSigningKey("sig", _key.PublicKey).Build();

    private FixtureJsonRpcServer Node()
    {
        byte[] packed = IotaDidDocumentPacking.Pack(Document(), new IotaDocumentMetadata(null, null));
        return FixtureJsonRpcServer.Start((method, p) => method switch
        {
            "iota_getChainIdentifier" => JsonValue.Create("a9c98038"),
            "iota_getObject" => IotaIdentityFixtures.IdentityObject(p[0].GetString()!, packed, 1_767_323_045_000, 1_767_323_046_000),
            _ => null,
        });
    }

    // A VerifiedHuman credential whose issuer is the did:iota DID: issued by the did:key of the same key, then the
    // issuer and kid are moved to the did:iota DID and the JWS is signed again.
    private string IssueFromDidIota()
    {
        var issuer = new CredentialIssuer(_key, new IssuerState("https://status.example/lists/1"));
        string holder = SigningKey.FromSeed(KeyAlgorithm.MLDsa44, TestSeeds.Counting(51, 32)).Did;
        string jws = issuer.IssueVerifiedHuman(holder, TimeSpan.FromDays(30)).Jws;
        string payload = Encoding.UTF8.GetString(Base64Url.Decode(jws.Split('.')[1])).Replace(_key.Did, s_did.Value, StringComparison.Ordinal);
        return CompactJws.Sign(new JwsHeader(KeyAlgorithm.MLDsa65, s_did.Value + "#sig", "vc+jwt"), Encoding.UTF8.GetBytes(payload), _key);
    }
}
