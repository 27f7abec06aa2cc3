// The node and the host's connection manager (src/WotId.Libp2p/README.md "Limits", docs/node.md "Resource limits"):
// a verified contact's connection is protected from trimming while it is open, and the status record carries the
// host's resource counters, including the bytes really buffered next to the granted receive window.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
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

    [Fact]
    public async Task TheStatusShowsTheBytesAContactSentThatNoHandlerHasReadYet()
    {
        const string neverRead = "/wotid/test/never-read/1.0.0";
        const int sent = 64 * 1024;
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        alice.Host.SetHandler(neverRead, static (s, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var aliceEvents = new EventRecorder(alice);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        await bob.SendTextAsync("alice", "hello", TestProfiles.Ct);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");

        Libp2pStream stream = await OpenRetryingAsync(bob.Host, alice.Host.PeerId, neverRead);
        await stream.WriteAsync(new byte[sent], TestProfiles.Ct);

        // All of it fits the 256 KiB window, so it is buffered at Alice's end until her handler reads (never).
        NetworkStatus network = Assert.IsType<NetworkStatus>((await alice.GetStatusAsync(TestProfiles.Ct)).Network);
        while (network.BufferedBytes < sent)
        {
            await Task.Delay(20, TestProfiles.Ct);
            network = (await alice.GetStatusAsync(TestProfiles.Ct)).Network!;
        }

        Assert.Equal(sent, network.BufferedBytes);
        Assert.True(network.MemoryBytes >= network.BufferedBytes, $"{network.MemoryBytes} reserved");
        Assert.Equal(alice.Host.ResourceUsage.BufferedBytes, network.BufferedBytes);

        // Once the stream is gone, nothing is held for it.
        stream.Abort();
        while ((await alice.GetStatusAsync(TestProfiles.Ct)).Network!.BufferedBytes != 0)
        {
            await Task.Delay(20, TestProfiles.Ct);
        }
    }

    /// <summary>Opens a stream, retrying while the identify push announcing the new handler is on its way.</summary>
    private static async Task<Libp2pStream> OpenRetryingAsync(Libp2pHost from, PeerId to, string protocol)
    {
        while (true)
        {
            try
            {
                return await from.OpenStreamAsync(to, protocol, TestProfiles.Ct);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported)
            {
                await Task.Delay(20, TestProfiles.Ct);
            }
        }
    }

    private static async Task WaitUntilAsync(System.Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(20, TestProfiles.Ct);
        }
    }
}
