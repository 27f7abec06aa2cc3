// The node verbs' error paths, each a real child process: one error line, its stable code and documented exit code.
using System;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed class NodeVerbErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-node-errors-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task EveryNodeVerbFailsWithItsCodeAndExitCode()
    {
        string home = Path.Combine(_dir, "alice");
        string empty = Path.Combine(_dir, "empty");
        await ProfileVerbTests.InitAsync(home, "Alice");
        string pass = ProfileVerbTests.Passphrase;
        var rows = new (string Name, string? Passphrase, string[] Args, string Code, int Exit)[]
        {
            ("status without a profile", pass, ["status", "--home", empty], "no-profile", ExitCodes.InvalidInput),
            ("run without a profile", pass, ["run", "--home", empty], "no-profile", ExitCodes.InvalidInput),
            ("trust list without a profile", pass, ["trust", "list", "--home", empty], "no-profile", ExitCodes.InvalidInput),
            ("init without a name", pass, ["init", "--home", empty], "usage", ExitCodes.InvalidInput),
            ("init with a bad listen address", pass, ["init", "--home", empty, "--name", "x", "--listen", "/ip4/nope"], "invalid-input", ExitCodes.InvalidInput),
            ("init with a short passphrase", "short", ["init", "--home", empty, "--name", "x"], "usage", ExitCodes.InvalidInput),
            ("init without a passphrase or terminal", null, ["init", "--home", empty, "--name", "x"], "no-passphrase", ExitCodes.InvalidInput),
            ("wrong passphrase", "not the passphrase", ["trust", "list", "--home", home], "wrong-passphrase", ExitCodes.WrongPassphrase),
            ("trust add of a non-DID", pass, ["trust", "add", "issuer", "--home", home], "usage", ExitCodes.InvalidInput),
            ("trust add of a did:key cut short", pass, ["trust", "add", "did:key:z5FbhqcWo9BySQnnNPBnxwHqhmixj89d…sdchN1sgLFC5", "--home", home], "usage", ExitCodes.InvalidInput),
            ("trust add of a did:key without a key", pass, ["trust", "add", "did:key:zBogus", "--home", home], "usage", ExitCodes.InvalidInput),
            ("trust add of a malformed did:iota", pass, ["trust", "add", "did:iota:0xnothex", "--home", home], "usage", ExitCodes.InvalidInput),
            ("credential import of a missing file", pass, ["credential", "import", Path.Combine(_dir, "none.jws"), "--home", home], "not-found", ExitCodes.InvalidInput),
            ("contact add of garbage", pass, ["contact", "add", "https://example.com/", "--home", home], "invalid-invitation", ExitCodes.InvalidInput),
            ("contact add of a URI that is not base32", pass, ["contact", "add", "wotid:1/not base32!", "--home", home], "invalid-invitation", ExitCodes.InvalidInput),
            ("send of empty text", pass, ["send", "bob", "", "--home", home], "usage", ExitCodes.InvalidInput),
            ("issuer serve without an issuer", pass, ["issuer", "serve", "--home", empty], "no-issuer", ExitCodes.InvalidInput),
            ("chat without a contact", pass, ["chat", "--home", home], "usage", ExitCodes.InvalidInput),
        };
        foreach ((string name, string? passphrase, string[] args, string code, int exit) in rows)
        {
            WotidProcess.Result r = await WotidProcess.RunAsync(passphrase, [.. args, "--json"]);
            Assert.True(r.ExitCode == exit, $"{name}: exit {r.ExitCode}, expected {exit}: {r.Error}");
            Assert.True(ProfileVerbTests.ErrorCode(r) == code, $"{name}: {r.Error}");
            Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        }

        WotidProcess.Result trusted = await WotidProcess.RunAsync(pass, "trust", "list", "--home", home, "--json");
        Assert.Contains("\"trusted\": []", trusted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsEveryVerbWithADescription()
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string verb in new[] { "init", "credential", "trust", "status", "invite", "contact", "contacts", "run", "send", "inbox", "chat", "issuer" })
        {
            Assert.Matches($"(?m)^\\s+{verb}\\s+\\S.*$", r.Output);
        }

        WotidProcess.Result contact = await WotidProcess.RunAsync(null, "contact", "--help");
        foreach (string verb in new[] { "add", "show", "accept" })
        {
            Assert.Matches($"(?m)^\\s+{verb}\\s+\\S.*$", contact.Output);
        }

        WotidProcess.Result issuer = await WotidProcess.RunAsync(null, "issuer", "--help");
        Assert.Matches("(?m)^\\s+serve\\s+\\S.*$", issuer.Output);
    }
}
