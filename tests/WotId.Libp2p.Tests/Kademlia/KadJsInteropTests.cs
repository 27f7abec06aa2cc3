using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Kademlia;

// Interop with js-libp2p @libp2p/kad-dht 16.4.5 (interop/libp2p/kad-peer.mjs) on loopback, both directions, on
// the public protocol id and on the wot.id one: FIND_NODE answered by js for C# and by C# for js, and records put
// by one side read by the other.
public sealed class KadJsInteropTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    private static async Task<(Libp2pHost Host, KadDht Dht)> StartCSharpAsync(string protocolId)
    {
        Libp2pHost host = await HostFixture.StartAsync();
        var dht = new KadDht(host, new KadDhtOptions { ProtocolId = protocolId, Validators = TestNamespaceValidator.WithPk() });
        await dht.StartAsync();
        return (host, dht);
    }

    [Theory]
    [InlineData(KadProtocol.IpfsProtocolId)]
    [InlineData(KadProtocol.WotIdProtocolId)]
    public async Task FindNodeWorksBothWays(string protocolId)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using JsKadPeer a = await JsKadPeer.StartAsync(protocolId);
        await using JsKadPeer b = await JsKadPeer.StartAsync(protocolId);
        await using JsKadPeer c = await JsKadPeer.StartAsync(protocolId);
        (Libp2pHost host, KadDht dht) = await StartCSharpAsync(protocolId);
        await using Libp2pHost _ = host;
        await using KadDht __ = dht;

        // js B is known to js A only; C# bootstraps from A and finds B through A's FIND_NODE answers.
        await b.DialAsync(a.Address);
        Assert.True(await dht.BootstrapAsync([a.Address], cts.Token) >= 1);
        DhtPeer? found = await dht.FindPeerAsync(b.PeerId, cts.Token);
        Assert.NotNull(found);
        Assert.Contains(found!.Addresses, x => b.Address.ToString().StartsWith(x.ToString(), StringComparison.Ordinal));

        // js C knows only C#; it finds A through our FIND_NODE answer.
        await c.DialAsync(HostFixture.AddressOf(host, ws: false));
        JsonNode r = await c.RunAsync(new JsonObject { ["cmd"] = "findPeer", ["peer"] = a.PeerId.ToString() });
        string[] addrs = r["addrs"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();
        Assert.Contains(addrs, x => a.Address.ToString().StartsWith(x, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(KadProtocol.IpfsProtocolId)]
    [InlineData(KadProtocol.WotIdProtocolId)]
    public async Task RecordsPutByOneSideAreReadByTheOther(string protocolId)
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using JsKadPeer a = await JsKadPeer.StartAsync(protocolId);
        await using JsKadPeer b = await JsKadPeer.StartAsync(protocolId);
        (Libp2pHost host, KadDht dht) = await StartCSharpAsync(protocolId);
        await using Libp2pHost _ = host;
        await using KadDht __ = dht;
        await b.DialAsync(a.Address);
        await dht.BootstrapAsync([a.Address], cts.Token);

        // C# puts; js A took it (PUT_VALUE to js), js B reads it back (through A, and through us: GET_VALUE to C#).
        byte[] key = Encoding.ASCII.GetBytes("/wotid-test/from-csharp");
        byte[] value = TestNamespaceValidator.Value(3, "hello from C#");
        Assert.True(await dht.PutValueAsync(key, value, cts.Token) >= 1);
        JsonNode got = await b.RunAsync(new JsonObject { ["cmd"] = "get", ["key"] = Convert.ToHexString(key) });
        Assert.Equal(Convert.ToHexString(value), got["value"]!.GetValue<string>(), ignoreCase: true);

        // js B puts a newer and then js A an older value of another key; C# reads the newest (selector) from js.
        byte[] key2 = Encoding.ASCII.GetBytes("/wotid-test/from-js");
        byte[] v2 = TestNamespaceValidator.Value(9, "hello from js");
        JsonNode put = await b.RunAsync(new JsonObject { ["cmd"] = "put", ["key"] = Convert.ToHexString(key2), ["value"] = Convert.ToHexString(v2) });
        Assert.NotEmpty(put["peers"]!.AsArray());
        Assert.Equal(v2, await dht.GetValueAsync(key2, cts.Token));
        // js sent PUT_VALUE to us as well (we are among its closest peers): our store holds the record.
        Assert.Equal(v2, dht.Node.Records.Get(key2)?.Value);

        // A value js does not validate is refused by our put before it leaves (no validator for /unknown/).
        KadException e = await Assert.ThrowsAsync<KadException>(() => dht.PutValueAsync("/unknown/x"u8.ToArray(), [1], cts.Token));
        Assert.Equal(KadError.NoValidator, e.Error);
    }
}
