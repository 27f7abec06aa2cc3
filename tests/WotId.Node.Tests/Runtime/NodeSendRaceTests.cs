// A message the outbox loop takes before SendTextAsync's own delivery round (docs/node.md "Offline delivery"): the
// loop is woken by a receipt or a handshake, or simply wakes on its interval, between the commit that queues the
// message and the call's round. Seen as "bob is not reachable" on bob's immediate reply to alice (the loop was
// sending bob's delivery receipt and took the reply with it). The caller must report the route the loop's round gave
// the message, not Unreachable.
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

        // Armed for the reply only: SendTextAsync waits at before-send (message queued, its round not started) until
        // the loop's round holds the message at before-link; that round is held until the call returned (or 1 s).
        int armed = 0, held = 0;
        Task<SentMessage>? reply = null;
        using var taken = new ManualResetEventSlim();
        NodeOptions defaults = world.Options;
        var bobOptions = new NodeOptions
        {
            ListenAddresses = defaults.ListenAddresses,
            StatusLists = defaults.StatusLists,
            DirectDeliveryTimeout = defaults.DirectDeliveryTimeout,
            MailboxPollInterval = defaults.MailboxPollInterval,
            OutboxRetryInterval = defaults.OutboxRetryInterval,
            FaultPoint = name =>
            {
                if (Volatile.Read(ref armed) == 0)
                {
                    return;
                }

                if (name == FaultPoints.BeforeSend)
                {
                    taken.Wait(TimeSpan.FromSeconds(30));
                }
                else if (name == FaultPoints.BeforeLink && Interlocked.Exchange(ref held, 1) == 0)
                {
                    taken.Set();
                    SpinWait.SpinUntil(() => Volatile.Read(ref reply) is { IsCompleted: true }, TimeSpan.FromSeconds(1));
                }
            },
        };

        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, bobOptions, TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage first = await alice.SendTextAsync("bob", "hi bob", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, first.Delivered);
        // Bob's receipt went out (its round passed before-link): nothing else is queued at Bob when he replies.
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == first.Id);

        Volatile.Write(ref armed, 1);
        Task<SentMessage> call = bob.SendTextAsync("alice", "hi alice", TestProfiles.Ct);
        Volatile.Write(ref reply, call);
        SentMessage sent = await call;

        Assert.True(taken.IsSet, "the outbox loop never took the reply");
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        NodeEvent received = await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal("hi alice", received.Text);
        await bobEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
        Assert.Single(bobEvents.All, e => e.Kind == NodeEventKinds.MessageSent && e.MessageId == sent.Id);
    }
}
