using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Testing;

namespace WotId.Cli.Tests.Nodes;

/// <summary><c>wotid trust add ISSUER_DID --did-document FILE</c> as real wotid processes: the document is kept in the profile.</summary>
public sealed class TrustIssuerDocumentTests : IDisposable
{
    private const string Issuer = "did:iota:0xabababababababababababababababababababababababababababababababab";
    private readonly string _dir = Directory.CreateTempSubdirectory("wotid-cli-trust-doc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TrustAddKeepsTheIssuersDidDocumentAndTrustRemoveDropsIt()
    {
        string home = Path.Combine(_dir, "alice");
        await ProfileVerbTests.InitAsync(home, "Alice");
        using SigningKey key = SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(60, 32));
        string file = Path.Combine(_dir, "issuer.json");
        // IOTA Identity's {"doc","meta"} form, as its resolver output or a DID document file.
        await File.WriteAllTextAsync(file, "{\"doc\":" + new DidDocumentBuilder(Issuer).AddSigningKey("sig", key.PublicKey).Build().ToJson() + ",\"meta\":{}}");

        WotidProcess.Result added = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "trust", "add", Issuer, "--did-document", file, "--home", home, "--json");
        Assert.True(added.ExitCode == 0, added.Error);
        JsonElement only = Assert.Single(JsonDocument.Parse(added.Output).RootElement.GetProperty("trusted").EnumerateArray());
        Assert.Equal(Issuer, only.GetProperty("did").GetString());
        Assert.True(only.GetProperty("didDocument").GetBoolean());

        WotidProcess.Result removed = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "trust", "remove", Issuer, "--home", home, "--json");
        Assert.True(removed.ExitCode == 0, removed.Error);
        WotidProcess.Result plain = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "trust", "add", Issuer, "--home", home, "--json");
        Assert.False(Assert.Single(JsonDocument.Parse(plain.Output).RootElement.GetProperty("trusted").EnumerateArray()).GetProperty("didDocument").GetBoolean());
    }

    [Fact]
    public async Task TrustAddRefusesAMissingFileADocumentOfAnotherDidAndGarbage()
    {
        string home = Path.Combine(_dir, "bob");
        await ProfileVerbTests.InitAsync(home, "Bob");
        using SigningKey key = SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(61, 32));
        string other = Path.Combine(_dir, "other.json");
        await File.WriteAllTextAsync(other, new DidDocumentBuilder("did:iota:0x" + new string('c', 64)).AddSigningKey("sig", key.PublicKey).Build().ToJson());
        string garbage = Path.Combine(_dir, "garbage.json");
        await File.WriteAllTextAsync(garbage, "{\"id\":");

        (string File, string Code)[] cases = [(Path.Combine(_dir, "absent.json"), "not-found"), (other, "usage"), (garbage, "invalid-input")];
        foreach ((string path, string code) in cases)
        {
            WotidProcess.Result r = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "trust", "add", Issuer, "--did-document", path, "--home", home, "--json");
            Assert.True(r.ExitCode == ExitCodes.InvalidInput, path + ": " + r.Output + r.Error);
            Assert.Equal(code, ProfileVerbTests.ErrorCode(r));
        }

        WotidProcess.Result listed = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "trust", "list", "--home", home, "--json");
        Assert.Empty(JsonDocument.Parse(listed.Output).RootElement.GetProperty("trusted").EnumerateArray());
    }
}
