// A message the outbox loop takes before SendTextAsync's own delivery round (docs/node.md "Offline delivery"): the
// loop is woken by a receipt or a handshake, or simply wakes on its interval, between the commit that queues the
// message and the call's round. Seen as "alice is not reachable" on bob's immediate reply to alice (the loop was
// sending bob's delivery receipt and took the reply with it), and as the rare `unreachable` stop of the session setup
// benchmark (the sender's loop, woken by the handshake of the setup, took the first message). The caller must report
// the route the loop's round gave the message, not Unreachable.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeSendRaceTests
{
    [Fact]
    public async Task AReplyTheOutboxLoopTookFirstReportsTheRouteOfTheLoopsRound()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        var race = new LoopTakesFirst();
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, race.Options(world), TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage first = await alice.SendTextAsync("bob", "hi bob", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, first.Delivered);
        // Bob's receipt went out (its round passed before-link): nothing else is queued at Bob when he replies.
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == first.Id);

        SentMessage sent = await race.SendAsync(bob, "alice", "hi alice");

        Assert.True(race.Taken, "the outbox loop never took the reply");
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        NodeEvent received = await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal("hi alice", received.Text);
        await bobEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
        Assert.Single(bobEvents.All, e => e.Kind == NodeEventKinds.MessageSent && e.MessageId == sent.Id);
    }

    [Fact]
    public async Task TheFirstMessageOfAFreshSessionTheOutboxLoopTookFirstReportsTheRouteOfTheLoopsRound()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        var race = new LoopTakesFirst();
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, race.Options(world), TestProfiles.Ct);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == first.Id);

        // As the session setup benchmark does between setups: no connection, no session; the next message dials,
        // runs the handshake (which wakes the outbox loop) and starts PQXDH from the bundle of that handshake.
        await alice.ResetContactAsync("bob", TestProfiles.Ct);
        SentMessage sent = await race.SendAsync(alice, "bob", "a fresh session");

        Assert.True(race.Taken, "the outbox loop never took the message");
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        Assert.Equal("a fresh session", (await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id)).Text);
    }

    /// <summary>
    /// The fault hook that forces the interleaving, armed for one send: SendTextAsync waits at before-send (message
    /// queued, its own round not started) until the loop's round holds the message at before-link; that round is then
    /// held until the call returned (before the fix: at once, Unreachable) or for 1 s (after: the call waits for it).
    /// </summary>
    private sealed class LoopTakesFirst
    {
        private readonly TaskCompletionSource _taken = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _held;
        private Task<SentMessage>? _call;

        internal bool Taken => _taken.Task.IsCompleted;

        internal NodeOptions Options(RuntimeWorld world) => world.OptionsWithFaultPoint(OnFaultPoint);

        /// <summary>Arms the hook (no other message may be queued at the sender now) and sends.</summary>
        internal Task<SentMessage> SendAsync(WotIdNode node, string contact, string text)
        {
            Volatile.Write(ref _armed, 1);
            Task<SentMessage> call = node.SendTextAsync(contact, text, TestProfiles.Ct);
            Volatile.Write(ref _call, call);
            return call;
        }

        private void OnFaultPoint(string name)
        {
            if (Volatile.Read(ref _armed) == 0)
            {
                return;
            }

            if (name == FaultPoints.BeforeSend)
            {
                _taken.Task.Wait(TimeSpan.FromSeconds(30));
            }
            else if (name == FaultPoints.BeforeLink && Interlocked.Exchange(ref _held, 1) == 0)
            {
                _taken.TrySetResult();
                SpinWait.SpinUntil(() => Volatile.Read(ref _call) is { IsCompleted: true }, TimeSpan.FromSeconds(1));
            }
        }
    }
}
