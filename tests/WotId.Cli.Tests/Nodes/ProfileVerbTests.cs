// init, credential import and trust as a person runs them: real child processes, real Argon2id (the profile's
// default cost; each verb that opens the profile derives the key once), real SQLite.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed class ProfileVerbTests : IDisposable
{
    internal const string Passphrase = "correct horse battery staple";
    internal static readonly string[] CheapKdf = ["--kdf-memory", "1024", "--kdf-iterations", "1"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-profile-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task InitPrintsWhoTheProfileIsAndWhereItListens()
    {
        string home = Path.Combine(_dir, "alice");
        string mailbox = Path.Combine(_dir, "shared", "mailbox.db");
        WotidProcess.Result r = await WotidProcess.RunAsync(Passphrase, "init", "--home", home, "--name", "Alice", "--listen", "/ip4/127.0.0.1/tcp/0", "--mailbox-db", mailbox, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement init = doc.RootElement;
        Assert.Equal("Alice", init.GetProperty("name").GetString());
        string did = init.GetProperty("did").GetString()!;
        Assert.StartsWith("did:key:z", did, StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$", init.GetProperty("fingerprint").GetString());
        string peerId = init.GetProperty("peerId").GetString()!;
        string address = Assert.Single(init.GetProperty("addresses").EnumerateArray()).GetString()!;
        Assert.Matches("^/ip4/127.0.0.1/tcp/[1-9][0-9]*/p2p/" + peerId + "$", address);
        Assert.Equal(mailbox, init.GetProperty("mailbox").GetString());
        Assert.True(File.Exists(mailbox));

        WotidProcess.Result text = await WotidProcess.RunAsync(Passphrase, "init", "--home", Path.Combine(_dir, "bob"), "--name", "Bob");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("fingerprint: ", text.Output, StringComparison.Ordinal);
        Assert.Contains("next steps:", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("did:key:", text.Output, StringComparison.Ordinal);

        WotidProcess.Result again = await WotidProcess.RunAsync(Passphrase, "init", "--home", home, "--name", "Alice", "--json");
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Equal("exists", ErrorCode(again));
    }

    [Fact]
    public async Task StatusOfANewProfileShowsItsDidBeforeAnyCredential()
    {
        // The README's step 2: the DID an issuer needs comes from `wotid status --json` (field did), before the
        // profile has a credential (a node cannot start without one).
        string home = Path.Combine(_dir, "alice");
        string did = await InitAsync(home, "Alice");
        WotidProcess.Result r = await WotidProcess.RunAsync(Passphrase, "status", "--home", home, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement status = doc.RootElement;
        Assert.Equal(did, status.GetProperty("did").GetString());
        Assert.Equal("Alice", status.GetProperty("name").GetString());
        string peerId = status.GetProperty("peerId").GetString()!;
        Assert.Matches("^/ip4/127.0.0.1/tcp/[1-9][0-9]*/p2p/" + peerId + "$", Assert.Single(status.GetProperty("addresses").EnumerateArray()).GetString());
        Assert.False(status.TryGetProperty("credential", out JsonElement credential) && credential.ValueKind != JsonValueKind.Null);
        Assert.Equal(0, status.GetProperty("contacts").GetInt32());

        WotidProcess.Result text = await WotidProcess.RunAsync(Passphrase, "status", "--home", home);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("credential:  none (`wotid credential import FILE`)", text.Output, StringComparison.Ordinal);

        WotidProcess.Result wrong = await WotidProcess.RunAsync("not the passphrase", "status", "--home", home, "--json");
        Assert.Equal(ExitCodes.WrongPassphrase, wrong.ExitCode);
    }

    [Fact]
    public async Task CredentialImportAcceptsOnlyTheProfilesOwnCredential()
    {
        string home = Path.Combine(_dir, "alice");
        string issuerHome = Path.Combine(_dir, "issuer");
        string did = await InitAsync(home, "Alice");
        string issuer = await IssuerAsync(issuerHome);
        string good = await IssueAsync(issuerHome, did, "good.jws");

        WotidProcess.Result imported = await WotidProcess.RunAsync(Passphrase, "credential", "import", good, "--home", home, "--json");
        Assert.True(imported.ExitCode == 0, imported.Error);
        using (JsonDocument doc = JsonDocument.Parse(imported.Output))
        {
            Assert.Equal(issuer, doc.RootElement.GetProperty("issuer").GetString());
            Assert.False(doc.RootElement.GetProperty("issuerTrusted").GetBoolean());
        }

        string other = await IssueAsync(issuerHome, issuer, "other.jws");
        WotidProcess.Result wrongSubject = await WotidProcess.RunAsync(Passphrase, "credential", "import", other, "--home", home, "--json");
        Assert.Equal(ExitCodes.VerificationFailed, wrongSubject.ExitCode);
        Assert.Equal("invalid-credential", ErrorCode(wrongSubject));
        Assert.Contains("WrongSubject", wrongSubject.Error, StringComparison.Ordinal);

        string garbage = Path.Combine(_dir, "garbage.jws");
        await File.WriteAllTextAsync(garbage, "eyJhbGciOi.not-a-jws");
        WotidProcess.Result notJws = await WotidProcess.RunAsync(null, "credential", "import", garbage, "--home", home, "--json");
        Assert.Equal(ExitCodes.InvalidInput, notJws.ExitCode);
        Assert.Equal("invalid-credential", ErrorCode(notJws));
        Assert.Single(WotidProcess.Lines(notJws.Error));
    }

    [Fact]
    public async Task TrustAddListRemove()
    {
        string home = Path.Combine(_dir, "alice");
        await InitAsync(home, "Alice");
        string issuer = await IssuerAsync(Path.Combine(_dir, "issuer"));

        WotidProcess.Result added = await WotidProcess.RunAsync(Passphrase, "trust", "add", issuer, "--home", home);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.StartsWith("trusted ", added.Output, StringComparison.Ordinal);
        WotidProcess.Result listed = await WotidProcess.RunAsync(Passphrase, "trust", "list", "--home", home, "--json");
        Assert.True(listed.ExitCode == 0, listed.Error);
        using (JsonDocument doc = JsonDocument.Parse(listed.Output))
        {
            JsonElement only = Assert.Single(doc.RootElement.GetProperty("trusted").EnumerateArray());
            Assert.Equal(issuer, only.GetProperty("did").GetString());
            Assert.Equal(19, only.GetProperty("fingerprint").GetString()!.Length);
        }

        WotidProcess.Result removed = await WotidProcess.RunAsync(Passphrase, "trust", "remove", issuer, "--home", home, "--json");
        Assert.True(removed.ExitCode == 0, removed.Error);
        using (JsonDocument doc = JsonDocument.Parse(removed.Output))
        {
            Assert.Empty(doc.RootElement.GetProperty("trusted").EnumerateArray());
        }

        WotidProcess.Result again = await WotidProcess.RunAsync(Passphrase, "trust", "remove", issuer, "--home", home, "--json");
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Equal("not-found", ErrorCode(again));
    }

    internal static async Task<string> InitAsync(string home, string name, params string[] extra)
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(Passphrase, ["init", "--home", home, "--name", name, "--json", .. extra]);
        Assert.True(r.ExitCode == 0, r.Error);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        return doc.RootElement.GetProperty("did").GetString()!;
    }

    internal static async Task<string> IssuerAsync(string issuerHome, params string[] extra)
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(Passphrase, ["issuer", "init", "--home", issuerHome, "--json", .. CheapKdf, .. extra]);
        Assert.True(r.ExitCode == 0, r.Error);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        return doc.RootElement.GetProperty("did").GetString()!;
    }

    internal static async Task<string> IssueAsync(string issuerHome, string subject, string fileName)
    {
        string file = Path.Combine(Path.GetDirectoryName(issuerHome)!, fileName);
        WotidProcess.Result r = await WotidProcess.RunAsync(Passphrase, "issuer", "issue", "--home", issuerHome, "--subject", subject, "--out", file, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        return file;
    }

    internal static string ErrorCode(WotidProcess.Result r)
    {
        string line = Assert.Single(WotidProcess.Lines(r.Error));
        using JsonDocument doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }
}
