// The verbs that work through a node, as two people run them: real child processes, real TCP on 127.0.0.1, a shared
// embedded mailbox file. Skipped (with the reason) in a build whose node runtime is still a stub.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed class NetworkedVerbTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-net-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task StatusInviteAndContactAddBetweenTwoProfiles()
    {
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        JsonElement status = await TwoPeople.JsonAsync("status", "--home", p.Alice);
        string did = status.GetProperty("did").GetString()!;
        string fingerprint = status.GetProperty("fingerprint").GetString()!;
        Assert.StartsWith("did:key:z", did, StringComparison.Ordinal);
        Assert.Equal(19, fingerprint.Length);
        Assert.StartsWith("12D3KooW", status.GetProperty("peerId").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(status.GetProperty("addresses").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, status.GetProperty("credential").ValueKind);
        Assert.Equal("Alice", status.GetProperty("name").GetString());
        JsonElement network = status.GetProperty("network");
        Assert.Equal(0, network.GetProperty("pendingInbound").GetInt32());
        Assert.True(network.GetProperty("memoryBytes").GetInt64() >= 0);
        Assert.InRange(network.GetProperty("bufferedBytes").GetInt64(), 0, network.GetProperty("memoryBytes").GetInt64());
        Assert.Equal(0, network.GetProperty("refusals").GetProperty("transient").GetInt64());
        JsonElement reachability = status.GetProperty("reachability");
        Assert.Equal("unknown", reachability.GetProperty("state").GetString());
        Assert.Equal("none", reachability.GetProperty("source").GetString());
        Assert.Empty(reachability.GetProperty("relayedAddresses").EnumerateArray());

        string text = await TwoPeople.OkAsync("status", "--home", p.Alice);
        Assert.Contains(fingerprint, text, StringComparison.Ordinal);
        Assert.DoesNotContain("did:key:", text, StringComparison.Ordinal);
        Assert.Contains("refusals:    system 0", text, StringComparison.Ordinal);
        Assert.Contains(" MiB buffered; ", text, StringComparison.Ordinal);
        Assert.Contains("reachability: unknown (none)", text, StringComparison.Ordinal);
        Assert.Contains("dht:         off (no --bootstrap, no --dht-listen)", text, StringComparison.Ordinal);
        Assert.False(status.TryGetProperty("dht", out _));

        string uri = (await TwoPeople.JsonAsync("invite", "--home", p.Alice)).GetProperty("uri").GetString()!;
        Assert.StartsWith("wotid:1/", uri, StringComparison.Ordinal);
        string shown = await TwoPeople.OkAsync("invite", "--home", p.Alice);
        Assert.Contains("scan all", shown, StringComparison.Ordinal);
        Assert.Contains("\u2588", shown, StringComparison.Ordinal);

        JsonElement added = await TwoPeople.JsonAsync("contact", "add", uri, "--name", "alice", "--home", p.Bob);
        Assert.Equal("alice", added.GetProperty("name").GetString());
        Assert.Equal(fingerprint, added.GetProperty("fingerprint").GetString());
        Assert.Equal(did, added.GetProperty("did").GetString());
        Assert.True(added.GetProperty("hasMailbox").GetBoolean());

        JsonElement contacts = await TwoPeople.JsonAsync("contacts", "--home", p.Bob);
        JsonElement only = Assert.Single(contacts.EnumerateArray());
        Assert.Equal("alice", only.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(only.GetProperty("verification").GetString()));
        string table = await TwoPeople.OkAsync("contacts", "--home", p.Bob);
        Assert.Contains(fingerprint, table, StringComparison.Ordinal);

        JsonElement one = await TwoPeople.JsonAsync("contact", "show", "alice", "--home", p.Bob);
        Assert.Equal(did, one.GetProperty("did").GetString());
        Assert.NotEmpty(one.GetProperty("addresses").EnumerateArray());
        string card = await TwoPeople.OkAsync("contact", "show", fingerprint, "--home", p.Bob);
        Assert.Contains("fingerprint:   " + fingerprint, card, StringComparison.Ordinal);

        WotidProcess.Result unknown = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "contact", "show", "nobody", "--home", p.Bob, "--json");
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Equal("unknown-contact", ProfileVerbTests.ErrorCode(unknown));
        WotidProcess.Result twice = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "contact", "add", uri, "--name", "alice", "--home", p.Bob, "--json");
        Assert.Equal(ExitCodes.InvalidInput, twice.ExitCode);
        Assert.Equal("contact-exists", ProfileVerbTests.ErrorCode(twice));
    }

    [Fact]
    public async Task SendDirectThenThroughTheMailboxAndEachMessageArrivesOnce()
    {
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        await ConnectAsync(p);

        string direct;
        await using (WotidBackground bob = WotidBackground.Start(ProfileVerbTests.Passphrase, "run", "--json", "--home", p.Bob))
        {
            await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"node.started\"", StringComparison.Ordinal), s_wait);
            WotidProcess.Result second = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "run", "--home", p.Bob, "--json");
            Assert.Equal(ExitCodes.Failed, second.ExitCode);
            Assert.Equal("already-running", ProfileVerbTests.ErrorCode(second));

            JsonElement sent = await TwoPeople.JsonAsync("send", "bob", "hello directly", "--home", p.Alice);
            Assert.Equal("direct", sent.GetProperty("delivered").GetString());
            direct = sent.GetProperty("id").GetString()!;
            await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"message.received\"", StringComparison.Ordinal) && l.Contains(direct, StringComparison.Ordinal), s_wait);
            Assert.Equal(0, await bob.TerminateAsync(s_wait));
        }

        JsonElement deposited = await TwoPeople.JsonAsync("send", "bob", "hello through the mailbox", "--home", p.Alice);
        Assert.Equal("mailbox", deposited.GetProperty("delivered").GetString());
        string offline = deposited.GetProperty("id").GetString()!;

        await using (WotidBackground bob = WotidBackground.Start(ProfileVerbTests.Passphrase, "run", "--json", "--home", p.Bob))
        {
            await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"node.started\"", StringComparison.Ordinal), s_wait);

            // Claimed from the mailbox while Bob's node starts; `run` prints it.
            await bob.WaitForLineAsync(l => l.Contains("\"kind\":\"message.received\"", StringComparison.Ordinal) && l.Contains(offline, StringComparison.Ordinal), s_wait);
            Assert.Equal(0, await bob.TerminateAsync(s_wait));
        }

        JsonElement inbox = await TwoPeople.JsonAsync("inbox", "--home", p.Bob);
        JsonElement[] messages = [.. inbox.EnumerateArray()];
        Assert.Equal(2, messages.Length);
        Assert.Single(messages, m => m.GetProperty("id").GetString() == direct && m.GetProperty("via").GetString() == "direct");
        Assert.Single(messages, m => m.GetProperty("id").GetString() == offline && m.GetProperty("via").GetString() == "mailbox");
        Assert.All(messages, m => Assert.Equal("alice", m.GetProperty("from").GetString()));
        Assert.All(messages, m => Assert.True(m.TryGetProperty("receivedAt", out _)));
        Assert.Contains(messages, m => m.GetProperty("text").GetString() == "hello through the mailbox");
    }

    /// <summary>Alice and Bob add each other from their invitations.</summary>
    internal static async Task ConnectAsync(TwoPeople p)
    {
        string alices = (await TwoPeople.JsonAsync("invite", "--home", p.Alice)).GetProperty("uri").GetString()!;
        string bobs = (await TwoPeople.JsonAsync("invite", "--home", p.Bob)).GetProperty("uri").GetString()!;
        await TwoPeople.OkAsync("contact", "add", bobs, "--name", "bob", "--home", p.Alice);
        await TwoPeople.OkAsync("contact", "add", alices, "--name", "alice", "--home", p.Bob);
    }
}
