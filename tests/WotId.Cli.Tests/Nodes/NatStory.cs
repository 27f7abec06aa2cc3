using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.Relay;
using WotId.Testing;

namespace WotId.Cli.Tests.Nodes;

/// <summary>
/// The people of the NAT story, as `wotid` sets them up in the namespaces of <see cref="NatNamespace"/>: one issuer
/// (its status list served by `wotid issuer serve` on 127.0.0.1 inside every namespace that runs a node, since each
/// namespace has its own loopback), a public node "hub" in "pub" (`wotid run --relay-service --autonat-service
/// --host-mailboxes --dht-listen`; 203.0.113.0/24 is a documentation range, so its AutoNAT service is told to dial
/// such addresses, and as the only public node it has no AutoNAT server of its own to ask, so it states
/// `--reachability public`), and Alice (h1) and Bob (h2) behind the two NATs, each with a mailbox hosted on the hub
/// and run with nothing but `--bootstrap` of the hub's DHT address: they find its relay and AutoNAT service there.
/// </summary>
internal sealed class NatStory : IAsyncDisposable
{
    public const string Passphrase = ProfileVerbTests.Passphrase;
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(120);
    private readonly List<WotidBackground> _background = [];
    private readonly Dictionary<string, WotidBackground> _runs = new(StringComparer.Ordinal);

    private NatStory(NatNamespace net, string dir)
    {
        Net = net;
        Dir = dir;
    }

    public NatNamespace Net { get; }

    public string Dir { get; }

    public string HubAddress { get; private set; } = string.Empty;

    public string DhtAddress { get; private set; } = string.Empty;

    public Dictionary<string, (string Home, string Did, string Namespace)> People { get; } = new(StringComparer.Ordinal);

    public static async Task<NatStory> CreateAsync(NatNamespace net)
    {
        string dir = Path.Combine(Path.GetTempPath(), "wotid-nat-story-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var story = new NatStory(net, dir);
        try
        {
            await story.SetUpAsync();
            return story;
        }
        catch
        {
            await story.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts `wotid run` for <paramref name="name"/> behind its NAT; dispose or terminate it to stop it.</summary>
    public async Task<WotidBackground> RunAsync(string name)
    {
        (string home, _, string ns) = People[name];
        WotidBackground run = Track(WotidBackground.StartIn(Net.Name(ns), Passphrase,
            "--log-level", "information", "run", "--home", home, "--bootstrap", DhtAddress));
        _runs[name] = run;
        await run.WaitForLineAsync(l => l.StartsWith("control API on ", StringComparison.Ordinal), s_start);
        return run;
    }

    /// <summary>`wotid status --json` of <paramref name="name"/>: its "reachability" object, once <paramref name="settled"/> holds.</summary>
    public async Task<JsonElement> ReachabilityAsync(string name, Func<JsonElement, bool> settled)
    {
        DateTime end = DateTime.UtcNow + s_start;
        while (true)
        {
            WotidProcess.Result r = await VerbAsync(name, "status", "--json");
            Assert.True(r.ExitCode == 0, $"status of {name}: {r.Error}");
            using JsonDocument doc = JsonDocument.Parse(r.Output);
            JsonElement reach = doc.RootElement.GetProperty("reachability").Clone();
            if (settled(reach))
            {
                return reach;
            }

            Assert.True(DateTime.UtcNow < end, $"the reachability of {name} did not settle: {reach}");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The log (standard error) of the latest `wotid run` of <paramref name="name"/>, for failure messages.</summary>
    public string LogOf(string name) => _runs.TryGetValue(name, out WotidBackground? run) ? run.Errors : "(not running)";

    /// <summary>Runs a verb of <paramref name="name"/>'s profile inside its namespace.</summary>
    public Task<WotidProcess.Result> VerbAsync(string name, params string[] args)
    {
        (string home, _, string ns) = People[name];
        return WotidProcess.RunInAsync(Net.Name(ns), Passphrase, TimeSpan.FromMinutes(2), [.. args, "--home", home]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (WotidBackground b in _background)
        {
            await b.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Dir))
        {
            Directory.Delete(Dir, recursive: true);
        }
    }

    private WotidBackground Track(WotidBackground b)
    {
        _background.Add(b);
        return b;
    }

    private async Task SetUpAsync()
    {
        string issuerHome = Path.Combine(Dir, "issuer");
        string issuer = await ProfileVerbTests.IssuerAsync(issuerHome, "--status-url", $"http://127.0.0.1:{LoopbackPorts.Free()}/lists/1");
        foreach (string ns in new[] { "pub", "h1", "h2" })
        {
            WotidBackground status = Track(WotidBackground.StartIn(Net.Name(ns), Passphrase, "issuer", "serve", "--home", issuerHome));
            await status.WaitForLineAsync(l => l.StartsWith("serving the status list at ", StringComparison.Ordinal), s_start);
        }

        // The public node: relay, DHT bootstrap and mailbox host.
        await AddPersonAsync(issuerHome, issuer, "hub", "pub", "/ip4/203.0.113.1/tcp/4001");
        WotidBackground hub = Track(WotidBackground.StartIn(Net.Name("pub"), Passphrase,
            "run", "--home", People["hub"].Home, "--relay-service", "--autonat-service", "--autonat-allow-private", "--reachability", "public",
            "--host-mailboxes", "--dht-listen", "/ip4/203.0.113.1/tcp/4101"));
        string listening = await hub.WaitForLineAsync(l => l.StartsWith("listening on /ip4/203.0.113.1/", StringComparison.Ordinal), s_start);
        HubAddress = listening["listening on ".Length..].Trim();
        string dht = await hub.WaitForLineAsync(l => l.StartsWith("DHT on ", StringComparison.Ordinal), s_start);
        DhtAddress = dht["DHT on ".Length..].Split(' ')[0];

        await AddPersonAsync(issuerHome, issuer, "alice", "h1", "/ip4/10.0.1.2/tcp/4002", "--mailbox-host", HubAddress);
        await AddPersonAsync(issuerHome, issuer, "bob", "h2", "/ip4/10.0.2.2/tcp/4002", "--mailbox-host", HubAddress);
    }

    private async Task AddPersonAsync(string issuerHome, string issuer, string name, string ns, string listen, params string[] extra)
    {
        string home = Path.Combine(Dir, name);
        WotidProcess.Result init = await WotidProcess.RunInAsync(Net.Name(ns), Passphrase, TimeSpan.FromMinutes(2),
            ["init", "--home", home, "--name", name, "--listen", listen, "--json", .. extra]);
        Assert.True(init.ExitCode == 0, $"init {name}: {init.Error}");
        string did;
        using (JsonDocument doc = JsonDocument.Parse(init.Output))
        {
            did = doc.RootElement.GetProperty("did").GetString()!;
        }

        People[name] = (home, did, ns);
        string credential = await ProfileVerbTests.IssueAsync(issuerHome, did, name + ".jws");
        await TwoPeople.OkAsync("credential", "import", credential, "--home", home);
        await TwoPeople.OkAsync("trust", "add", issuer, "--home", home);
    }
}
