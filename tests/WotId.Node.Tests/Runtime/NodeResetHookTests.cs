// The benchmarks' reset hook (WotIdNode.ResetContactAsync, docs/benchmarks-node.md "Session setup"): after it, the
// next message to the contact dials a new connection, runs the handshake again and starts a new Signal session, and
// still arrives directly.
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeResetHookTests
{
    [Fact]
    public async Task AfterAResetTheNextMessageSetsUpANewConnectionAndSession()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == first.Id);
        Libp2pConnection firstConnection = alice.Host.Connections.Single(c => c.RemotePeer == bob.Host.PeerId && !c.IsClosed);

        await alice.ResetContactAsync("bob", TestProfiles.Ct);

        Assert.True(firstConnection.IsClosed);
        SentMessage second = await alice.SendTextAsync("bob", "second", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, second.Delivered);
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == second.Id);
        Assert.Equal("second", received.Text);
        Assert.Contains(alice.Host.Connections, c => c.RemotePeer == bob.Host.PeerId && !c.IsClosed && c != firstConnection);
    }
}
