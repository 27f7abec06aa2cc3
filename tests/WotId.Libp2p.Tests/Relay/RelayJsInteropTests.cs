using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.Relay;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Relay;

// Circuit Relay v2 against js-libp2p 3.3.11 with @libp2p/circuit-relay-v2 4.2.13 (interop/libp2p/relay-peer.mjs):
// our node reserves on a js relay and a js node dials it through that relay; a js node reserves on our relay and our
// node (and a js node) dial it through ours. Data crosses every relayed connection in both directions.
public sealed class RelayJsInteropTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task CSharpReservesOnJsRelayAndJsDialsItThroughTheRelay()
    {
        await using JsRelayPeer relay = await JsRelayPeer.StartAsync("--relay-server");
        await using JsRelayPeer dialer = await JsRelayPeer.StartAsync();
        await using Libp2pHost cs = await RelayHostTests.StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        await using RelayReservationLease lease = await cs.ReserveAsync(relay.TcpAddress, cts.Token);
        Assert.Equal(relay.PeerId, lease.Relay);
        Assert.NotNull(lease.Limit);
        Multiaddress circuit = lease.CircuitAddresses[0];
        Assert.Contains("/p2p-circuit/p2p/" + cs.PeerId, circuit.ToString());

        Task<HostEvent> inbound = HostFixture.NextEventAsync(
            cs, e => e.Kind == HostEventKind.ConnectionOpened && e.Connection!.RemotePeer == dialer.PeerId, cts.Token);
        JsonNode dial = await dialer.RunAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = circuit.ToString() });
        Assert.Equal(cs.PeerId.ToString(), dial["peer"]!.GetValue<string>());
        Assert.True(dial["limited"]!.GetValue<bool>());
        Libp2pConnection atCs = (await inbound).Connection!;
        Assert.True(atCs.IsRelayed);
        Assert.False(atCs.IsInitiator);

        // js → C# and C# → js over the relayed connection (within js's 128 KiB default limit).
        JsonNode echo = await dialer.RunAsync(new JsonObject { ["cmd"] = "echo", ["peer"] = cs.PeerId.ToString(), ["size"] = 20_000 });
        Assert.Equal(20_000, echo["bytes"]!.GetValue<int>());
        byte[] payload = RandomNumberGenerator.GetBytes(10_000);
        await using Libp2pStream s = await atCs.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token));
    }

    [Fact]
    public async Task JsReservesOnCSharpRelayAndCSharpDialsItThroughTheRelay()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using JsRelayPeer js = await JsRelayPeer.StartAsync("--listen", HostFixture.AddressOf(relay, false) + "/p2p-circuit");
        await using Libp2pHost cs = await RelayHostTests.StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        // js announced its address through our relay, built from our reservation's addresses.
        Multiaddress circuit = js.Addresses.Single(a => a.Contains(MultiaddrCodes.P2pCircuit));
        Assert.Equal(HostFixture.AddressOf(relay, false) + "/p2p-circuit/p2p/" + js.PeerId, circuit.ToString());
        Assert.Equal(1, relay.RelayedReservationCount);

        Libp2pConnection c = await cs.DialAsync(circuit, cts.Token);
        Assert.True(c.IsRelayed);
        Assert.Equal(js.PeerId, c.RemotePeer);
        await c.Identified.WaitAsync(cts.Token);
        byte[] payload = RandomNumberGenerator.GetBytes(30_000);
        await using (Libp2pStream s = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token))
        {
            Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token));
        }

        JsonNode echo = await js.RunAsync(new JsonObject { ["cmd"] = "echo", ["peer"] = cs.PeerId.ToString(), ["size"] = 5_000 });
        Assert.Equal(5_000, echo["bytes"]!.GetValue<int>());
        Assert.Equal(1, relay.RelayedCircuitCount);
    }

    [Fact]
    public async Task JsDialsJsThroughCSharpRelay()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using JsRelayPeer target = await JsRelayPeer.StartAsync("--listen", HostFixture.AddressOf(relay, false) + "/p2p-circuit");
        await using JsRelayPeer dialer = await JsRelayPeer.StartAsync();
        Multiaddress circuit = target.Addresses.Single(a => a.Contains(MultiaddrCodes.P2pCircuit));

        JsonNode dial = await dialer.RunAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = circuit.ToString() });
        Assert.Equal(target.PeerId.ToString(), dial["peer"]!.GetValue<string>());
        Assert.True(dial["limited"]!.GetValue<bool>());
        JsonNode echo = await dialer.RunAsync(new JsonObject { ["cmd"] = "echo", ["addr"] = circuit.ToString(), ["size"] = 40_000 });
        Assert.Equal(40_000, echo["bytes"]!.GetValue<int>());
    }

    [Fact]
    public async Task JsRelayRefusesCircuitToPeerWithoutReservation()
    {
        await using JsRelayPeer relay = await JsRelayPeer.StartAsync("--relay-server");
        await using Libp2pHost a = await RelayHostTests.StartPeerAsync();
        await using Libp2pHost b = await RelayHostTests.StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await a.DialAsync(relay.TcpAddress, cts.Token);

        HostException ex = await Assert.ThrowsAsync<HostException>(
            () => b.DialAsync(relay.TcpAddress.Encapsulate("/p2p-circuit/p2p/" + a.PeerId), cts.Token));
        Assert.Equal(HostError.RelayFailed, ex.Error);
        Assert.Equal(RelayStatus.NoReservation, ex.RelayStatus);
    }
}
