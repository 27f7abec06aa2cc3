// A connection that ends between a message and its ACK (docs/node.md "Offline delivery", row "direct path"): the
// contact is still there, so the sender dials again and sends the rest once more on a fresh link instead of taking
// the mailbox. Bob's node stores Alice's message and then drops the connection before writing its ACK (as when his
// node restarts, or a NAT forgets the mapping); the second copy is acknowledged as a duplicate and stored once.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeRedialTests
{
    [Fact]
    public async Task AConnectionLostBeforeTheAckIsDialledAgainAndTheMessageGoesDirect()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        var drop = new DropBeforeAck();
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, world.OptionsWithFaultPoint(drop.OnFaultPoint), TestProfiles.Ct);
        drop.Bob = bob;
        drop.Alice = alice.Host.PeerId;
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        SentMessage first = await alice.SendTextAsync("bob", "before the drop", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, first.Delivered);
        Libp2pConnection before = alice.Host.Connections.Single(c => c.RemotePeer == bob.Host.PeerId && !c.IsClosed);

        drop.Arm();
        SentMessage sent = await alice.SendTextAsync("bob", "across the drop", TestProfiles.Ct);

        Assert.Equal(1, drop.Dropped);
        Assert.True(before.IsClosed);
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        Assert.Contains(alice.Host.Connections, c => c.RemotePeer == bob.Host.PeerId && !c.IsClosed && c != before);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        InboxMessage[] stored = (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Where(m => m.Id == sent.Id).ToArray();
        Assert.Single(stored);
        Assert.Equal(DeliveryRoutes.Direct, stored[0].Via);
    }

    /// <summary>Bob's fault hook, armed for one message: after the store, before the ACK, his connections to Alice are aborted.</summary>
    private sealed class DropBeforeAck
    {
        private int _armed;
        private int _dropped;

        internal WotIdNode? Bob { get; set; }

        internal PeerId? Alice { get; set; }

        internal int Dropped => Volatile.Read(ref _dropped);

        internal void Arm() => Volatile.Write(ref _armed, 1);

        internal void OnFaultPoint(string name)
        {
            if (name != FaultPoints.AfterStoreBeforeAck || Interlocked.Exchange(ref _armed, 0) == 0)
            {
                return;
            }

            foreach (Libp2pConnection c in Bob!.Host.Connections.Where(c => c.RemotePeer == Alice))
            {
                c.Abort();
            }

            Interlocked.Increment(ref _dropped);
        }
    }
}
