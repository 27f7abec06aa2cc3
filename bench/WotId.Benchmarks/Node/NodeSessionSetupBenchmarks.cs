// Verified session setup between two running nodes on loopback (issue: "TCP + Noise + Yamux + both presentations
// verified + PQXDH + first message acknowledged", target ≤ 5 ms). docs/benchmarks-node.md "Session setup".
//
// One measured iteration is one alice.SendTextAsync("bob", ...) that returns "direct" with, inside it: PQXDH from
// the bundle bob handed out at the previous handshake (the one-time EC and Kyber prekeys in it are unused), sealing
// (signed TSP + Signal + sealed envelope, one SQLite transaction into the outbox), and at the same time TCP dial,
// multistream, Noise XX, Yamux, the VerifiedHuman handshake with both presentations and credentials verified (ML-DSA-65
// signatures; status lists from memory; from the second iteration on, the credential and status list signatures are
// the verifier's remembered ones, as for any peer met before), opening /wotid/msg/1.0.0, and bob opening, storing and
// acknowledging the message. Not measured ([IterationSetup]):
// waiting for the previous message's delivery receipt, closing the connection, deleting alice's session with bob
// (WotIdNode.ResetContactAsync), waiting until bob has seen the connection close, and topping up bob's prekeys.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Benchmarks.Node;

[Config(typeof(NodePerIterationConfig))]
public class NodeSessionSetupBenchmarks
{
    private NodeBenchWorld _world = null!;
    private NodeProfile _bobProfile = null!;
    private WotIdNode _alice = null!;
    private WotIdNode _bob = null!;
    private NodeEventWatcher _aliceEvents = null!;
    private string? _previous;

    /// <summary>Log stamps of both nodes when set before <see cref="SetupAsync"/> (the node-session-timeline console mode).</summary>
    internal StampingLoggerFactory? AliceLogs { get; init; }

    internal StampingLoggerFactory? BobLogs { get; init; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _world = new NodeBenchWorld();
        NodeProfile alice = await _world.CreateProfileAsync("alice");
        _bobProfile = await _world.CreateProfileAsync("bob", pool: 40);
        _alice = await WotIdNode.StartAsync(alice, _world.Options(loggers: AliceLogs));
        _bob = await WotIdNode.StartAsync(_bobProfile, _world.Options(loggers: BobLogs));
        _aliceEvents = new NodeEventWatcher(_alice, NodeEventKinds.ReceiptDelivered);
        await NodeBenchWorld.IntroduceAsync(_alice, "bob", _bob, "alice");
        await SendDirectAsync();
    }

    [IterationSetup]
    public void FreshConnectionAndSession() => ResetAsync().GetAwaiter().GetResult();

    /// <summary>Dial + handshake (both verified) + PQXDH + first chat message acknowledged.</summary>
    [Benchmark]
    public Task VerifiedSessionSetup() => SendDirectAsync();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _aliceEvents.DisposeAsync();
        await _alice.DisposeAsync();
        await _bob.DisposeAsync();
        _world.Dispose();
    }

    private async Task SendDirectAsync()
    {
        SentMessage sent = await _alice.SendTextAsync("bob", "hello bob");
        if (sent.Delivered != DeliveryRoutes.Direct)
        {
            throw new InvalidOperationException("the message went " + sent.Delivered + ", not direct: the measurement would be wrong");
        }

        _previous = sent.Id;
    }

    private async Task ResetAsync()
    {
        if (_previous is { } id)
        {
            await _aliceEvents.WhenAsync(NodeEventKinds.ReceiptDelivered, id).WaitAsync(TimeSpan.FromSeconds(30));
            _aliceEvents.Forget(NodeEventKinds.ReceiptDelivered, id);
        }

        await _alice.ResetContactAsync("bob", default);
        string alicePeer = _alice.Host.PeerId.ToString();
        for (int i = 0; i < 600 && _bob.Host.Connections.Any(c => c.RemotePeer.ToString() == alicePeer && !c.IsClosed); i++)
        {
            await Task.Delay(5);
        }

        await _bobProfile.PreKeys.ReplenishAsync();
    }
}
