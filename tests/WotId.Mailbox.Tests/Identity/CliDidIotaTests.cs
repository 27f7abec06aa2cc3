// `wotid did publish|update|deactivate|publish-profile` run as real child processes (dotnet wotid.dll) against the scripted JSON-RPC
// node of IdentityNode on 127.0.0.1 (labelled fixtures), with --json output and a real key file.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;

namespace WotId.Mailbox.Tests.Identity;

public sealed class CliDidIotaTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "wotid-did-iota-" + Guid.NewGuid().ToString("N"));
    private readonly IotaKeyPair _controller = IotaKeyPair.Generate();

    public CliDidIotaTests()
    {
        Directory.CreateDirectory(_home);
        File.WriteAllText(KeyFile, _controller.ExportPrivateKey());
        File.WriteAllBytes(PackedFile, IdentityInputs.Document);
    }

    private string KeyFile => Path.Combine(_home, "controller.key");

    private string PackedFile => Path.Combine(_home, "doc.packed");

    public void Dispose()
    {
        _controller.Dispose();
        try
        {
            Directory.Delete(_home, true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task PublishUpdateAndDeactivateADidIotaFromTheCommandLine()
    {
        await using var node = new IdentityNode(_controller.Address);

        using JsonDocument published = Json((await RunAsync(0, node, "did", "publish", "--packed", PackedFile)).Out);
        string did = published.RootElement.GetProperty("did").GetString()!;
        Assert.Equal("did:iota:" + IdentityResponses.IdentityId, did);
        Assert.Equal(IdentityResponses.CapId, published.RootElement.GetProperty("controllerCap").GetString());
        Assert.Equal(_controller.Address.ToString(), published.RootElement.GetProperty("controller").GetString());

        using JsonDocument updated = Json((await RunAsync(0, node, "did", "update", did, "--packed", PackedFile)).Out);
        Assert.Equal(did, updated.RootElement.GetProperty("did").GetString());
        await RunAsync(0, node, "did", "deactivate", did);

        TransactionData[] txs = [.. node.Executed];
        Assert.Equal(3, txs.Length);
        Assert.All(txs, t => Assert.Equal(_controller.Address, t.Sender));
        Assert.Equal(published.RootElement.GetProperty("digest").GetString(), txs[0].GetDigest().ToString());
        Assert.Equal(new byte[] { 1, 0 }, txs[2].Kind.Inputs[2].PureBytes.ToArray());
    }

    [Fact]
    public async Task PublishAndUpdateTakeADidDocumentAsJsonAndPackIt()
    {
        await using var node = new IdentityNode(_controller.Address);
        var bitmap = new WotId.Identity.Status.RevocationBitmap();
        bitmap.Revoke(5);
        string json = "{\"id\":\"did:0:0\",\"service\":[{\"id\":\"did:0:0#revocation\",\"type\":\"RevocationBitmap2022\",\"serviceEndpoint\":\""
            + bitmap.ToEndpoint() + "\"}]}";
        string documentFile = Path.Combine(_home, "doc.json");
        File.WriteAllText(documentFile, json);

        using JsonDocument published = Json((await RunAsync(0, node, "did", "publish", "--document", documentFile)).Out);
        string did = published.RootElement.GetProperty("did").GetString()!;
        await RunAsync(0, node, "did", "update", did, "--document", documentFile);

        TransactionData[] txs = [.. node.Executed];
        Assert.Equal(2, txs.Length);
        foreach (byte[] packed in new[] { PackedInput(txs[0], 0), PackedInput(txs[1], 2) })
        {
            WotId.Identity.Dids.DidDocument document = WotId.Identity.Dids.Iota.IotaDidDocumentPacking
                .Unpack(packed, WotId.Identity.Dids.Iota.IotaDid.Parse(did)).ToDidDocument();
            WotId.Identity.Dids.DidService service = Assert.Single(document.Services);
            Assert.Equal(did + "#revocation", service.Id);
            Assert.True(WotId.Identity.Status.RevocationBitmap.FromService(service).IsRevoked(5));
        }

        await RunAsync(2, node, "did", "publish", "--document", documentFile, "--packed", PackedFile);
        await RunAsync(2, node, "did", "publish");
        File.WriteAllText(documentFile, "{\"id\":\"did:key:z6Mk\"}");
        await RunAsync(2, node, "did", "publish", "--document", documentFile);
        Assert.Equal(2, node.Executed.Count);
    }

    // The packed document inside a pure Option<vector<u8>> input: Option::Some, the ULEB128 length, the bytes.
    private static byte[] PackedInput(TransactionData tx, int input)
    {
        byte[] pure = tx.Kind.Inputs[input].PureBytes.ToArray();
        int at = 1;
        while ((pure[at++] & 0x80) != 0)
        {
        }

        return pure[at..];
    }

    [Fact]
    public async Task ChainRefusalsAndMalformedDidsGiveTheirExitCodes()
    {
        await using var node = new IdentityNode(_controller.Address) { IdentityDeleted = true };

        (_, string refused) = await RunAsync(1, node, "did", "deactivate", "did:iota:" + IdentityResponses.IdentityId);
        Assert.Equal("TransactionFailed", Json(refused).RootElement.GetProperty("error").GetProperty("code").GetString());
        await RunAsync(2, node, "did", "deactivate", "did:iota:0x1234");
        File.WriteAllText(PackedFile, "{\"doc\":{}}");
        await RunAsync(2, node, "did", "publish", "--packed", PackedFile);
        Assert.Empty(node.Executed);
        Assert.DoesNotContain("iota_executeTransactionBlock", node.Methods.ToArray());
    }

    [Fact]
    public async Task PublishProfileMakesTheProfilesKeyADidIotaAndTheProfilesDid()
    {
        await using var node = new IdentityNode(_controller.Address);
        await RunAsync(0, null, "init", "--name", "alice");

        using JsonDocument published = Json((await RunAsync(0, node, "did", "publish-profile")).Out);

        string did = published.RootElement.GetProperty("did").GetString()!;
        Assert.Equal("did:iota:" + IdentityResponses.IdentityId, did);
        TransactionData tx = Assert.Single(node.Executed);
        byte[] pure = tx.Kind.Inputs[0].PureBytes.ToArray();
        int at = 1; // Option::Some, then the ULEB128 length of the vector<u8>
        while ((pure[at++] & 0x80) != 0)
        {
        }

        byte[] packed = pure[at..];
        using (WotId.Node.Profile.Profile profile = await WotId.Node.Profile.Profile.OpenAsync(_home, Passphrase, TestContext.Current.CancellationToken))
        {
            Assert.Equal(did, profile.Did);
            Assert.Equal(did, profile.IotaDid);
            WotId.Identity.Dids.DidDocument document = WotId.Identity.Dids.Iota.IotaDidDocumentPacking
                .Unpack(packed, WotId.Identity.Dids.Iota.IotaDid.Parse(did)).ToDidDocument();
            WotId.Identity.Dids.VerificationMethod method = document.FindMethod("#mldsa65", WotId.Identity.Dids.VerificationRelationship.Authentication)!;
            Assert.Equal(profile.SigningKey.PublicKey.Key.ToArray(), method.PublicKey.Key.ToArray());
            Assert.NotNull(document.FindMethod("#mldsa65", WotId.Identity.Dids.VerificationRelationship.AssertionMethod));
        }

        (_, string again) = await RunAsync(2, node, "did", "publish-profile");
        Assert.Equal("exists", Json(again).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Single(node.Executed);
    }

    private const string Passphrase = "correct horse battery staple";

    private static JsonDocument Json(string s) => JsonDocument.Parse(s);

    private async Task<(string Out, string Err)> RunAsync(int expectedExit, IdentityNode? node, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["WOTID_PASSPHRASE"] = Passphrase;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wotid.dll"));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        string[] chain = node is null ? [] : ["--iota-rpc", node.Endpoint.ToString(), "--package", IdentityResponses.Pkg, "--iota-key", KeyFile];
        foreach (string a in (string[])[.. chain, "--home", _home, "--json"])
        {
            psi.ArgumentList.Add(a);
        }

        using System.Diagnostics.Process p = System.Diagnostics.Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        string o = await stdout;
        string e = await stderr;
        Assert.True(p.ExitCode == expectedExit, $"wotid {string.Join(' ', args)} exited {p.ExitCode}: {o} {e}");
        return (o, e);
    }
}
