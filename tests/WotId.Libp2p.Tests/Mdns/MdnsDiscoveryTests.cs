using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Host;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Mdns;

// mDNS discovery over real multicast (224.0.0.251:5353) between two C# hosts and with js-libp2p @libp2p/mdns
// (interop/libp2p/mdns-peer.mjs) both ways. Each test uses its own service name, so parallel runs do not mix.
// Skipped with the reason where the machine has no multicast route.
public sealed class MdnsDiscoveryTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static string UniqueService() => "_p2p-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant() + "._udp.local";

    private static async Task<MdnsDiscovery> StartMdnsAsync(Libp2pHost host, string service)
    {
        var mdns = new MdnsDiscovery(host, new MdnsOptions { ServiceName = service, QueryInterval = TimeSpan.FromSeconds(1) });
        try
        {
            await mdns.StartAsync();
        }
        catch (SocketException e)
        {
            await mdns.DisposeAsync();
            Assert.Skip("multicast is not available on this machine: " + e.Message);
        }

        return mdns;
    }

    private static async Task<MdnsPeer> NextAsync(MdnsDiscovery mdns, PeerId peer, CancellationToken ct)
    {
        await foreach (MdnsPeer p in mdns.ReadDiscoveredAsync(ct))
        {
            if (p.PeerId == peer)
            {
                return p;
            }
        }

        throw new InvalidOperationException("discovery ended");
    }

    [Fact]
    public async Task TwoHostsFindEachOtherAndConnect()
    {
        using var cts = new CancellationTokenSource(s_timeout);
        string service = UniqueService();
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        await using MdnsDiscovery ma = await StartMdnsAsync(a, service);
        await using MdnsDiscovery mb = await StartMdnsAsync(b, service);

        MdnsPeer bSeen = await NextAsync(ma, b.PeerId, cts.Token);
        MdnsPeer aSeen = await NextAsync(mb, a.PeerId, cts.Token);
        Assert.Equal(b.ListenAddresses.OrderBy(x => x.ToString()), bSeen.Addresses.OrderBy(x => x.ToString()));
        Assert.Equal(a.ListenAddresses.Count, aSeen.Addresses.Count);

        // The addresses went to the peer store: a connects by peer id alone.
        Libp2pConnection c = await a.ConnectAsync(b.PeerId, cts.Token);
        Assert.Equal(b.PeerId, c.RemotePeer);
    }

    [Fact]
    public async Task JsAndCSharpFindEachOther()
    {
        using var cts = new CancellationTokenSource(s_timeout);
        string service = UniqueService();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        await using MdnsDiscovery mdns = await StartMdnsAsync(cs, service);
        await using NodeProcess js = NodeProcess.Start("libp2p/mdns-peer.mjs", service);
        JsonNode ready = JsonNode.Parse(await js.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30)))!;
        PeerId jsId = PeerId.Parse(ready["peerId"]!.GetValue<string>());

        // C# finds js (js puts its TXT records in the answer section).
        MdnsPeer found = await NextAsync(mdns, jsId, cts.Token);
        Multiaddress jsAddress = Multiaddress.Parse(ready["addrs"]![0]!.GetValue<string>()).DecapsulateCode(MultiaddrCodes.P2p);
        Assert.Contains(jsAddress, found.Addresses);

        // js finds C# (we put ours in the additional section, as the spec says) with our listen addresses.
        string line = await js.ReadUntilAsync("{\"event\":\"discovered\",\"peer\":\"" + cs.PeerId + "\"", TimeSpan.FromSeconds(30));
        var addrs = JsonNode.Parse(line)!["addrs"]!.AsArray().Select(x => x!.GetValue<string>()).ToHashSet();
        Assert.Contains(HostFixture.AddressOf(cs, ws: false).DecapsulateCode(MultiaddrCodes.P2p).ToString(), addrs);

        // And the discovered address works: C# dials js by peer id.
        Libp2pConnection c = await cs.ConnectAsync(jsId, cts.Token);
        Assert.Equal(jsId, c.RemotePeer);
    }
}
