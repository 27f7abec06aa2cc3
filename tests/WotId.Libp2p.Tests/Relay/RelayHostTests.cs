using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Relay;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Relay;

// Circuit Relay v2 between C# hosts on 127.0.0.1: reservation, relayed connection with the full upgrade, refusals
// (no reservation, limits, relayed connections), the data limit, renewal after the relay connection was lost.
public sealed class RelayHostTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    internal static Task<Libp2pHost> StartRelayAsync(RelayServiceOptions? relay = null) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            RelayService = relay ?? new RelayServiceOptions(),
        });

    internal static Task<Libp2pHost> StartPeerAsync(bool holePunching = false) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id) { ListenAddresses = [HostFixture.Tcp], HolePunching = holePunching });

    [Fact]
    public async Task PeerBehindRelayIsReachableThroughItsCircuitAddress()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        await using RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Assert.Equal(relay.PeerId, lease.Relay);
        Assert.True(lease.Expire > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Equal(new RelayLimit(120, 128 * 1024), lease.Limit);
        Multiaddress circuit = Assert.Single(lease.CircuitAddresses);
        Assert.Equal(HostFixture.AddressOf(relay, false) + "/p2p-circuit/p2p/" + a.PeerId, circuit.ToString());
        Assert.Equal(1, relay.RelayedReservationCount);
        Assert.Contains(RelayProtocol.StopProtocolId, a.Protocols);

        Task<HostEvent> inbound = HostFixture.NextEventAsync(
            a, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == b.PeerId, cts.Token);
        Libp2pConnection c = await b.DialAsync(circuit, cts.Token);
        Assert.True(c.IsRelayed);
        Assert.True(c.IsInitiator);
        Assert.Equal(a.PeerId, c.RemotePeer);
        Libp2pConnection atA = (await inbound).Connection!;
        Assert.True(atA.IsRelayed);
        Assert.False(atA.IsInitiator);
        Assert.Equal(b.PeerId, atA.RemotePeer);
        Assert.Equal(c.ChannelBinding.ToArray(), atA.ChannelBinding.ToArray());
        Assert.Equal(1, relay.RelayedCircuitCount);

        // Identify and application streams run over the circuit, end to end encrypted.
        WotId.Libp2p.Protocols.Identify.IdentifyMessage fromA = await c.Identified.WaitAsync(cts.Token);
        Assert.Equal(a.PeerId, PeerId.FromPublicKey(PeerPublicKey.Decode(fromA.PublicKey!)));
        Assert.Contains(circuit, a.AdvertisedAddresses);
        Assert.Contains(circuit.DecapsulateCode(MultiaddrCodes.P2p), fromA.ParsedListenAddrs());
        byte[] payload = RandomNumberGenerator.GetBytes(40_000);
        await using Libp2pStream s = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token));

        await c.CloseAsync();
        await atA.Completion.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task ConnectWithoutReservationIsRefusedWithNoReservation()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await a.DialAsync(HostFixture.AddressOf(relay, false), cts.Token);

        Multiaddress circuit = HostFixture.AddressOf(relay, false).Encapsulate("/p2p-circuit/p2p/" + a.PeerId);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => b.DialAsync(circuit, cts.Token));
        Assert.Equal(HostError.RelayFailed, ex.Error);
        Assert.Equal(RelayStatus.NoReservation, ex.RelayStatus);
    }

    [Fact]
    public async Task HostWithoutRelayServiceDoesNotSpeakHop()
    {
        await using Libp2pHost notRelay = await StartPeerAsync();
        await using Libp2pHost a = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => a.ReserveAsync(HostFixture.AddressOf(notRelay, false), cts.Token));
        Assert.Equal(HostError.ProtocolNotSupported, ex.Error);
    }

    [Fact]
    public async Task ReservationLimitRefusesTheThirdPeer()
    {
        await using Libp2pHost relay = await StartRelayAsync(new RelayServiceOptions { MaxReservations = 2 });
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        await using Libp2pHost c = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Multiaddress at = HostFixture.AddressOf(relay, false);

        await using RelayReservationLease la = await a.ReserveAsync(at, cts.Token);
        await using RelayReservationLease lb = await b.ReserveAsync(at, cts.Token);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => c.ReserveAsync(at, cts.Token));
        Assert.Equal(RelayStatus.ResourceLimitExceeded, ex.RelayStatus);

        // A holder renewing its own reservation is not a new one.
        await using RelayReservationLease again = await a.ReserveAsync(at, cts.Token);
        Assert.Equal(2, relay.RelayedReservationCount);
    }

    [Fact]
    public async Task ReservationsPerIpAreLimited()
    {
        await using Libp2pHost relay = await StartRelayAsync(new RelayServiceOptions { MaxReservationsPerIp = 1 });
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease la = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => b.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token));
        Assert.Equal(RelayStatus.ResourceLimitExceeded, ex.RelayStatus);
    }

    [Fact]
    public async Task CircuitOverTheDataLimitIsReset()
    {
        await using Libp2pHost relay = await StartRelayAsync(new RelayServiceOptions { CircuitLimit = new RelayLimit(0, 64 * 1024) });
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Libp2pConnection c = await b.DialAsync(lease.CircuitAddresses[0], cts.Token);

        await using Libp2pStream s = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        byte[] big = RandomNumberGenerator.GetBytes(256 * 1024);
        await Assert.ThrowsAnyAsync<IOException>(() => HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, big, cts.Token));
        await c.Completion.WaitAsync(cts.Token);
        Assert.True(c.IsClosed);
    }

    [Fact]
    public async Task RelayedConnectionCannotReserveOrConnectFurther()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost relay2 = await StartRelayAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        // relay2 reserves on relay, so relay2 is reachable through a circuit; a reservation on relay2 over that
        // relayed connection must be refused.
        await using RelayReservationLease lease = await relay2.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Libp2pConnection c = await b.DialAsync(lease.CircuitAddresses[0], cts.Token);
        Assert.True(c.IsRelayed);
        await using Libp2pStream hop = await c.OpenStreamAsync(RelayProtocol.HopProtocolId, cts.Token);
        await RelayProtocol.WriteAsync(hop, new HopMessage { Type = HopMessageType.Reserve }, cts.Token);
        HopMessage answer = await RelayProtocol.ReadHopAsync(hop, cts.Token);
        Assert.Equal(RelayStatus.PermissionDenied, answer.Status);
    }

    [Fact]
    public async Task ReservationIsRenewedAfterTheRelayConnectionWasLost()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Assert.True(a.TryGetConnection(relay.PeerId, out Libp2pConnection? toRelay));

        toRelay!.Abort();
        while (lease.Renewals == 0)
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.Equal(1, relay.RelayedReservationCount);
        Libp2pConnection c = await b.DialAsync(lease.CircuitAddresses[0], cts.Token);
        Assert.True(c.IsRelayed);
    }

    [Fact]
    public async Task CircuitsPerPeerAreLimited()
    {
        await using Libp2pHost relay = await StartRelayAsync(new RelayServiceOptions { MaxCircuitsPerPeer = 1 });
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        await using Libp2pHost c = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);

        Libp2pConnection first = await b.DialAsync(lease.CircuitAddresses[0], cts.Token);
        Assert.True(first.IsRelayed);
        HostException ex = await Assert.ThrowsAsync<HostException>(() => c.DialAsync(lease.CircuitAddresses[0], cts.Token));
        Assert.Equal(RelayStatus.ResourceLimitExceeded, ex.RelayStatus);

        // Once the first circuit is gone, the slot is free again.
        await first.CloseAsync();
        while (relay.RelayedCircuitCount > 0)
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.True((await c.DialAsync(lease.CircuitAddresses[0], cts.Token)).IsRelayed);
    }

    [Fact]
    public async Task TargetThatRefusesTheStopProtocolGivesConnectionFailed()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost a = await StartPeerAsync();
        await using Libp2pHost b = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        a.RemoveHandler(RelayProtocol.StopProtocolId);

        HostException ex = await Assert.ThrowsAsync<HostException>(() => b.DialAsync(lease.CircuitAddresses[0], cts.Token));
        Assert.Equal(RelayStatus.ConnectionFailed, ex.RelayStatus);

        // The relay releases the circuit's slot after it has answered, so the count drops shortly after the dial fails.
        while (relay.RelayedCircuitCount > 0)
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.Equal(0, relay.RelayedCircuitCount);
    }

    [Fact]
    public async Task MalformedHopRequestIsAnsweredWithMalformedMessage()
    {
        await using Libp2pHost relay = await StartRelayAsync();
        await using Libp2pHost a = await StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(relay, false), cts.Token);

        await using Libp2pStream hop = await c.OpenStreamAsync(RelayProtocol.HopProtocolId, cts.Token);
        await WotId.Libp2p.Protocols.LengthPrefixed.WriteAsync(hop, new byte[] { 0x12, 0x05, 0x0a }, cts.Token);
        Assert.Equal(RelayStatus.MalformedMessage, (await RelayProtocol.ReadHopAsync(hop, cts.Token)).Status);

        await using Libp2pStream hop2 = await c.OpenStreamAsync(RelayProtocol.HopProtocolId, cts.Token);
        await RelayProtocol.WriteAsync(hop2, new HopMessage { Type = HopMessageType.Status, Status = RelayStatus.Ok }, cts.Token);
        Assert.Equal(RelayStatus.UnexpectedMessage, (await RelayProtocol.ReadHopAsync(hop2, cts.Token)).Status);
        Assert.False(c.IsClosed);
    }
}
