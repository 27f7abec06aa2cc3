// A verified chat between two real nodes while a third party attacks the receiver (issue "Hostile peers",
// Verification): 1,000 idle TCP sockets from many loopback addresses and 20 libp2p peers with throwaway identities
// that connect but never run the handshake. Every message must arrive; the round trips (send until the receiver's
// message.received) go to the test output and docs/benchmarks-libp2p.md, never into an assertion.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeUnderAttackTests(ITestOutputHelper output)
{
    private const int Messages = 30;

    [Fact]
    public async Task AVerifiedChatDeliversEveryMessageWhileTheReceiverIsFlooded()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        await alice.SendTextAsync("bob", "before the attack", TestProfiles.Ct);

        Multiaddress target = bob.Host.ListenAddresses[0];
        Assert.True(target.TryGetTcpEndPoint(out IPEndPoint? endPoint));
        var sockets = new List<Socket>();
        var strangers = new List<(PeerIdentity Id, Libp2pHost Host)>();
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(s);
                s.Bind(new IPEndPoint(new IPAddress(new byte[] { 127, 0, (byte)(20 + (i / 100)), (byte)(1 + (i % 100)) }), 0));
                try
                {
                    await s.ConnectAsync(endPoint!, TestProfiles.Ct);
                }
                catch (SocketException)
                {
                    // Refused at once: the admission limits at work.
                }
            }

            for (int i = 0; i < 20; i++)
            {
                var id = PeerIdentity.Generate();
                var host = new Libp2pHost(new Libp2pHostOptions(id));
                strangers.Add((id, host));
                await host.StartAsync(TestProfiles.Ct);
                try
                {
                    await host.DialAsync(target.Encapsulate("/p2p/" + bob.Host.PeerId), TestProfiles.Ct);
                }
                catch (HostException)
                {
                    // Refused (limits) or dropped: also fine for an attacker.
                }
            }

            var rtts = new List<double>();
            for (int i = 0; i < Messages; i++)
            {
                long start = Stopwatch.GetTimestamp();
                SentMessage sent = await alice.SendTextAsync("bob", "under attack " + i, TestProfiles.Ct);
                Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
                await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
                rtts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Assert.Equal(Messages + 1, (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Count);
            NetworkStatus network = (await bob.GetStatusAsync(TestProfiles.Ct)).Network!;
            Assert.True(network.PendingInbound <= bob.Host.Options.MaxPendingInbound);
            List<double> sorted = rtts.Order().ToList();
            output.WriteLine(
                $"node chat under 1,000 idle sockets + 20 unverified peers: p50 {sorted[sorted.Count / 2]:0.0} ms, max {sorted[^1]:0.0} ms " +
                $"over {Messages} messages; bob: {network.PendingInbound} pending, {network.UnverifiedConnections} unverified, refusals " +
                $"system {network.Refusals.System}, transient {network.Refusals.Transient}");
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
            foreach ((PeerIdentity id, Libp2pHost host) in strangers)
            {
                await host.DisposeAsync();
                id.Dispose();
            }
        }
    }
}
