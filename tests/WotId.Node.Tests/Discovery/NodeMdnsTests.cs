using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Discovery;

// mDNS in the node (docs/discovery.md "mDNS in the node"), over real multicast with a service name of its own: Bob's
// node comes back on another port than his invitation named, so Alice's stored address is dead; with --mdns both
// nodes announce themselves and Alice's message still goes out directly, to the address Bob announced on the LAN.
// Skipped with the reason where the machine has no multicast.
public sealed class NodeMdnsTests
{
    [Fact]
    public async Task AContactWhoseStoredAddressIsStaleIsReachedThroughItsMdnsAnnouncement()
    {
        using var world = new RuntimeWorld();
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        PeerId bobPeer = bobProfile.PeerIdentity.PeerId;
        string service = "_p2p-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "._udp.local";
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, WithMdns(world, service), TestProfiles.Ct);
        Assert.SkipUnless(alice.MdnsRunning, "multicast is not available on this machine");

        string stored;
        await using (WotIdNode bobFirst = await world.StartAsync(bobProfile))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
            stored = Assert.Single((await alice.GetContactAsync("bob", TestProfiles.Ct)).Addresses);
        }

        // Port 0: another free port than the profile's (and so than the invitation's).
        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), WithMdns(world, service, "/ip4/127.0.0.1/tcp/0"), TestProfiles.Ct);
        await using var bobEvents = new EventRecorder(bob);
        Multiaddress now = bob.Host.ListenAddresses.Single();
        Assert.NotEqual(stored, now.ToString());

        DateTime end = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!alice.Host.PeerStore.GetAddresses(bobPeer).Contains(now))
        {
            Assert.True(DateTime.UtcNow < end, "Bob's mDNS announcement did not reach Alice's node");
            await Task.Delay(200, TestProfiles.Ct);
        }

        SentMessage sent = await alice.SendTextAsync("bob", "found you on the LAN", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal(DeliveryRoutes.Direct, received.Via);
    }

    private static NodeOptions WithMdns(RuntimeWorld world, string service, string? listen = null) => new()
    {
        ListenAddresses = listen is null ? null : [listen],
        StatusLists = world.StatusLists,
        DirectDeliveryTimeout = TimeSpan.FromSeconds(10),
        MailboxPollInterval = TimeSpan.FromMilliseconds(300),
        OutboxRetryInterval = TimeSpan.FromSeconds(1),
        Mdns = true,
        MdnsOptions = new MdnsOptions { ServiceName = service, QueryInterval = TimeSpan.FromSeconds(1) },
    };
}
