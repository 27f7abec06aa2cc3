using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.AutoNat;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Discovery;

// Automatic reachability with real nodes on 127.0.0.1 (docs/nat.md "Automatic reachability"): Carol is the
// infrastructure node (DHT bootstrap with relay and AutoNAT v2 service on her DHT host); the others know only her DHT
// address. On loopback an AutoNAT server can dial every address back, so the measured verdict here is "public"; the
// private verdict with real NATs is NatStoryTests' (network namespaces, root).
public sealed class NodeReachabilityTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NodeDialedBackByTheBootstrapAutoNatServerIsPublicAndAdvertisesItsDirectAddressFirst()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolProfile, _) = await world.CreateAsync("carol");
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        string aliceDid = aliceProfile.Did;
        await using WotIdNode carol = await WotIdNode.StartAsync(carolProfile, Infrastructure(world), TestProfiles.Ct);
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, Person(world, carol), TestProfiles.Ct);

        ReachabilityStatus r = await WaitForReachabilityAsync(alice, s => s.State == "public" && s.RelayedAddresses.Count == 0);
        Assert.Equal("autonat", r.Source);
        Multiaddress listen = alice.Host.ListenAddresses.Single();
        Assert.Equal([listen.Encapsulate("/p2p/" + alice.Host.PeerId).ToString()], r.PublicAddresses);
        Assert.Equal(Reachability.Public, alice.Reachability);

        // The reservation taken while the verdict was open is released; the record names the verified address first.
        await WaitUntilAsync(() => alice.Host.Reservations.Count == 0);
        WotIdDhtRecord record = await WaitForRecordAsync(carol, aliceDid, x => x.Addresses.Count > 0 && x.Addresses[0] == listen
            && !x.Addresses.Any(a => a.Contains(MultiaddrCodes.P2pCircuit)));
        Assert.Equal(alice.Host.PeerId, record.PeerId);
    }

    [Fact]
    public async Task NodeStatedPrivateReservesOnTheRelayAmongItsBootstrapPeersAndPublishesTheCircuit()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolProfile, _) = await world.CreateAsync("carol");
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        string aliceDid = aliceProfile.Did;
        await using WotIdNode carol = await WotIdNode.StartAsync(carolProfile, Infrastructure(world), TestProfiles.Ct);
        NodeOptions options = Person(world, carol);
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, new NodeOptions
        {
            StatusLists = options.StatusLists,
            BootstrapPeers = options.BootstrapPeers,
            DhtListenAddresses = options.DhtListenAddresses,
            ReservationCheckInterval = options.ReservationCheckInterval,
            ReachabilityOverride = Reachability.Private,
        }, TestProfiles.Ct);

        ReachabilityStatus r = await WaitForReachabilityAsync(alice, s => s.RelayedAddresses.Count == 1);
        Assert.Equal(("private", "configured"), (r.State, r.Source));
        Assert.Empty(r.PublicAddresses);
        string relay = carol.DhtAddresses.Single().ToString();
        Assert.Equal([relay], r.Relays);
        Assert.Equal(relay + "/p2p-circuit/p2p/" + alice.Host.PeerId, r.RelayedAddresses[0]);
        Assert.Equal(1, carol.DhtHost!.RelayedReservationCount);

        WotIdDhtRecord record = await WaitForRecordAsync(carol, aliceDid, x => x.Addresses.Count > 0 && x.Addresses[0].Contains(MultiaddrCodes.P2pCircuit));
        Assert.Equal(r.RelayedAddresses[0], record.Addresses[0].ToString());
    }

    [Fact]
    public async Task NodeWithoutBootstrapPeersReportsUnknownReachabilityMeasuredByNothing()
    {
        using var world = new RuntimeWorld();
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, world.Options, TestProfiles.Ct);

        NodeStatus status = await alice.GetStatusAsync(TestProfiles.Ct);
        Assert.Equal(("unknown", "none"), (status.Reachability!.State, status.Reachability.Source));
        Assert.Empty(status.Reachability.RelayedAddresses);
        Assert.Empty(status.Reachability.Relays);
    }

    internal static NodeOptions Infrastructure(RuntimeWorld world) => new()
    {
        StatusLists = world.StatusLists,
        RelayService = true,
        AutoNatService = true,
        AutoNatAllowPrivateAddresses = true,
        DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
    };

    internal static NodeOptions Person(RuntimeWorld world, WotIdNode bootstrap) => new()
    {
        StatusLists = world.StatusLists,
        DirectDeliveryTimeout = TimeSpan.FromSeconds(20),
        MailboxPollInterval = TimeSpan.FromMilliseconds(300),
        OutboxRetryInterval = TimeSpan.FromSeconds(1),
        BootstrapPeers = [bootstrap.DhtAddresses.Single().ToString()],
        DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        ReservationCheckInterval = TimeSpan.FromMilliseconds(200),
    };

    internal static async Task<WotIdDhtRecord> WaitForRecordAsync(WotIdNode asker, string did, Func<WotIdDhtRecord, bool> match)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (true)
        {
            WotIdDhtRecord? record;
            try
            {
                record = await asker.ResolveDidAsync(did, TestProfiles.Ct);
            }
            catch (KadException e) when (e.Error == KadError.NoPeers)
            {
                // The asker knows no server-mode peer yet and does not hold the record yet: keep waiting.
                record = null;
            }

            if (record is not null && match(record))
            {
                return record;
            }

            Assert.True(DateTime.UtcNow < end, "no matching record for " + did + ": " + (record is null ? "none" : string.Join(' ', record.Addresses)));
            await Task.Delay(200, TestProfiles.Ct);
        }
    }

    private static async Task<ReachabilityStatus> WaitForReachabilityAsync(WotIdNode node, Func<ReachabilityStatus, bool> match)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (true)
        {
            ReachabilityStatus r = (await node.GetStatusAsync(TestProfiles.Ct)).Reachability!;
            if (match(r))
            {
                return r;
            }

            Assert.True(DateTime.UtcNow < end, $"reachability not reached: {r.State} {r.Source} relayed [{string.Join(' ', r.RelayedAddresses)}]");
            await Task.Delay(200, TestProfiles.Ct);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, "condition not reached in time");
            await Task.Delay(100, TestProfiles.Ct);
        }
    }
}
