using System;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.Relay;

namespace WotId.Cli.Tests.Nodes;

// The NAT story of docs/nat.md with real `wotid` processes in network namespaces (needs root, ip and iptables; skips
// with the reason otherwise): Alice and Bob sit behind two MASQUERADE NATs and know only each other's DID and the
// public node's DHT address (`wotid run --bootstrap` and nothing else: the node measures itself private by AutoNAT v2,
// reserves on the relay it finds among the bootstrap peers and punches holes by itself). They find each other on the
// DHT (`contact add DID`), meet through the public node's relay,
// pass the VerifiedHuman handshake, hole-punch to a direct connection and chat; with symmetric NATs
// (--random-fully) they keep chatting through the relay; with Bob stopped, Alice's message waits in the mailbox the
// public node hosts for Bob and arrives when he returns. NatNamespace deletes every namespace (with its interfaces and
// rules) afterwards, also on failure.
public sealed class NatStoryTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task PeopleBehindNatsFindEachOtherByDidHolePunchChatAndUseTheHostedMailbox()
    {
        SkipUnlessAvailable();
        using NatNamespace net = await NatNamespace.CreateAsync("wns" + (Environment.ProcessId % 10000) + "-", symmetric: false);
        await using NatStory story = await NatStory.CreateAsync(net);
        WotidBackground alice = await story.RunAsync("alice");
        WotidBackground bob = await story.RunAsync("bob");
        await AssertReachabilityAsync(story);
        await AddByDidAsync(story, "alice", "bob");
        await AddByDidAsync(story, "bob", "alice");

        // The DHT line of `wotid status`: Alice joined through the hub and her record is out (Bob just found it).
        WotidProcess.Result status = await story.VerbAsync("alice", "status");
        Assert.Matches(@"dht: +[1-9]\d* peers in the routing table, record published \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(sequence \d+, on [1-9]\d* peers\)", status.Output);

        // Alice dials Bob's circuit address; Bob, who received the relayed connection, drives DCUtR once verified.
        await SendAsync(story, "alice", "bob", "hello through two NATs", "direct");
        await bob.WaitForLineAsync(l => l.Contains("hello through two NATs", StringComparison.Ordinal), s_wait);
        await WaitForErrorAsync(bob, "direct connection");
        await SendAsync(story, "bob", "alice", "hello back, directly", "direct");
        await alice.WaitForLineAsync(l => l.Contains("hello back, directly", StringComparison.Ordinal), s_wait);

        // Bob goes offline: the message waits in his mailbox on the public node and arrives when he is back.
        Assert.Equal(0, await bob.TerminateAsync(s_wait));
        await SendAsync(story, "alice", "bob", "while you were away", "mailbox");
        WotidBackground back = await story.RunAsync("bob");
        await back.WaitForLineAsync(l => l.Contains("while you were away", StringComparison.Ordinal), s_wait);
    }

    [Fact]
    public async Task WithSymmetricNatsTheyKeepChattingThroughTheRelay()
    {
        SkipUnlessAvailable();
        using NatNamespace net = await NatNamespace.CreateAsync("wnr" + (Environment.ProcessId % 10000) + "-", symmetric: true);
        await using NatStory story = await NatStory.CreateAsync(net);
        WotidBackground alice = await story.RunAsync("alice");
        WotidBackground bob = await story.RunAsync("bob");
        await AssertReachabilityAsync(story);
        await AddByDidAsync(story, "alice", "bob");
        await AddByDidAsync(story, "bob", "alice");

        await SendAsync(story, "alice", "bob", "through the relay", "direct");
        await bob.WaitForLineAsync(l => l.Contains("through the relay", StringComparison.Ordinal), s_wait);

        // Every punch attempt fails (the NATs pick random ports); the relayed connection stays and carries the answer.
        await WaitForErrorAsync(bob, "Hole punch with");
        await SendAsync(story, "bob", "alice", "still through the relay", "direct");
        await alice.WaitForLineAsync(l => l.Contains("still through the relay", StringComparison.Ordinal), s_wait);
        Assert.DoesNotContain(": direct connection", bob.Errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// Alice and Bob, started with only the hub's DHT address, measured themselves private against the hub's AutoNAT
    /// service and hold a reservation on the relay they found there; the hub states itself public.
    /// </summary>
    private static async Task AssertReachabilityAsync(NatStory story)
    {
        foreach (string who in new[] { "alice", "bob" })
        {
            JsonElement reach = await story.ReachabilityAsync(who, r =>
                r.GetProperty("state").GetString() == "private" && r.GetProperty("relayedAddresses").GetArrayLength() > 0);
            Assert.Equal("autonat", reach.GetProperty("source").GetString());
            Assert.Contains("/p2p-circuit/p2p/", reach.GetProperty("relayedAddresses")[0].GetString(), StringComparison.Ordinal);
            Assert.StartsWith("/ip4/203.0.113.1/tcp/4101/p2p/", reach.GetProperty("relayedAddresses")[0].GetString(), StringComparison.Ordinal);
            Assert.Empty(reach.GetProperty("publicAddresses").EnumerateArray());
        }

        JsonElement hub = await story.ReachabilityAsync("hub", _ => true);
        Assert.Equal("public", hub.GetProperty("state").GetString());
        Assert.Equal("configured", hub.GetProperty("source").GetString());
    }

    private static void SkipUnlessAvailable()
    {
        string? why = NatNamespace.Unavailable();
        Assert.SkipWhen(why is not null, why ?? string.Empty);
    }

    /// <summary>`wotid contact add DID`, retried while the DHT has no record with circuit addresses yet.</summary>
    private static async Task AddByDidAsync(NatStory story, string who, string whom)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (true)
        {
            WotidProcess.Result r = await story.VerbAsync(who, "contact", "add", story.People[whom].Did, "--name", whom, "--json");
            if (r.ExitCode == 0)
            {
                using JsonDocument doc = JsonDocument.Parse(r.Output);
                Assert.Equal(whom, doc.RootElement.GetProperty("name").GetString());
                return;
            }

            Assert.True(DateTime.UtcNow < end, $"contact add {whom} by DID kept failing: {r.Error}");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }

    private static async Task SendAsync(NatStory story, string from, string to, string text, string route)
    {
        WotidProcess.Result r = await story.VerbAsync(from, "send", to, text, "--json");
        Assert.True(r.ExitCode == 0, $"send from {from}: {r.Error}");
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        string? delivered = doc.RootElement.GetProperty("delivered").GetString();
        Assert.True(route == delivered, $"{from} to {to}: {delivered}, not {route}\n--- {from}:\n{story.LogOf(from)}\n--- {to}:\n{story.LogOf(to)}");
    }

    private static async Task WaitForErrorAsync(WotidBackground run, string text)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (!run.Errors.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < end, $"no log line with \"{text}\": {run.Errors}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
