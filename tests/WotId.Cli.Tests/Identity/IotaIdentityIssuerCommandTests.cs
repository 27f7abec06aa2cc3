using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Dids.Iota;
using WotId.Testing;
using WotId.Testing.Iota;

namespace WotId.Cli.Tests.Identity;

/// <summary>
/// End to end with IOTA Identity (@iota/identity-wasm 1.9.7-beta.1, interop/identity/iota-peer.mjs): the library creates
/// a did:iota issuer (ML-DSA-65 or id-MLDSA65-Ed25519 method), packs its document (<c>IotaDocument.pack()</c>) and
/// issues a VerifiedHuman VC-JWT 1.1; a fixture IOTA node on 127.0.0.1 serves those packed bytes as the Identity
/// object; a real <c>wotid</c> process resolves the issuer through <c>--iota-rpc</c> and verifies the credential.
/// </summary>
public sealed class IotaIdentityIssuerCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wotid-cli-iota-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ML-DSA-65")]
    [InlineData("id-MLDSA65-Ed25519")]
    public async Task VcVerifyAcceptsTheirCredentialFromADidIotaIssuerResolvedFromTheirPackedDocument(string alg)
    {
        string holder = "did:iota:0x" + Hex.Encode(RandomNumberGenerator.GetBytes(32));
        JsonElement issued;
        await using (var peer = Peer())
        {
            issued = await CallAsync(peer, new JsonObject { ["cmd"] = "issue", ["alg"] = alg, ["subject"] = holder, ["expOffset"] = 3600 });
        }

        string did = issued.GetProperty("did").GetString()!;
        byte[] packed = Hex.Decode(issued.GetProperty("packed").GetString()!);
        await using FixtureJsonRpcServer node = Serve(IotaDid.Parse(did), packed);
        string rpc = node.Endpoint.ToString();

        // did resolve: the document the library packed, with the issuer's method readable as a signing key.
        WotidProcess.Result resolved = await WotidProcess.RunAsync(null, "--json", "did", "resolve", did, "--iota-rpc", rpc);
        Assert.True(resolved.ExitCode == 0, resolved.Output + resolved.Error);
        JsonElement document = JsonDocument.Parse(resolved.Output).RootElement.GetProperty("document");
        Assert.Equal(did, document.GetProperty("id").GetString());
        Assert.Contains(issued.GetProperty("kid").GetString()!, document.GetRawText(), StringComparison.Ordinal);

        string jwt = issued.GetProperty("jwt").GetString()!;
        WotidProcess.Result ok = await VerifyAsync(jwt, rpc, "--trust", did, "--subject", holder);
        Assert.True(ok.ExitCode == 0, ok.Output + ok.Error);
        JsonElement verdict = JsonDocument.Parse(ok.Output).RootElement;
        Assert.Equal(did, verdict.GetProperty("issuer").GetString());
        Assert.Equal(holder, verdict.GetProperty("subject").GetString());

        int at = jwt.LastIndexOf('.') + 10;
        string tampered = jwt[..at] + (jwt[at] == 'A' ? 'B' : 'A') + jwt[(at + 1)..];
        Assert.Equal("BadSignature", await ReasonAsync(await VerifyAsync(tampered, rpc, "--trust", did)));
        Assert.Equal("UnknownIssuer", await ReasonAsync(await VerifyAsync(jwt, rpc, "--trust", "did:iota:0x" + new string('b', 64))));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("metadata")]
    public async Task VcVerifyRefusesTheirCredentialOnceTheIssuerDocumentIsDeactivated(string how)
    {
        JsonElement issued;
        await using (var peer = Peer())
        {
            issued = await CallAsync(peer, new JsonObject { ["cmd"] = "issue", ["alg"] = "ML-DSA-65", ["subject"] = "did:example:holder", ["expOffset"] = 3600 });
        }

        string did = issued.GetProperty("did").GetString()!;
        // "none": the Identity's controlled value is None; "metadata": their packed document re-packed with deactivated = true.
        IotaDid iotaDid = IotaDid.Parse(did);
        IotaPackedDocument theirs = IotaDidDocumentPacking.Unpack(Hex.Decode(issued.GetProperty("packed").GetString()!), iotaDid);
        byte[]? packed = how == "none" ? null : IotaDidDocumentPacking.Pack(theirs.DocumentJson, new IotaDocumentMetadata(theirs.Metadata.Created, theirs.Metadata.Updated, deactivated: true));
        await using FixtureJsonRpcServer node = Serve(iotaDid, packed);
        WotidProcess.Result r = await VerifyAsync(issued.GetProperty("jwt").GetString()!, node.Endpoint.ToString(), "--trust", did);
        Assert.Equal("DidUnresolvable", await ReasonAsync(r));
    }

    private async Task<WotidProcess.Result> VerifyAsync(string jwt, string rpc, params string[] extra)
    {
        string file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".jwt");
        await File.WriteAllTextAsync(file, jwt);
        return await WotidProcess.RunAsync(null, ["--json", "vc", "verify", file, "--no-status", "--iota-rpc", rpc, .. extra]);
    }

    private static Task<string?> ReasonAsync(WotidProcess.Result r)
    {
        Assert.True(r.ExitCode == 4, r.Output + r.Error);
        return Task.FromResult(JsonDocument.Parse(r.Output).RootElement.GetProperty("reason").GetString());
    }

    private static FixtureJsonRpcServer Serve(IotaDid did, byte[]? packed) => FixtureJsonRpcServer.Start((method, p) => method switch
    {
        "iota_getChainIdentifier" => JsonValue.Create(IotaIdentityFixtures.MainnetChainId),
        "iota_getObject" => IotaIdentityFixtures.IdentityObject(did.ObjectId, packed, 1_767_323_045_000, 1_767_323_046_000),
        _ => null,
    });

    private static NodeProcess Peer()
    {
        NodeProcess.RequireInstalled();
        return NodeProcess.Start("identity/iota-peer.mjs");
    }

    private static async Task<JsonElement> CallAsync(NodeProcess peer, JsonObject request)
    {
        await peer.SendLineAsync(request.ToJsonString());
        JsonElement answer = JsonDocument.Parse(await peer.ReadLineAsync(TimeSpan.FromSeconds(120))).RootElement.Clone();
        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.GetRawText());
        return answer;
    }
}
