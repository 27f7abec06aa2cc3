// The node and the host's connection manager (src/WotId.Libp2p/README.md "Limits", docs/node.md "Resource limits"):
// a verified contact's connection is protected from trimming while it is open, and the status record carries the
// host's resource counters.
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeConnectionProtectionTests
{
    [Fact]
    public async Task AVerifiedContactIsProtectedFromTrimmingAndTheStatusCountsTheConnection()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        await alice.SendTextAsync("bob", "hello", TestProfiles.Ct);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
        PeerId bobPeer = bob.Host.PeerId;
        await WaitUntilAsync(() => alice.Host.ConnectionManager.IsProtected(bobPeer));

        NodeStatus status = await alice.GetStatusAsync(TestProfiles.Ct);
        NetworkStatus network = Assert.IsType<NetworkStatus>(status.Network);
        Assert.Equal(1, network.InboundConnections + network.OutboundConnections);
        Assert.Equal(0, network.UnverifiedConnections);
        Assert.Equal(0, network.Trimmed);
        Assert.Equal(new NetworkRefusals(0, 0, 0, 0, 0), network.Refusals);

        // When the contact's last connection closes, the protection goes with it.
        await bob.DisposeAsync();
        await WaitUntilAsync(() => !alice.Host.ConnectionManager.IsProtected(bobPeer));
    }

    private static async Task WaitUntilAsync(System.Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20, TestProfiles.Ct);
        }
    }
}
