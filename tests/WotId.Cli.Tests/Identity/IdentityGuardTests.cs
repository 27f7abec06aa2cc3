// The guards of the identity commands: the key file path is printed, short passphrases and existing files are refused
// before any expensive step, `issuer init --force` never silently discards issued credentials, and issuers get
// their own status-list URL so one home can hold several issuers' lists.
using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Identity;

[Collection(nameof(PassphraseEnvironment))]
public sealed class IdentityGuardTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly string[] s_cheapKdf = ["--kdf-memory", "1024", "--kdf-iterations", "1"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-guards-" + Guid.NewGuid().ToString("N"));

    public IdentityGuardTests()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", Passphrase);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", null);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task DidNewPrintsTheKeyFilePath()
    {
        string home = Path.Combine(_dir, "a");
        (int rc, string output, _) = await RunAsync(["did", "new", "--home", home, .. s_cheapKdf]);
        Assert.Equal(ExitCodes.Ok, rc);
        Assert.Contains("key file: " + Path.Combine(home, "identity.key"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShortPassphraseIsRefusedAndNothingIsWritten()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "1234567");
        string home = Path.Combine(_dir, "short");
        (int rc, _, string error) = await RunAsync(["did", "new", "--home", home, .. s_cheapKdf]);
        Assert.Equal(ExitCodes.InvalidInput, rc);
        Assert.Contains("at least 8 characters", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(home, "identity.key")));

        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "12345678");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["did", "new", "--home", home, .. s_cheapKdf])).Rc);
    }

    [Fact]
    public async Task AnExistingKeyFileIsReportedBeforeThePassphraseIsAsked()
    {
        string home = Path.Combine(_dir, "exists");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["did", "new", "--home", home, .. s_cheapKdf])).Rc);

        // No passphrase and no terminal: the existing file must be the reason, so nothing was asked or derived.
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "did", "new", "--home", home, "--json");
        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Error);
        Assert.Equal("exists", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task IssuerInitForceRefusesToDiscardIssuedCredentials()
    {
        string home = Path.Combine(_dir, "issuer");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["issuer", "init", "--home", home, .. s_cheapKdf])).Rc);
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["issuer", "issue", "--subject", "did:example:1", "--home", home])).Rc);
        string statePath = Path.Combine(home, "issuer", "state.json");
        string state = await File.ReadAllTextAsync(statePath);

        (int rc, _, string error) = await RunAsync(["issuer", "init", "--force", "--home", home, .. s_cheapKdf]);
        Assert.Equal(ExitCodes.InvalidInput, rc);
        Assert.Contains("issued 1 credential", error, StringComparison.Ordinal);
        Assert.Contains("--discard-issued", error, StringComparison.Ordinal);
        Assert.Equal(state, await File.ReadAllTextAsync(statePath));

        (rc, string output, error) = await RunAsync(["issuer", "init", "--force", "--discard-issued", "--json", "--home", home, .. s_cheapKdf]);
        Assert.Equal(ExitCodes.Ok, rc);
        Assert.Contains("discarded the table of 1 issued credential", error, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("discardedIssued").GetInt32());
    }

    [Fact]
    public async Task IssuerInitForceReplacesAnIssuerThatIssuedNothing()
    {
        string home = Path.Combine(_dir, "fresh");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["issuer", "init", "--home", home, .. s_cheapKdf])).Rc);
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["issuer", "init", "--force", "--home", home, .. s_cheapKdf])).Rc);
    }

    [Fact]
    public async Task OneHomeVerifiesCredentialsOfTwoIssuers()
    {
        string homeA = Path.Combine(_dir, "issuer-a");
        string homeB = Path.Combine(_dir, "issuer-b");
        string didA = await InitIssuerAsync(homeA);
        string didB = await InitIssuerAsync(homeB);
        string vcA = await IssueAsync(homeA);
        string vcB = await IssueAsync(homeB);

        // The verifier's home receives both published lists (as a fetch would store them: one file per URL).
        string verifier = Path.Combine(_dir, "verifier");
        Directory.CreateDirectory(Path.Combine(verifier, "status"));
        foreach (string home in new[] { homeA, homeB })
        {
            foreach (string list in Directory.GetFiles(Path.Combine(home, "status")))
            {
                File.Copy(list, Path.Combine(verifier, "status", Path.GetFileName(list)), overwrite: false);
            }
        }

        foreach (string vc in new[] { vcA, vcB })
        {
            (int rc, string output, string error) = await RunAsync(["vc", "verify", vc, "--trust", didA, "--trust", didB, "--home", verifier]);
            Assert.True(rc == ExitCodes.Ok, output + error);
        }
    }

    [Fact]
    public async Task AMissingStatusListSaysHowToProceed()
    {
        string issuerHome = Path.Combine(_dir, "issuer-c");
        string did = await InitIssuerAsync(issuerHome);
        string vc = await IssueAsync(issuerHome);
        string verifier = Path.Combine(_dir, "verifier-without-lists");

        (int rc, string output, _) = await RunAsync(["vc", "verify", vc, "--trust", did, "--home", verifier]);
        Assert.Equal(ExitCodes.VerificationFailed, rc);
        Assert.StartsWith("invalid: StatusUnavailable:", output, StringComparison.Ordinal);
        Assert.Contains("pass --no-status", output, StringComparison.Ordinal);

        (rc, _, _) = await RunAsync(["vc", "verify", vc, "--trust", did, "--no-status", "--home", verifier]);
        Assert.Equal(ExitCodes.Ok, rc);
    }

    private async Task<string> InitIssuerAsync(string home)
    {
        (int rc, string output, string error) = await RunAsync(["issuer", "init", "--json", "--home", home, .. s_cheapKdf]);
        Assert.True(rc == ExitCodes.Ok, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("did").GetString()!;
    }

    private async Task<string> IssueAsync(string home)
    {
        string file = Path.Combine(home, "vc.jws");
        (int rc, _, string error) = await RunAsync(["issuer", "issue", "--subject", "did:example:holder", "--out", file, "--home", home]);
        Assert.True(rc == ExitCodes.Ok, error);
        return file;
    }

    private static async Task<(int Rc, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int rc = await Program.RunAsync(args, output, error, CancellationToken.None);
        return (rc, output.ToString(), error.ToString());
    }
}
