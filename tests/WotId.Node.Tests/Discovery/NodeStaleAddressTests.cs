using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Protocols.AutoNat;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Discovery;

// Stale contact addresses (docs/discovery.md "Stale addresses"), with real nodes on 127.0.0.1: Bob restarts on another
// port; Alice's stored address for him is refused, so her node looks his DID up on the DHT, finds his new record,
// stores its addresses and delivers directly instead of through the mailbox.
public sealed class NodeStaleAddressTests
{
    [Fact]
    public async Task MessageToAContactThatMovedToAnotherPortIsDeliveredDirectlyAtItsAddressFromTheDht()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolProfile, _) = await world.CreateAsync("carol");
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        string bobDid = bobProfile.Did, aliceDid = aliceProfile.Did;
        await using WotIdNode carol = await WotIdNode.StartAsync(carolProfile, NodeReachabilityTests.Infrastructure(world), TestProfiles.Ct);
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, Person(world, carol), TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);

        string oldAddress;
        await using (WotIdNode bob = await WotIdNode.StartAsync(bobProfile, Person(world, carol), TestProfiles.Ct))
        {
            oldAddress = bob.Host.ListenAddresses.Single().ToString();
            await NodeReachabilityTests.WaitForRecordAsync(alice, bobDid, r => r.Addresses.Any(a => a.ToString() == oldAddress));
            await alice.AddContactAsync(bobDid, "bob", TestProfiles.Ct);
            await NodeReachabilityTests.WaitForRecordAsync(bob, aliceDid, r => r.Addresses.Count > 0);
            await bob.AddContactAsync(aliceDid, "alice", TestProfiles.Ct);
        }

        // Bob is back on another port; his new record replaces the old one on the DHT.
        NodeProfile again = await world.OpenAsync("bob");
        await using WotIdNode back = await WotIdNode.StartAsync(again, Person(world, carol, "/ip4/127.0.0.1/tcp/0"), TestProfiles.Ct);
        await using var bobEvents = new EventRecorder(back);
        string newAddress = back.Host.ListenAddresses.Single().ToString();
        Assert.NotEqual(oldAddress, newAddress);
        await NodeReachabilityTests.WaitForRecordAsync(carol, bobDid, r => r.Addresses.Any(a => a.ToString() == newAddress));

        SentMessage sent = await alice.SendTextAsync("bob", "you moved", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id, TimeSpan.FromSeconds(60));
        ContactSummary bob2 = (await alice.GetContactsAsync(TestProfiles.Ct)).Single(c => c.Name == "bob");
        Assert.Contains(newAddress, bob2.Addresses);
        Assert.DoesNotContain(oldAddress, bob2.Addresses);
    }

    /// <summary>A person stated public (no relay in the way: the addresses in the record are the listen addresses).</summary>
    private static NodeOptions Person(RuntimeWorld world, WotIdNode bootstrap, string? listen = null) => new()
    {
        ListenAddresses = listen is null ? null : [listen],
        StatusLists = world.StatusLists,
        DirectDeliveryTimeout = TimeSpan.FromSeconds(20),
        MailboxPollInterval = TimeSpan.FromMilliseconds(300),
        OutboxRetryInterval = TimeSpan.FromSeconds(1),
        BootstrapPeers = [bootstrap.DhtAddresses.Single().ToString()],
        DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        ReachabilityOverride = Reachability.Public,
    };
}
