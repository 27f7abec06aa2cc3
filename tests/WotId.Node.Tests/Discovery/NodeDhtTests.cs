using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Discovery;

// Two real nodes on the wot.id DHT (docs/discovery.md): Alice's node runs the DHT (as a bootstrap node too) and
// publishes her record at start; Bob's node, bootstrapped from hers only, resolves her DID to her chat peer id,
// addresses and mailbox; `wotid status` shows the routing table and the last publication. A node without DHT options
// runs no DHT.
public sealed class NodeDhtTests
{
    [Fact]
    public async Task BobResolvesAlicesDidToHerChatPeerAndAddresses()
    {
        using var world = new RuntimeWorld();
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        string aliceDid = aliceProfile.Did;
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, new NodeOptions
        {
            StatusLists = world.StatusLists,
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        }, TestProfiles.Ct);
        Multiaddress bootstrap = alice.DhtAddresses.Single();
        await using WotIdNode bob = await WotIdNode.StartAsync(bobProfile, new NodeOptions
        {
            StatusLists = world.StatusLists,
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
            BootstrapPeers = [bootstrap.ToString()],
        }, TestProfiles.Ct);

        // Alice's node stored its record in its own DHT store at start (it had no peers to replicate to yet); Bob's
        // lookup goes through her DHT host, which answers GET_VALUE with it.
        WotIdDhtRecord? found = await bob.ResolveDidAsync(aliceDid, TestProfiles.Ct);
        Assert.NotNull(found);
        Assert.Equal(aliceDid, found!.Did);
        var status = await alice.GetStatusAsync(TestProfiles.Ct);
        Assert.Equal(status.PeerId, found.PeerId.ToString());
        Assert.NotEmpty(found.Addresses);
        Assert.NotNull(found.MailboxId);
    }

    [Fact]
    public async Task StatusShowsTheRoutingTableAndTheLastPublishedRecord()
    {
        using var world = new RuntimeWorld();
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, new NodeOptions
        {
            StatusLists = world.StatusLists,
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        }, TestProfiles.Ct);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobProfile, new NodeOptions
        {
            StatusLists = world.StatusLists,
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
            BootstrapPeers = [alice.DhtAddresses.Single().ToString()],
        }, TestProfiles.Ct);

        // Bob joined through Alice's DHT host (one peer in his table) and published his record there.
        DhtStatus dht = (await bob.GetStatusAsync(TestProfiles.Ct)).Dht!;
        while (!dht.Published)
        {
            await Task.Delay(50, TestProfiles.Ct);
            dht = (await bob.GetStatusAsync(TestProfiles.Ct)).Dht!;
        }

        Assert.Equal(bob.DhtAddresses.Select(a => a.ToString()), dht.Addresses);
        Assert.EndsWith("/p2p/" + dht.PeerId, dht.Addresses[0], StringComparison.Ordinal);
        Assert.NotEqual((await bob.GetStatusAsync(TestProfiles.Ct)).PeerId, dht.PeerId);
        Assert.Equal(1, dht.RoutingTableSize);
        Assert.Equal(1, dht.StoredOn);
        Assert.Null(dht.LastFailureAt);
        Assert.Equal((long)dht.Sequence!.Value, dht.PublishedAt!.Value.ToUnixTimeMilliseconds());

        // What Alice's DHT holds is that publication or a later one (the node republishes when its addresses settle);
        // a later one shows in Bob's status once its PUT_VALUE has returned.
        WotIdDhtRecord? found = await alice.ResolveDidAsync(bobProfile.Did, TestProfiles.Ct);
        Assert.True(found!.Sequence >= dht.Sequence.Value);
        DhtStatus after = (await bob.GetStatusAsync(TestProfiles.Ct)).Dht!;
        while (after.Sequence < found.Sequence)
        {
            await Task.Delay(50, TestProfiles.Ct);
            after = (await bob.GetStatusAsync(TestProfiles.Ct)).Dht!;
        }

        Assert.Equal((long)after.Sequence!.Value, after.PublishedAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task WithoutDhtOptionsNoDhtRuns()
    {
        using var world = new RuntimeWorld();
        (NodeProfile profile, _) = await world.CreateAsync("carol");
        await using WotIdNode node = await world.StartAsync(profile);
        Assert.Empty(node.DhtAddresses);
        Assert.Null((await node.GetStatusAsync(TestProfiles.Ct)).Dht);
        await Assert.ThrowsAsync<Api.NodeException>(() => node.ResolveDidAsync(profile.Did, TestProfiles.Ct));
    }
}
