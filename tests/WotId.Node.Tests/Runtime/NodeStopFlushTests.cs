// Stopping gracefully (docs/node.md "Stopping"): a node that claims a message as it starts queues its delivery receipt,
// and its outbox loop starts sending it. Stopping while that round is under way must let it finish: cancelling it
// would leave the receipt queued until the next start (seen with `wotid send` on a loaded machine).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeStopFlushTests
{
    [Fact]
    public async Task StoppingDuringTheReceiptRoundStillDeliversTheReceipt()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        SentMessage sent = await alice.SendTextAsync("bob", "claimed as you start", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);

        // Bob's outbox loop reaches the receipt round and is held there (1 s) while Bob stops.
        using var roundStarted = new SemaphoreSlim(0);
        int held = 0;
        NodeOptions options = world.OptionsWithFaultPoint(name =>
        {
            if (name == FaultPoints.BeforeLink && Interlocked.Exchange(ref held, 1) == 0)
            {
                roundStarted.Release();
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        });

        WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), options, TestProfiles.Ct);
        Assert.True(await roundStarted.WaitAsync(TimeSpan.FromSeconds(60)), "Bob's node never started a delivery round");
        await bob.DisposeAsync();

        NodeEvent receipt = await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
        Assert.Equal("bob", receipt.Contact);
    }
}
