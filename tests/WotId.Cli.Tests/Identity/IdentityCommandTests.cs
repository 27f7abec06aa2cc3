using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Identity;

/// <summary>The identity commands run in-process against a temporary --home, with real key files and Argon2id.</summary>
[Collection(nameof(PassphraseEnvironment))]
public sealed class IdentityCommandTests : IDisposable
{
    private static readonly string[] s_cheapKdf = ["--kdf-memory", "1024", "--kdf-iterations", "1"];
    private readonly string _home = Path.Combine(Path.GetTempPath(), "wotid-cli-identity-" + Guid.NewGuid().ToString("N"));

    public IdentityCommandTests()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "correct horse battery staple");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", null);
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task IssueVerifyRevokeRoundTrip()
    {
        (int rc, JsonElement holder) = await RunJsonAsync(["did", "new", .. s_cheapKdf]);
        Assert.Equal(0, rc);
        string holderDid = holder.GetProperty("did").GetString()!;
        Assert.StartsWith("did:key:z", holderDid, StringComparison.Ordinal);

        (rc, JsonElement shown) = await RunJsonAsync(["did", "show"]);
        Assert.Equal(0, rc);
        Assert.Equal(holderDid, shown.GetProperty("did").GetString());
        Assert.Equal("AKP", shown.GetProperty("jwk").GetProperty("kty").GetString());
        Assert.Equal("ML-DSA-65", shown.GetProperty("jwk").GetProperty("alg").GetString());
        Assert.Equal(holderDid, shown.GetProperty("document").GetProperty("id").GetString());

        (rc, JsonElement issuer) = await RunJsonAsync(["issuer", "init", .. s_cheapKdf]);
        Assert.Equal(0, rc);
        string issuerDid = issuer.GetProperty("did").GetString()!;

        (rc, JsonElement issued) = await RunJsonAsync(["issuer", "issue", "--subject", holderDid, "--valid-days", "30"]);
        Assert.Equal(0, rc);
        string vcFile = Path.Combine(_home, "vc.jws");
        await File.WriteAllTextAsync(vcFile, issued.GetProperty("jws").GetString());

        (rc, JsonElement verdict) = await RunJsonAsync(["vc", "verify", vcFile, "--trust", issuerDid, "--subject", holderDid]);
        Assert.Equal(0, rc);
        Assert.True(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal("None", verdict.GetProperty("reason").GetString());

        (rc, verdict) = await RunJsonAsync(["vc", "verify", vcFile]);
        Assert.Equal(ExitCodes.VerificationFailed, rc);
        Assert.Equal("UnknownIssuer", verdict.GetProperty("reason").GetString());
        Assert.Equal("issuer is not trusted: pass --trust DID", verdict.GetProperty("hint").GetString());

        (rc, _) = await RunJsonAsync(["issuer", "revoke", issued.GetProperty("id").GetString()!]);
        Assert.Equal(0, rc);
        (rc, verdict) = await RunJsonAsync(["vc", "verify", vcFile, "--trust", issuerDid]);
        Assert.Equal(ExitCodes.VerificationFailed, rc);
        Assert.Equal("Revoked", verdict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task IssueWithOutWritesTheJwsToTheFileAndSaysWhereInsteadOfPrintingIt()
    {
        Assert.Equal(0, (await RunJsonAsync(["issuer", "init", .. s_cheapKdf])).Rc);
        (int rc, JsonElement holder) = await RunJsonAsync(["did", "new", .. s_cheapKdf]);
        Assert.Equal(0, rc);
        string holderDid = holder.GetProperty("did").GetString()!;
        string file = Path.Combine(_home, "alice.jws");

        (rc, string output, string error) = await RunAsync(["issuer", "issue", "--subject", holderDid, "--out", file]);
        Assert.True(rc == 0, error);
        string jws = (await File.ReadAllTextAsync(file)).TrimEnd('\n');
        Assert.Equal(3, jws.Split('.').Length);
        Assert.DoesNotContain(jws, output, StringComparison.Ordinal);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^wrote credential urn:uuid:[0-9a-f-]{36} for did:key:z\S{31}…\S{12} to ", line);
        Assert.EndsWith(" to " + file, line, StringComparison.Ordinal);
        Assert.True(line.Length < 200, line);
        Assert.Equal(string.Empty, error);

        // --json with --out: the same fields as without, the JWS among them; the file holds that JWS.
        (rc, JsonElement issued) = await RunJsonAsync(["issuer", "issue", "--subject", holderDid, "--out", file]);
        Assert.Equal(0, rc);
        Assert.StartsWith("urn:uuid:", issued.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(holderDid, issued.GetProperty("subject").GetString());
        Assert.Equal(issued.GetProperty("jws").GetString(), (await File.ReadAllTextAsync(file)).TrimEnd('\n'));
        Assert.True(issued.TryGetProperty("issuer", out _) && issued.TryGetProperty("statusIndex", out _));

        // Without --out the JWS alone goes to standard output (`> vc.jws`), the id to standard error.
        (rc, output, error) = await RunAsync(["issuer", "issue", "--subject", holderDid]);
        Assert.Equal(0, rc);
        Assert.Equal(3, output.TrimEnd('\n').Split('.').Length);
        Assert.StartsWith("credential id: urn:uuid:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassphraseFailsWithoutTouchingState()
    {
        Assert.Equal(0, (await RunJsonAsync(["issuer", "init", .. s_cheapKdf])).Rc);
        string state = await File.ReadAllTextAsync(Path.Combine(_home, "issuer", "state.json"));
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "wrong");
        (int rc, _, string error) = await RunAsync(["issuer", "issue", "--subject", "did:example:123", "--json"]);
        Assert.Equal(ExitCodes.WrongPassphrase, rc);
        using JsonDocument doc = JsonDocument.Parse(error);
        Assert.Equal("wrong-passphrase", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("passphrase", doc.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(state, await File.ReadAllTextAsync(Path.Combine(_home, "issuer", "state.json")));
    }

    [Fact]
    public async Task ExistingKeyFileIsKeptUnlessForced()
    {
        Assert.Equal(0, (await RunJsonAsync(["did", "new", "--alg", "ed25519", .. s_cheapKdf])).Rc);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(["did", "new", .. s_cheapKdf])).Rc);
        (int rc, JsonElement replaced) = await RunJsonAsync(["did", "new", "--alg", "ml-dsa-44", "--force", .. s_cheapKdf]);
        Assert.Equal(0, rc);
        Assert.Equal("ml-dsa-44", replaced.GetProperty("alg").GetString());
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        Assert.Equal(2, (await RunAsync(["issuer", "issue"])).Rc);
        Assert.Equal(2, (await RunAsync(["did", "new", "--alg", "rsa"])).Rc);
        Assert.Equal(2, (await RunAsync(["vc", "verify"])).Rc);
    }

    [Fact]
    public async Task TextOutputNamesTheFailureReason()
    {
        string file = Path.Combine(_home, "garbage.jws");
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(file, "not-a-jws");
        (int rc, string output, _) = await RunAsync(["vc", "verify", file]);
        Assert.Equal(ExitCodes.VerificationFailed, rc);
        Assert.StartsWith("invalid: MalformedInput:", output, StringComparison.Ordinal);
    }

    private async Task<(int Rc, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int rc = await Program.RunAsync([.. args, "--home", _home], output, error, CancellationToken.None);
        return (rc, output.ToString(), error.ToString());
    }

    private async Task<(int Rc, JsonElement Json)> RunJsonAsync(string[] args)
    {
        (int rc, string output, string error) = await RunAsync([.. args, "--json"]);
        Assert.True(output.Length > 0, error);
        return (rc, JsonDocument.Parse(output).RootElement.Clone());
    }
}
