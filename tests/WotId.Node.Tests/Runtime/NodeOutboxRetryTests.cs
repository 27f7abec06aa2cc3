// The outbox loop (docs/node.md "Offline delivery"): a message to a contact that is offline and has no mailbox stays
// queued (Unreachable), and is delivered directly by the loop once the contact's node runs again.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeOutboxRetryTests
{
    [Fact]
    public async Task QueuedMessageIsSentWhenTheContactComesBack()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob", mailbox: false);
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        NodeException unreachable = await Assert.ThrowsAsync<NodeException>(() => alice.SendTextAsync("bob", "call me", TestProfiles.Ct));
        Assert.Equal(NodeError.Unreachable, unreachable.Error);
        Assert.Equal(1, (await alice.GetStatusAsync(TestProfiles.Ct)).Outbox);
        NodeEvent queued = await aliceEvents.WaitAsync(NodeEventKinds.MessageQueued);

        await using WotIdNode bob = await world.StartAsync(await world.OpenAsync("bob"));

        NodeEvent sent = await aliceEvents.WaitAsync(NodeEventKinds.MessageSent, e => e.MessageId == queued.MessageId);
        Assert.Equal(DeliveryRoutes.Direct, sent.Via);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == queued.MessageId);
        InboxMessage received = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
        Assert.Equal(("call me", DeliveryRoutes.Direct), (received.Text, received.Via));
        Assert.Equal(0, (await alice.GetStatusAsync(TestProfiles.Ct)).Outbox);
    }
}
