using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.Relay;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Relay;

// Circuit addresses in the signed peer record (libp2p/specs RFC 0003, identify/push): when a host gains or loses a
// reservation, it seals a new record with a higher sequence and pushes identify, so a peer already connected learns
// the /p2p-circuit address, and forgets it again when the reservation ends; a js-libp2p 3.3.11 peer
// (interop/libp2p/relay-peer.mjs) stores it as a certified address.
public sealed class CircuitPeerRecordTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ConnectedPeerLearnsAndForgetsTheCircuitAddressFromTheSignedRecord()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using Libp2pHost a = await RelayHostTests.StartPeerAsync();
        await using Libp2pHost b = await RelayHostTests.StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await b.DialAsync(HostFixture.AddressOf(a, false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        ulong before = await WaitForRecordAsync(b, a, _ => true, cts.Token);

        Multiaddress circuit;
        await using (RelayReservationLease lease = await a.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token))
        {
            circuit = lease.CircuitAddresses.Single().DecapsulateCode(MultiaddrCodes.P2p);
            ulong during = await WaitForRecordAsync(b, a, info => info.Addresses.Contains(circuit), cts.Token);
            Assert.True(during > before);
        }

        ulong after = await WaitForRecordAsync(b, a, info => !info.Addresses.Contains(circuit), cts.Token);
        Assert.Contains(b.PeerStore.Get(a.PeerId)!.Addresses, x => x.ToString().StartsWith("/ip4/127.0.0.1/tcp/", StringComparison.Ordinal));
        Assert.True(after > before);
    }

    [Fact]
    public async Task JsPeerConnectedBeforeTheReservationSeesTheCircuitAddressAsCertified()
    {
        await using Libp2pHost relay = await RelayHostTests.StartRelayAsync();
        await using JsRelayPeer js = await JsRelayPeer.StartAsync();
        await using Libp2pHost cs = await RelayHostTests.StartPeerAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        await cs.DialAsync(js.TcpAddress, cts.Token);
        await using RelayReservationLease lease = await cs.ReserveAsync(HostFixture.AddressOf(relay, false), cts.Token);
        string circuit = lease.CircuitAddresses.Single().DecapsulateCode(MultiaddrCodes.P2p).ToString();

        // The identify push carries the new signed peer record; js verifies it and stores its addresses as certified.
        while (true)
        {
            JsonNode seen = await js.RunAsync(new JsonObject { ["cmd"] = "peer-addrs", ["peer"] = cs.PeerId.ToString() });
            if (seen["addrs"]!.AsArray().Any(a => a!["addr"]!.GetValue<string>() == circuit && a["certified"]!.GetValue<bool>()))
            {
                break;
            }

            cts.Token.ThrowIfCancellationRequested();
            await Task.Delay(200, cts.Token);
        }
    }

    /// <summary>Waits until <paramref name="observer"/> holds a verified record of <paramref name="subject"/> matching <paramref name="match"/>.</summary>
    private static async Task<ulong> WaitForRecordAsync(Libp2pHost observer, Libp2pHost subject, Func<PeerInfo, bool> match, CancellationToken ct)
    {
        while (true)
        {
            if (observer.PeerStore.Get(subject.PeerId) is { PeerRecordSequence: ulong seq } info && match(info))
            {
                return seq;
            }

            await Task.Delay(50, ct);
        }
    }
}
