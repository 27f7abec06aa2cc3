using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Tests.Relay;

// Two hosts behind two different NATs (network namespaces, iptables MASQUERADE) and a relay on the "public" segment:
// one reserves on the relay, the other reaches it through its circuit address, and DCUtR turns the relayed connection
// into a direct TCP connection through both NATs. With symmetric NATs (--random-fully) the hole punch cannot work and
// the peers keep talking through the relay. Needs root, ip and iptables; skips with the reason otherwise.
public sealed class NatNamespaceTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task NatedPeersReserveConnectThroughTheRelayAndHolePunch()
    {
        SkipUnlessAvailable();
        using NatNamespace net = await NatNamespace.CreateAsync("wrp" + (Environment.ProcessId % 10000) + "-", symmetric: false);
        using var cts = new CancellationTokenSource(s_timeout);
        (NatPeerProcess relay, NatPeerProcess b, NatPeerProcess a, string circuit, string bId) = await StartAsync(net, cts.Token);
        await using (relay)
        await using (b)
        await using (a)
        {
            // h1 cannot reach h2's private address: only the relay connects them.
            JsonNode direct = await a.CommandAsync("dial /ip4/10.0.2.2/tcp/4002/p2p/" + bId, cts.Token);
            Assert.False(direct["ok"]!.GetValue<bool>());

            JsonNode dial = await a.CommandAsync("dial " + circuit, cts.Token);
            Assert.True(dial["ok"]!.GetValue<bool>(), dial.ToJsonString());
            Assert.True(dial["relayed"]!.GetValue<bool>());

            // B drives DCUtR; A sees a direct connection to B's NAT address (port preserved by MASQUERADE).
            JsonNode opened = await a.WaitForAsync(n => NatPeerProcess.Is(n, "opened") && n["relayed"]!.GetValue<bool>() == false
                && n["peer"]!.GetValue<string>() == bId, cts.Token);
            Assert.Equal("/ip4/203.0.113.12/tcp/4002", opened["remote"]!.GetValue<string>());
            Assert.True(opened["initiator"]!.GetValue<bool>());
            await a.WaitForAsync(n => NatPeerProcess.Is(n, "closed") && n["relayed"]!.GetValue<bool>(), cts.Token);

            // 300 KB: more than the relay's 128 KiB circuit limit, so it can only have crossed the direct path.
            JsonNode echo = await a.CommandAsync("echo " + bId + " 300000", cts.Token);
            Assert.True(echo["ok"]!.GetValue<bool>(), echo.ToJsonString());
            Assert.False(echo["relayed"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task SymmetricNatsKeepTheRelayedConnection()
    {
        SkipUnlessAvailable();
        using NatNamespace net = await NatNamespace.CreateAsync("wrs" + (Environment.ProcessId % 10000) + "-", symmetric: true);
        using var cts = new CancellationTokenSource(s_timeout);
        (NatPeerProcess relay, NatPeerProcess b, NatPeerProcess a, string circuit, string bId) = await StartAsync(net, cts.Token);
        await using (relay)
        await using (b)
        await using (a)
        {
            JsonNode dial = await a.CommandAsync("dial " + circuit, cts.Token);
            Assert.True(dial["ok"]!.GetValue<bool>(), dial.ToJsonString());

            // Wait until B gave up its first hole punch attempt, then talk: still through the relay.
            while (!b.StandardError.Contains("Hole punch with", StringComparison.Ordinal))
            {
                await Task.Delay(100, cts.Token);
            }

            JsonNode echo = await a.CommandAsync("echo " + bId + " 20000", cts.Token);
            Assert.True(echo["ok"]!.GetValue<bool>(), echo.ToJsonString());
            Assert.True(echo["relayed"]!.GetValue<bool>());
            Assert.DoesNotContain("direct connection", b.StandardError, StringComparison.Ordinal);
        }
    }

    private static void SkipUnlessAvailable()
    {
        string? reason = NatNamespace.Unavailable();
        if (reason is not null)
        {
            Assert.Skip(reason);
        }
    }

    private static async Task<(NatPeerProcess Relay, NatPeerProcess B, NatPeerProcess A, string Circuit, string BId)> StartAsync(
        NatNamespace net, CancellationToken cancellationToken)
    {
        NatPeerProcess relay = NatPeerProcess.Start(net.Name("pub"), "--listen", "/ip4/203.0.113.1/tcp/4001", "--relay-service");
        string relayId = (await relay.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cancellationToken))["peerId"]!.GetValue<string>();
        NatPeerProcess b = NatPeerProcess.Start(
            net.Name("h2"), "--listen", "/ip4/10.0.2.2/tcp/4002", "--hole-punching", "--reserve", "/ip4/203.0.113.1/tcp/4001/p2p/" + relayId);
        string bId = (await b.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cancellationToken))["peerId"]!.GetValue<string>();
        string circuit = (await b.WaitForAsync(n => NatPeerProcess.Is(n, "reserved"), cancellationToken))["circuit"]!.GetValue<string>();
        NatPeerProcess a = NatPeerProcess.Start(net.Name("h1"), "--listen", "/ip4/10.0.1.2/tcp/4003", "--hole-punching");
        await a.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cancellationToken);
        return (relay, b, a, circuit, bId);
    }
}
