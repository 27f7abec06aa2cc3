using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.Dcutr;
using WotId.Libp2p.Protocols.Relay;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Relay;

// DCUtR on loopback: two hosts connected through our relay upgrade to a direct TCP connection (both dialing from
// their listen ports), the relayed connection is closed, and the direct one has the dialer of the circuit as client;
// a B that dials from an ephemeral port (js-libp2p does) still gets a connection with the DCUtR roles.
public sealed class HolePunchTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RelayedConnectionIsUpgradedToDirectTcp()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using Libp2pHost a = await RelayHostTests.StartPeerAsync(holePunching: true);
        await using Libp2pHost b = await RelayHostTests.StartPeerAsync(holePunching: true);
        using var cts = new CancellationTokenSource(s_timeout);
        Assert.Contains(DcutrProtocol.ProtocolId, a.Protocols);

        // B reserves; A dials B through the relay; B (inbound relayed side) drives the hole punch on its own.
        await using RelayReservationLease lease = await b.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Task<HostEvent> directAtA = HostFixture.NextEventAsync(
            a, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == b.PeerId && !e.Connection.IsRelayed, cts.Token);
        Libp2pConnection relayed = await a.DialAsync(lease.CircuitAddresses[0], cts.Token);
        Assert.True(relayed.IsRelayed);

        Libp2pConnection direct = (await directAtA).Connection!;
        Assert.True(direct.IsInitiator); // A, the circuit's dialer, is the client of the direct connection.
        Assert.Equal(b.ListenAddresses[0], direct.RemoteAddress);
        Assert.Equal(a.ListenAddresses[0], direct.LocalAddress);
        await relayed.Completion.WaitAsync(cts.Token);

        // B registers its side of the direct connection when Noise message 3 arrives, a moment after A.
        Libp2pConnection? atB;
        while ((atB = b.Connections.FirstOrDefault(c => c.ChannelBinding.Span.SequenceEqual(direct.ChannelBinding.Span))) is null)
        {
            await Task.Delay(10, cts.Token);
        }

        Assert.False(atB.IsRelayed);
        Assert.False(atB.IsInitiator);

        // The direct connection carries more than the relay's 128 KiB limit would allow.
        byte[] payload = RandomNumberGenerator.GetBytes(1024 * 1024);
        await using Libp2pStream s = await direct.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token));
    }

    [Fact]
    public async Task ADialFromAnEphemeralPortIsTakenAsThePunchWithTheDcutrRoles()
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using ManualB world = await ManualB.StartAsync(cts.Token);
        (Libp2pHost a, Libp2pHost b, Libp2pConnection circuitAtB) = (world.A, world.B, world.CircuitAtB);

        // B's side by hand, as js-libp2p plays it: CONNECT naming a port where nothing listens (so A's own dials fail),
        // SYNC, then a dial from an ephemeral port on which B is the multistream-select server (DCUtR.md).
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Task<HostEvent> directAtA = HostFixture.NextEventAsync(
            a, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == b.PeerId && !e.Connection.IsRelayed, cts.Token);
        await using (Libp2pStream s = await circuitAtB.OpenStreamAsync(DcutrProtocol.ProtocolId, cts.Token))
        {
            await DcutrProtocol.WriteAsync(s, new HolePunchMessage(HolePunchType.Connect, [Multiaddress.Parse("/ip4/127.0.0.1/tcp/" + closed)]), cts.Token);
            HolePunchMessage theirs = await DcutrProtocol.ReadAsync(s, HolePunchType.Connect, cts.Token);
            Assert.Contains(a.ListenAddresses[0], theirs.ObservedAddresses);
            await DcutrProtocol.WriteAsync(s, new HolePunchMessage(HolePunchType.Sync, []), cts.Token);
            TransportConnection raw = await new TcpTransport().DialAsync(a.ListenAddresses[0], cts.Token);
            Libp2pConnection atB = await b.UpgradeAsync(raw, initiator: false, a.PeerId, cts.Token);
            Assert.False(atB.IsInitiator);
            Assert.NotEqual(b.ListenAddresses[0], atB.LocalAddress);
        }

        // A took it as the punch's connection and is its client, although B dialed; data flows.
        Libp2pConnection direct = (await directAtA).Connection!;
        Assert.True(direct.IsInitiator);
        Assert.False(direct.IsRelayed);
        byte[] payload = RandomNumberGenerator.GetBytes(200 * 1024);
        await using Libp2pStream echo = await direct.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, payload, cts.Token));
    }

    [Fact]
    public async Task APunchedConnectionWhoseUpgradeOutlivesThePunchIsKept()
    {
        // The race seen under load: B's dial reached A and A started upgrading it as the punch's connection, but A's
        // DCUtR handler ended first (here: B reset the stream instead of sending SYNC; under load: the handler read SYNC
        // only after the connection was up and found no punch needed). The finished connection is the direct one: A
        // must keep it, not close it as a duplicate of a punch that has no other connection.
        using var cts = new CancellationTokenSource(s_timeout);
        await using ManualB world = await ManualB.StartAsync(cts.Token);
        (Libp2pHost a, Libp2pHost b, Libp2pConnection circuitAtB) = (world.A, world.B, world.CircuitAtB);

        Task<HostEvent> directAtA = HostFixture.NextEventAsync(
            a, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == b.PeerId && !e.Connection.IsRelayed, cts.Token);
        // CONNECT names a port where nothing listens: A registers the punch (it would dial there only on SYNC).
        await using Libp2pStream s = await circuitAtB.OpenStreamAsync(DcutrProtocol.ProtocolId, cts.Token);
        await DcutrProtocol.WriteAsync(s, new HolePunchMessage(HolePunchType.Connect, [Multiaddress.Parse("/ip4/127.0.0.1/tcp/9")]), cts.Token);
        await DcutrProtocol.ReadAsync(s, HolePunchType.Connect, cts.Token);
        Assert.True(a.IsPunching(b.PeerId));
        TransportConnection raw = await new TcpTransport().DialAsync(a.ListenAddresses[0], cts.Token);

        // A took the dial as the punch's (it speaks first, as the Noise initiator); then its handler ends.
        Socket socket = ((TcpConnection)raw).Socket;
        while (!socket.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead))
        {
            cts.Token.ThrowIfCancellationRequested();
        }

        s.Abort();
        while (a.IsPunching(b.PeerId))
        {
            await Task.Delay(10, cts.Token);
        }

        Libp2pConnection atB = await b.UpgradeAsync(raw, initiator: false, a.PeerId, cts.Token);
        Libp2pConnection direct = (await directAtA).Connection!;
        Assert.True(direct.IsInitiator);
        Assert.False(atB.IsInitiator);
        byte[] payload = RandomNumberGenerator.GetBytes(64 * 1024);
        await using Libp2pStream echo = await direct.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, payload, cts.Token));
        Assert.False(direct.IsClosed);
    }

    [Fact]
    public async Task ExplicitHolePunchFailsWhenThePeerDoesNotSpeakDcutr()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using Libp2pHost a = await RelayHostTests.StartPeerAsync(holePunching: false);
        await using Libp2pHost b = await RelayHostTests.StartPeerAsync(holePunching: false);
        using var cts = new CancellationTokenSource(s_timeout);
        await using RelayReservationLease lease = await b.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        Task<HostEvent> inbound = HostFixture.NextEventAsync(b, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == a.PeerId, cts.Token);
        await a.DialAsync(lease.CircuitAddresses[0], cts.Token);
        Libp2pConnection relayedAtB = (await inbound).Connection!;

        HostException ex = await Assert.ThrowsAsync<HostException>(() => b.HolePunchAsync(relayedAtB, cts.Token));
        Assert.Equal(HostError.HolePunchFailed, ex.Error);
        Assert.False(relayedAtB.IsClosed);
    }

    /// <summary>A (hole punching on) dialled B through a relay; B plays its DCUtR side by hand on <see cref="CircuitAtB"/>.</summary>
    private sealed class ManualB : IAsyncDisposable
    {
        private readonly Libp2pHost _relay;
        private readonly RelayReservationLease _lease;

        private ManualB(Libp2pHost relay, Libp2pHost a, Libp2pHost b, RelayReservationLease lease, Libp2pConnection circuitAtB)
        {
            (_relay, A, B, _lease, CircuitAtB) = (relay, a, b, lease, circuitAtB);
        }

        internal Libp2pHost A { get; }

        internal Libp2pHost B { get; }

        internal Libp2pConnection CircuitAtB { get; }

        internal static async Task<ManualB> StartAsync(CancellationToken cancellationToken)
        {
            Libp2pHost relay = await RelayHostTests.StartRelayAsync();
            Libp2pHost a = await RelayHostTests.StartPeerAsync(holePunching: true);
            Libp2pHost b = await RelayHostTests.StartPeerAsync();
            RelayReservationLease lease = await b.ReserveAsync(HostFixture.AddressOf(relay, false), cancellationToken);
            Task<HostEvent> relayedAtB = HostFixture.NextEventAsync(
                b, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == a.PeerId && e.Connection.IsRelayed, cancellationToken);
            await a.DialAsync(lease.CircuitAddresses[0], cancellationToken);
            return new ManualB(relay, a, b, lease, (await relayedAtB).Connection!);
        }

        public async ValueTask DisposeAsync()
        {
            await _lease.DisposeAsync();
            await B.DisposeAsync();
            await A.DisposeAsync();
            await _relay.DisposeAsync();
        }
    }
}
