// Two people as they run `wotid` (real child processes, real TCP on 127.0.0.1): Bob keeps his mailbox on the IOTA
// chain (the JSON-RPC node is the scripted node on a real 127.0.0.1 socket answering from ChainModel, the model of the
// wotid_mailbox package; no live IOTA network is contacted), and Bob imports a credential while `wotid run` runs.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Tests.Contract;
using WotId.Mailbox.Tests.Rpc;
using WotId.Mailbox.Types;
using WotId.Testing;

namespace WotId.Cli.Tests.Nodes;

public sealed class LiveProfileVerbTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-live-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task MessageToAnOfflineContactGoesToItsIotaMailboxAndIsClaimedOnce()
    {
        await using ScriptedNode rpc = ScriptedNode.Start(new ChainModel(IotaAddress.Parse(DocumentedResponses.Package)));
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        JsonElement chain = await TwoPeople.JsonAsync("mailbox", "use-iota", "--iota-rpc", rpc.Endpoint.ToString(), "--package", DocumentedResponses.Package, "--home", p.Bob);
        Assert.Equal("iota", chain.GetProperty("kind").GetString());
        JsonElement mailbox = (await TwoPeople.JsonAsync("status", "--home", p.Bob)).GetProperty("mailbox");
        Assert.Equal(("iota", chain.GetProperty("mailbox").GetString()), (mailbox.GetProperty("kind").GetString(), mailbox.GetProperty("id").GetString()));
        await NetworkedVerbTests.ConnectAsync(p);

        JsonElement sent = await TwoPeople.JsonAsync("send", "bob", "hello on chain", "--home", p.Alice);
        Assert.Equal("mailbox", sent.GetProperty("delivered").GetString());
        string id = sent.GetProperty("id").GetString()!;
        Assert.Contains("iota_executeTransactionBlock", rpc.Methods);

        await using (WotidBackground bob = WotidBackground.Start(ProfileVerbTests.Passphrase, "run", "--json", "--home", p.Bob))
        {
            await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"message.received\"", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal), s_wait);
            Assert.Equal(0, await bob.TerminateAsync(s_wait));
        }

        JsonElement[] inbox = [.. (await TwoPeople.JsonAsync("inbox", "--home", p.Bob)).EnumerateArray()];
        JsonElement only = Assert.Single(inbox);
        Assert.Equal((id, "hello on chain", "mailbox"), (only.GetProperty("id").GetString(), only.GetProperty("text").GetString(), only.GetProperty("via").GetString()));
    }

    [Fact]
    public async Task CredentialImportedIntoARunningNodeCountsAtTheNextHandshake()
    {
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        string bobDid = (await TwoPeople.JsonAsync("status", "--home", p.Bob)).GetProperty("did").GetString()!;
        // Bob's credential comes from an issuer Alice does not trust.
        string stranger = Path.Combine(_dir, "stranger", "issuer");
        await ProfileVerbTests.IssuerAsync(stranger, "--status-url", $"http://127.0.0.1:{LoopbackPorts.Free()}/lists/9");
        await TwoPeople.OkAsync("credential", "import", await ProfileVerbTests.IssueAsync(stranger, bobDid, "bob-untrusted.jws"), "--home", p.Bob);
        await NetworkedVerbTests.ConnectAsync(p);

        await using WotidBackground bob = WotidBackground.Start(ProfileVerbTests.Passphrase, "run", "--json", "--home", p.Bob);
        await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"node.started\"", StringComparison.Ordinal), s_wait);
        Assert.Equal("mailbox", (await TwoPeople.JsonAsync("send", "bob", "first", "--home", p.Alice)).GetProperty("delivered").GetString());

        // Through the control API of the running node: no restart.
        string fresh = await ProfileVerbTests.IssueAsync(Path.Combine(_dir, "issuer"), bobDid, "bob-trusted.jws");
        JsonElement imported = await TwoPeople.JsonAsync("credential", "import", fresh, "--home", p.Bob);
        Assert.True(imported.GetProperty("runningNode").GetBoolean());
        Assert.True(imported.GetProperty("issuerTrusted").GetBoolean());
        JsonElement credential = (await TwoPeople.JsonAsync("status", "--home", p.Bob)).GetProperty("credential");
        Assert.Equal(imported.GetProperty("issuer").GetString(), credential.GetProperty("issuer").GetString());

        JsonElement second = await TwoPeople.JsonAsync("send", "bob", "second", "--home", p.Alice);
        Assert.Equal("direct", second.GetProperty("delivered").GetString());
        string id = second.GetProperty("id").GetString()!;
        await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"message.received\"", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal), s_wait);
        Assert.Equal(0, await bob.TerminateAsync(s_wait));
    }
}
