using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Relay;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Relay;

// Hostile peers around Circuit Relay v2 (issue 12, "Hostile peers"): a flood of reservations from many peer ids on
// several IPs is cut at the per-IP limit while an honest peer still reserves and is reached through the relay; relays
// that stall or cut a circuit mid-handshake give the dialer a typed error within its upgrade timeout, never a hang.
// Several source IPs on loopback: SourceBoundTcpTransport dials from a chosen 127.0.0.N.
public sealed class RelayHostilePeerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AReservationFloodFromManyPeerIdsStopsAtThePerIpLimitAndHonestPeersAreStillServed()
    {
        const int ips = 4, peersPerIp = 10, perIp = 3;
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync(new RelayServiceOptions { MaxReservationsPerIp = perIp });
        Multiaddress at = HostFixture.AddressOf(relay, false);
        using var cts = new CancellationTokenSource(s_timeout);
        var attackers = new List<Libp2pHost>();
        try
        {
            for (int ip = 0; ip < ips; ip++)
            {
                for (int i = 0; i < peersPerIp; i++)
                {
                    attackers.Add(await StartOnAsync("127.0." + (10 + ip) + ".1")); // one /24 each: the host also limits pending handshakes per subnet
                }
            }

            var outcomes = await Task.WhenAll(attackers.Select(async a =>
            {
                try
                {
                    await a.ReserveAsync(at, cts.Token);
                    return (RelayStatus?)RelayStatus.Ok;
                }
                catch (HostException ex)
                {
                    return ex.RelayStatus;
                }
            }));

            // Every peer past the per-IP limit is refused: with RESOURCE_LIMIT_EXCEEDED, or earlier, when more
            // connections from its IP were in their handshake than the relay host admits (MaxInboundPerIp, 8).
            Assert.Equal(ips * perIp, outcomes.Count(o => o == RelayStatus.Ok));
            Assert.Equal(ips * (peersPerIp - perIp), outcomes.Count(o => o is RelayStatus.ResourceLimitExceeded or null));
            Assert.Contains(RelayStatus.ResourceLimitExceeded, outcomes);
            Assert.Equal(ips * perIp, relay.RelayedReservationCount);

            // An honest peer on another IP reserves and is reached through its circuit during the flood.
            await using Libp2pHost honest = await StartOnAsync("127.0.50.1");
            await using RelayReservationLease lease = await honest.ReserveAsync(at, cts.Token);
            await using Libp2pHost dialer = await RelayHostTests.StartPeerAsync();
            Libp2pConnection viaRelay = await dialer.DialAsync(lease.CircuitAddresses[0], cts.Token);
            Assert.True(viaRelay.IsRelayed);
            Assert.Equal(honest.PeerId, viaRelay.RemotePeer);
        }
        finally
        {
            await Task.WhenAll(attackers.Select(a => a.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task ARelayThatStallsAfterAcceptingTheCircuitGivesATypedErrorNotAHang()
    {
        await using Libp2pHost evil = await HostFixture.StartAsync();
        evil.SetHandler(RelayProtocol.HopProtocolId, async (s, ct) =>
        {
            await RelayProtocol.ReadHopAsync(s, ct);
            await RelayProtocol.WriteAsync(s, new HopMessage { Type = HopMessageType.Status, Status = RelayStatus.Ok }, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });

        HostException ex = await DialThroughAsync(evil);
        Assert.Equal(HostError.UpgradeFailed, ex.Error);
    }

    [Fact]
    public async Task ARelayThatCutsTheCircuitMidHandshakeGivesATypedError()
    {
        await using Libp2pHost evil = await HostFixture.StartAsync();
        evil.SetHandler(RelayProtocol.HopProtocolId, async (s, ct) =>
        {
            await RelayProtocol.ReadHopAsync(s, ct);
            await RelayProtocol.WriteAsync(s, new HopMessage { Type = HopMessageType.Status, Status = RelayStatus.Ok }, ct);
            // The first bytes of a multistream header, then the circuit ends.
            await s.WriteAsync("\x13/multistream"u8.ToArray(), ct);
        });

        HostException ex = await DialThroughAsync(evil);
        Assert.Equal(HostError.UpgradeFailed, ex.Error);
    }

    private static async Task<HostException> DialThroughAsync(Libp2pHost evil)
    {
        await using Libp2pHost dialer = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            UpgradeTimeout = TimeSpan.FromSeconds(3),
        });
        using var target = PeerIdentity.Generate();
        using var guard = new CancellationTokenSource(s_timeout);
        Multiaddress circuit = HostFixture.AddressOf(evil, false).Encapsulate("/p2p-circuit/p2p/" + target.PeerId);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => dialer.DialAsync(circuit, guard.Token));
        Assert.False(guard.IsCancellationRequested);
        Assert.DoesNotContain(dialer.Connections, c => c.IsRelayed);
        return ex;
    }

    private static Task<Libp2pHost> StartOnAsync(string ip) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [Multiaddress.Parse("/ip4/" + ip + "/tcp/0")],
            Transports = [new SourceBoundTcpTransport(System.Net.IPAddress.Parse(ip))],
        });
}
