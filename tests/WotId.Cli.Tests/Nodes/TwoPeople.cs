using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Cli.Tests.Nodes;

/// <summary>
/// Alice and Bob as `wotid` sets them up: profiles sharing one mailbox file, credentials from one trusted issuer whose
/// status list `wotid issuer serve` publishes on 127.0.0.1 (the handshake fetches it; without it, it fails closed).
/// </summary>
internal sealed class TwoPeople : IAsyncDisposable
{
    private WotidBackground? _statusServer;

    private TwoPeople(string dir)
    {
        Alice = Path.Combine(dir, "alice");
        Bob = Path.Combine(dir, "bob");
    }

    public string Alice { get; }

    public string Bob { get; }

    public static async Task<TwoPeople> CreateAsync(string dir)
    {
        var people = new TwoPeople(dir);
        string issuerHome = Path.Combine(dir, "issuer");
        string mailbox = Path.Combine(dir, "shared-mailbox.db");
        try
        {
            string issuer = await ProfileVerbTests.IssuerAsync(issuerHome, "--status-url", $"http://127.0.0.1:{LoopbackPorts.Free()}/lists/1");
            people._statusServer = WotidBackground.Start(ProfileVerbTests.Passphrase, "issuer", "serve", "--home", issuerHome);
            await people._statusServer.WaitForLineAsync(l => l.StartsWith("serving the status list at ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            foreach ((string home, string name) in new[] { (people.Alice, "Alice"), (people.Bob, "Bob") })
            {
                string did = await ProfileVerbTests.InitAsync(home, name, "--mailbox-db", mailbox);
                string credential = await ProfileVerbTests.IssueAsync(issuerHome, did, name + ".jws");
                await OkAsync("credential", "import", credential, "--home", home);
                await OkAsync("trust", "add", issuer, "--home", home);
            }
        }
        catch
        {
            await people.DisposeAsync();
            throw;
        }

        return people;
    }

    public async ValueTask DisposeAsync()
    {
        if (_statusServer is not null)
        {
            await _statusServer.DisposeAsync();
        }
    }

    /// <summary>Runs a verb that must succeed; returns its standard output. Skips the test when this build has no node runtime.</summary>
    public static async Task<string> OkAsync(params string[] args)
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, args);
        Assert.SkipWhen(r.ExitCode != 0 && r.Error.Contains("not-supported", StringComparison.Ordinal), "this build has no node runtime (WotIdNode.StartAsync is a stub)");
        Assert.True(r.ExitCode == 0, $"wotid {string.Join(' ', args)} exited {r.ExitCode}: {r.Error}");
        return r.Output;
    }

    /// <summary><see cref="OkAsync"/> with --json, parsed.</summary>
    public static async Task<JsonElement> JsonAsync(params string[] args)
    {
        string output = await OkAsync([.. args, "--json"]);
        using JsonDocument doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }
}
