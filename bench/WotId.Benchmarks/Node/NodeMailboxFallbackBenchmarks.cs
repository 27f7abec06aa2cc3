// Mailbox fallback (issue: "mailbox fallback latency from 'peer unreachable' to 'deposited'"). docs/benchmarks-node.md
// "Mailbox fallback". Bob's node was started, introduced to alice, and stopped: his address refuses connections.
//
// One operation is one alice.SendTextAsync("bob", 100 characters) that returns "mailbox": seal into the outbox (the
// session exists), dial bob's loopback address (refused), deposit the same envelope in bob's embedded mailbox (the
// shared SQLite file) and mark it deposited. The split "failed dial → deposited" alone is the console mode
// node-mailbox-fallback (timed from the node's own log events 309 "could not reach" and 306 "... mailbox").
using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

[Config(typeof(NodeBenchmarkConfig))]
public class NodeMailboxFallbackBenchmarks
{
    private NodeBenchWorld _world = null!;
    private WotIdNode _alice = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_world, _alice) = await StartWithStoppedContactAsync(null);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _alice.DisposeAsync();
        _world.Dispose();
    }

    /// <summary>Seal + refused dial + deposit in the contact's embedded mailbox.</summary>
    [Benchmark]
    public async Task SendToStoppedContact() => Check(await _alice.SendTextAsync("bob", NodeChatThroughputBenchmarks.Text));

    /// <summary>Alice running, bob a contact with a session whose node has stopped.</summary>
    internal static async Task<(NodeBenchWorld World, WotIdNode Alice)> StartWithStoppedContactAsync(ILoggerFactory? aliceLogs)
    {
        var world = new NodeBenchWorld();
        WotIdNode alice = await WotIdNode.StartAsync(await world.CreateProfileAsync("alice"), world.Options(loggers: aliceLogs));
        await using (WotIdNode bob = await WotIdNode.StartAsync(await world.CreateProfileAsync("bob"), world.Options()))
        {
            await NodeBenchWorld.IntroduceAsync(alice, "bob", bob, "alice");
            NodeChatThroughputBenchmarks.Check(await alice.SendTextAsync("bob", "hello"));
        }

        return (world, alice);
    }

    internal static void Check(SentMessage sent)
    {
        if (sent.Delivered != DeliveryRoutes.Mailbox)
        {
            throw new InvalidOperationException("a message went " + sent.Delivered + ", not to the mailbox: the measurement would be wrong");
        }
    }
}
