// Chat messages per second on one verified connection between two running nodes (issue: "chat messages per second
// and p50/p99 latency end to end on one connection"). docs/benchmarks-node.md "Chat throughput". The p50/p99 latency
// (SendTextAsync called → message.received read from bob's event stream) is the console mode node-chat-latency.
//
// One operation is one alice.SendTextAsync("bob", 100 characters) that returns "direct": seal (signed TSP + Signal +
// sealed envelope, one SQLite transaction), write the frame on the established /wotid/msg/1.0.0 stream, bob opens,
// stores (one SQLite transaction) and acknowledges. Bob's delivery receipts flow back on the same connection meanwhile.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

[Config(typeof(NodeBenchmarkConfig))]
public class NodeChatThroughputBenchmarks
{
    /// <summary>The chat text of every message (100 characters).</summary>
    public static readonly string Text = new('m', 100);

    private NodeBenchWorld _world = null!;
    private WotIdNode _alice = null!;
    private WotIdNode _bob = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_world, _alice, _bob) = await StartPairAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _alice.DisposeAsync();
        await _bob.DisposeAsync();
        _world.Dispose();
    }

    /// <summary>50 messages, each sent after the previous one was acknowledged (Mean is per message; msg/s = 1 / Mean).</summary>
    [Benchmark(OperationsPerInvoke = 50)]
    public async Task OneAtATime()
    {
        for (int i = 0; i < 50; i++)
        {
            Check(await _alice.SendTextAsync("bob", Text));
        }
    }

    /// <summary>64 messages from 16 concurrent senders (pipelined frames on the one stream).</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public Task SixteenInFlight() => Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
    {
        for (int i = 0; i < 4; i++)
        {
            Check(await _alice.SendTextAsync("bob", Text));
        }
    }));

    /// <summary>Two running nodes that are contacts, with one verified connection and a session (one message sent).</summary>
    internal static async Task<(NodeBenchWorld World, WotIdNode Alice, WotIdNode Bob)> StartPairAsync(
        Microsoft.Extensions.Logging.ILoggerFactory? aliceLogs = null, Microsoft.Extensions.Logging.ILoggerFactory? bobLogs = null)
    {
        var world = new NodeBenchWorld();
        WotIdNode alice = await WotIdNode.StartAsync(await world.CreateProfileAsync("alice"), world.Options(loggers: aliceLogs));
        WotIdNode bob = await WotIdNode.StartAsync(await world.CreateProfileAsync("bob"), world.Options(loggers: bobLogs));
        await NodeBenchWorld.IntroduceAsync(alice, "bob", bob, "alice");
        Check(await alice.SendTextAsync("bob", Text));
        return (world, alice, bob);
    }

    internal static void Check(SentMessage sent)
    {
        if (sent.Delivered != DeliveryRoutes.Direct)
        {
            throw new InvalidOperationException("a message went " + sent.Delivered + ", not direct: the measurement would be wrong");
        }
    }
}
