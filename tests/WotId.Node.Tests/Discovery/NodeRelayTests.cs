using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using WotId.Testing.Libp2p;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Discovery;

// Three real nodes on 127.0.0.1 (docs/nat.md "The node"): Carol is the public node (relay service, DHT bootstrap);
// Alice and Bob hold reservations on her relay, publish their circuit addresses and prekey bundles in their DHT
// records, add each other from the DID alone, and chat. Bob's first connection goes through the relay (circuit
// addresses come first), passes the VerifiedHuman handshake there, and Alice's DCUtR moves it to a direct connection.
public sealed class NodeRelayTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ContactsFoundByDidMeetThroughTheRelayAndHolePunchToADirectConnection()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolProfile, _) = await world.CreateAsync("carol");
        (NodeProfile aliceProfile, _) = await world.CreateAsync("alice");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        string aliceDid = aliceProfile.Did, bobDid = bobProfile.Did;
        await using WotIdNode carol = await WotIdNode.StartAsync(carolProfile, Options(world).Public(), TestProfiles.Ct);
        string relay = carol.Host.AdvertisedAddresses[0].ToString();
        string bootstrap = carol.DhtAddresses.Single().ToString();
        using var logs = new CapturingLoggerProvider();
        await using WotIdNode alice = await WotIdNode.StartAsync(aliceProfile, Options(world).Nated(relay, bootstrap, logs), TestProfiles.Ct);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobProfile, Options(world).Nated(relay, bootstrap, logs), TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);

        // Each record is republished once its reservation is live: wait until the DHT hands out circuit addresses.
        WotIdDhtRecord aliceRecord = await WaitForCircuitRecordAsync(bob, aliceDid);
        await WaitForCircuitRecordAsync(alice, bobDid);
        Assert.NotNull(aliceRecord.PrekeyBundle);
        Assert.Equal(alice.RelayedAddresses[0], aliceRecord.Addresses[0]);
        Assert.Equal(2, carol.Host.RelayedReservationCount);

        ContactSummary added = await bob.AddContactAsync(aliceDid, "alice", TestProfiles.Ct);
        await alice.AddContactAsync(bobDid, "bob", TestProfiles.Ct);
        Assert.True(added.HasMailbox);

        SentMessage sent = await bob.SendTextAsync("alice", "found you by your DID", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        NodeEvent received = await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id, s_wait);
        Assert.Equal("found you by your DID", received.Text);

        // Alice received a relayed connection and punched: a direct verified connection replaces it.
        WotId.Libp2p.Peer.PeerId bobPeer = bob.Host.PeerId;
        await WaitUntilAsync(() => alice.Host.Connections.Any(c => c.RemotePeer == bobPeer && !c.IsRelayed && c.IsGateOpen)
            && !alice.Host.Connections.Any(c => c.RemotePeer == bobPeer && c.IsRelayed && !c.IsClosed),
            () => string.Join('\n', logs.Entries.Where(e => e.Message.Contains("punch", StringComparison.OrdinalIgnoreCase) || e.Level >= LogLevel.Warning).Select(e => e.Message)));
        Assert.Contains(bobEvents.All, e => e.Kind == NodeEventKinds.HandshakeVerified && e.Contact == "alice");

        SentMessage back = await alice.SendTextAsync("bob", "and now directly", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, back.Delivered);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == back.Id, s_wait);

        // The relay holds the reservations without any handshake: its connections to Alice and Bob stay open.
        Assert.True(carol.Host.RelayedReservationCount >= 2);
    }

    [Fact]
    public async Task AddingAnUnknownDidFailsWithATypedError()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolProfile, _) = await world.CreateAsync("carol");
        (NodeProfile bobProfile, _) = await world.CreateAsync("bob");
        (NodeProfile daveProfile, _) = await world.CreateAsync("dave");
        string daveDid = daveProfile.Did;
        daveProfile.Dispose();
        await using WotIdNode carol = await WotIdNode.StartAsync(carolProfile, Options(world).Public(), TestProfiles.Ct);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobProfile, Options(world).Nated(null, carol.DhtAddresses.Single().ToString()), TestProfiles.Ct);

        NodeException e = await Assert.ThrowsAsync<NodeException>(() => bob.AddContactAsync(daveDid, null, TestProfiles.Ct));
        Assert.Equal(NodeError.InvalidInvitation, e.Error);
        Assert.Empty(await bob.GetContactsAsync(TestProfiles.Ct));
    }

    private static NodeOptionsBuilder Options(RuntimeWorld world) => new(world);

    private static async Task<WotIdDhtRecord> WaitForCircuitRecordAsync(WotIdNode asker, string did)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (true)
        {
            WotIdDhtRecord? record = await asker.ResolveDidAsync(did, TestProfiles.Ct);
            if (record is not null && record.Addresses.Any(a => a.Contains(MultiaddrCodes.P2pCircuit)))
            {
                return record;
            }

            Assert.True(DateTime.UtcNow < end, "no record with a circuit address for " + did);
            await Task.Delay(200, TestProfiles.Ct);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> explain)
    {
        DateTime end = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, "condition not reached in time:\n" + explain());
            await Task.Delay(100, TestProfiles.Ct);
        }
    }

    /// <summary>Node options for the two roles of these tests.</summary>
    private sealed record NodeOptionsBuilder(RuntimeWorld World)
    {
        public NodeOptions Public() => new()
        {
            StatusLists = World.StatusLists,
            RelayService = true,
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        };

        public NodeOptions Nated(string? relay, string bootstrap, ILoggerFactory? logs = null) => new()
        {
            LoggerFactory = logs,
            StatusLists = World.StatusLists,
            DirectDeliveryTimeout = TimeSpan.FromSeconds(20),
            MailboxPollInterval = TimeSpan.FromMilliseconds(300),
            OutboxRetryInterval = TimeSpan.FromSeconds(1),
            RelayAddresses = relay is null ? [] : [relay],
            BootstrapPeers = [bootstrap],
            DhtListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
            HolePunching = true,
            ReservationCheckInterval = TimeSpan.FromMilliseconds(200),
        };    }
}
