using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.Relay;
using WotId.Testing;

namespace WotId.Libp2p.Tests.AutoNat;

// AutoNAT v2 against js-libp2p 3.3.11 with @libp2p/autonat-v2 2.0.15 (interop/libp2p/autonat-peer.mjs), both roles,
// each with a real dial back. js refuses private addresses outright, so both peers run in network namespaces on
// public-looking addresses (PublicNamespacePair); the C# side is WotId.Libp2p.NatPeer. Needs root (skips otherwise).
public sealed class AutoNatJsInteropTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task OurClientIsDialedBackByAJsServerWithAndWithoutDialData()
    {
        SkipUnlessAvailable();
        NodeProcess.RequireInstalled();
        using PublicNamespacePair net = await PublicNamespacePair.CreateAsync("anc" + (Environment.ProcessId % 10000) + "-");
        using var cts = new CancellationTokenSource(s_timeout);
        await using NodeProcess js = NodeProcess.StartIn(net.B, "libp2p/autonat-peer.mjs", "--listen", "/ip4/11.0.0.2/tcp/4002");
        string jsId = JsonNode.Parse(await js.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30)))!["peerId"]!.GetValue<string>();
        string jsAddr = "/ip4/11.0.0.2/tcp/4002/p2p/" + jsId;
        await using NatPeerProcess cs = NatPeerProcess.Start(net.A, "--listen", "/ip4/11.0.0.1/tcp/4001", "--listen", "/ip4/11.0.0.3/tcp/4001");
        await cs.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token);

        // Same IP as the connection to the js server: dialed back at once.
        JsonNode same = await cs.CommandAsync("autonat " + jsAddr + " /ip4/11.0.0.1/tcp/4001", cts.Token);
        Assert.Equal("Reachable", same["outcome"]?.GetValue<string>());
        Assert.Equal(0, same["dialData"]!.GetValue<int>());

        // Another IP of ours: js demands 30-100 kB of dial data first (amplification defence), then dials.
        JsonNode other = await cs.CommandAsync("autonat " + jsAddr + " /ip4/11.0.0.3/tcp/4001", cts.Token);
        Assert.Equal("Reachable", other["outcome"]?.GetValue<string>());
        Assert.InRange(other["dialData"]!.GetValue<int>(), 30_000, 100_000 + 4096);

        // Nothing listens there: js reports E_DIAL_ERROR.
        JsonNode closed = await cs.CommandAsync("autonat " + jsAddr + " /ip4/11.0.0.1/tcp/4009", cts.Token);
        Assert.Equal("Unreachable", closed["outcome"]?.GetValue<string>());
    }

    [Fact]
    public async Task AJsClientHasItsAddressVerifiedByOurServer()
    {
        SkipUnlessAvailable();
        NodeProcess.RequireInstalled();
        using PublicNamespacePair net = await PublicNamespacePair.CreateAsync("ans" + (Environment.ProcessId % 10000) + "-");
        using var cts = new CancellationTokenSource(s_timeout);
        await using NatPeerProcess cs = NatPeerProcess.Start(net.A, "--listen", "/ip4/11.0.0.1/tcp/4001", "--autonat-service");
        string csAddr = (await cs.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token))["addrs"]![0]!.GetValue<string>();
        await using NodeProcess js = NodeProcess.StartIn(net.B, "libp2p/autonat-peer.mjs", "--listen", "/ip4/11.0.0.2/tcp/4002");
        string jsId = JsonNode.Parse(await js.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30)))!["peerId"]!.GetValue<string>();
        Assert.False(await IsVerifiedAsync(js, 1));

        await js.SendLineAsync(new JsonObject { ["cmd"] = "dial", ["id"] = 2, ["addr"] = csAddr }.ToJsonString());
        Assert.Contains("\"ok\":true", await js.ReadUntilAsync("{\"event\":\"result\",\"id\":2,", TimeSpan.FromSeconds(30)), StringComparison.Ordinal);

        // Our server dials js back on a fresh outbound connection to js's listen address, then closes it.
        JsonNode dialBack = await cs.WaitForAsync(n => NatPeerProcess.Is(n, "opened") && n["initiator"]!.GetValue<bool>()
            && n["peer"]!.GetValue<string>() == jsId, cts.Token);
        Assert.Equal("/ip4/11.0.0.2/tcp/4002", dialBack["remote"]!.GetValue<string>());
        for (int id = 3; !await IsVerifiedAsync(js, id); id++)
        {
            await Task.Delay(200, cts.Token);
        }
    }

    private static async Task<bool> IsVerifiedAsync(NodeProcess js, int id)
    {
        await js.SendLineAsync(new JsonObject { ["cmd"] = "addrs", ["id"] = id }.ToJsonString());
        JsonNode r = JsonNode.Parse(await js.ReadUntilAsync("{\"event\":\"result\",\"id\":" + id + ",", TimeSpan.FromSeconds(30)))!;
        return r["addrs"]!.AsArray().Single(a => a!["addr"]!.GetValue<string>() == "/ip4/11.0.0.2/tcp/4002")!["verified"]!.GetValue<bool>();
    }

    private static void SkipUnlessAvailable()
    {
        string? reason = PublicNamespacePair.Unavailable();
        if (reason is not null)
        {
            Assert.Skip(reason);
        }
    }
}
