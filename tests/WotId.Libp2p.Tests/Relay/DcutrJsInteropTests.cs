using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Relay;

// DCUtR (libp2p/specs relay/DCUtR.md) against js-libp2p 3.3.11 with @libp2p/dcutr 3.0.28 (interop/libp2p/relay-peer.mjs
// --dcutr), in both roles, with our relay in between (DcutrJsNetwork, public-looking addresses, since js's DCUtR drops
// private ones). js's Node.js TCP transport dials from an ephemeral port, so there is no simultaneous open with it:
// the punch succeeds when the side that js dials is reachable, or when our dial reaches js's listener with the right
// roles. Needs root; skips with the reason otherwise, and fails (WOTID_REQUIRE_INTEROP=1) when the js peer is missing.
public sealed class DcutrJsInteropTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    // Role 1: js is B (reserved on the relay, dialed through it, drives DCUtR), we are A behind a MASQUERADE NAT.
    [Fact]
    public async Task AJsPeerDrivesDcutrAndOurDialThroughOurNatReachesItsListener()
    {
        NodeProcess.RequireInstalled();
        SkipUnlessAvailable();
        using DcutrJsNetwork net = await DcutrJsNetwork.CreateAsync("dja" + (Environment.ProcessId % 10000) + "-", natted: true);
        using var cts = new CancellationTokenSource(s_timeout);
        await using NatPeerProcess relay = NatPeerProcess.Start(net.Pub, "--listen", "/ip4/11.0.0.1/tcp/4001", "--relay-service");
        string relayAddr = (await relay.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token))["addrs"]![0]!.GetValue<string>();
        await using JsRelayPeer js = await JsRelayPeer.StartInAsync(net.Js, JsArgs("--listen", relayAddr + "/p2p-circuit"));
        Multiaddress circuit = Assert.Single(js.Addresses, a => a.Contains(MultiaddrCodes.P2pCircuit));
        string jsId = js.PeerId.ToString();
        await using NatPeerProcess cs = NatPeerProcess.Start(net.Cs, "--listen", "/ip4/10.0.1.2/tcp/4003", "--hole-punching");
        string csId = (await cs.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token))["peerId"]!.GetValue<string>();

        JsonNode dial = await cs.CommandAsync("dial " + circuit, cts.Token);
        Assert.True(dial["ok"]!.GetValue<bool>(), dial.ToJsonString() + cs.StandardError);
        Assert.True(dial["relayed"]!.GetValue<bool>());

        // js saw only our private listen address in identify, so it skipped its unilateral upgrade and sent CONNECT; we
        // answered with 10.0.1.2:4003 and the NAT's 11.0.0.11:4003 and, on SYNC, dialed js's announced address.
        JsonNode direct = await cs.SeenOrWaitForAsync(n => NatPeerProcess.Is(n, "opened") && !n["relayed"]!.GetValue<bool>()
            && n["peer"]!.GetValue<string>() == jsId, cts.Token);
        Assert.True(direct["initiator"]!.GetValue<bool>());
        Assert.Equal("/ip4/11.0.0.2/tcp/4002", direct["remote"]!.GetValue<string>());
        await WaitForTextAsync(() => cs.StandardError, "DCUtR CONNECT received from " + jsId + ": ", cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "DCUtR CONNECT sent to " + jsId + ": /ip4/10.0.1.2/tcp/4003, /ip4/11.0.0.11/tcp/4003", cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "DCUtR SYNC received from " + jsId, cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "Hole punch with " + jsId + ": the direct connection is our dial to their listener", cts.Token);
        Assert.Contains("has no public addresses, not attempting unilateral connection upgrade", js.StandardError, StringComparison.Ordinal);

        // Our SYN won: js's own dial (after RTT/2, from an ephemeral port) to 11.0.0.11:4003 is dropped by our NAT, so
        // js's attempt times out; js closes the relayed connection only after its own dial succeeded, so it stays.
        await WaitForTextAsync(() => js.StandardError, "B dialing [ Multiaddr(/ip4/11.0.0.11/tcp/4003) ]", cts.Token);
        await WaitForTextAsync(() => js.StandardError, "error while attempting DCUtR on attempt 1 of 3", cts.Token);

        // Data flows on the direct connection, both ways: 300 KB is over the relay's 128 KiB circuit limit.
        JsonNode echo = await cs.CommandAsync("echo " + jsId + " 300000", cts.Token);
        Assert.True(echo["ok"]!.GetValue<bool>(), echo.ToJsonString());
        Assert.False(echo["relayed"]!.GetValue<bool>());
        await js.RunAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = csId });
        JsonNode peers = await js.RunAsync(new JsonObject { ["cmd"] = "peers" });
        JsonNode[] toUs = peers["connections"]!.AsArray().Where(c => c!["peer"]!.GetValue<string>() == csId).Select(c => c!).ToArray();
        Assert.True(toUs.Any(c => !c["limited"]!.GetValue<bool>() && c["direction"]!.GetValue<string>() == "inbound"
            && c["addr"]!.GetValue<string>().Split("/p2p/")[0] == "/ip4/11.0.0.11/tcp/4003"), peers.ToJsonString());
        Assert.True(toUs.Any(c => c["limited"]!.GetValue<bool>()), peers.ToJsonString());
        Assert.DoesNotContain(cs.StandardError, "Hole punch with " + jsId + ": the direct connection is their dial", StringComparison.Ordinal);
    }

    // Role 2: we are B (reserved on the relay, dialed through it by js, drive DCUtR), js is A.
    [Fact]
    public async Task OurPeerDrivesDcutrWithAJsDialerAndTakesItsDialFromAnEphemeralPort()
    {
        NodeProcess.RequireInstalled();
        SkipUnlessAvailable();
        using DcutrJsNetwork net = await DcutrJsNetwork.CreateAsync("djb" + (Environment.ProcessId % 10000) + "-", natted: false);
        using var cts = new CancellationTokenSource(s_timeout);
        await using NatPeerProcess relay = NatPeerProcess.Start(net.Pub, "--listen", "/ip4/11.0.0.1/tcp/4001", "--relay-service");
        string relayAddr = (await relay.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token))["addrs"]![0]!.GetValue<string>();
        await using NatPeerProcess cs = NatPeerProcess.Start(net.Cs, "--listen", "/ip4/11.0.0.3/tcp/4003", "--hole-punching", "--reserve", relayAddr);
        string csId = (await cs.WaitForAsync(n => NatPeerProcess.Is(n, "ready"), cts.Token))["peerId"]!.GetValue<string>();
        string circuit = (await cs.WaitForAsync(n => NatPeerProcess.Is(n, "reserved"), cts.Token))["circuit"]!.GetValue<string>();
        await using JsRelayPeer js = await JsRelayPeer.StartInAsync(net.Js, JsArgs());
        string jsId = js.PeerId.ToString();

        JsonNode dial = await js.RunAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = circuit });
        Assert.True(dial["limited"]!.GetValue<bool>());

        // We sent CONNECT, js answered with its announced address, we sent SYNC; js dialed us at once (from an
        // ephemeral port, as the client), which our listener took as the punch's connection.
        JsonNode direct = await cs.SeenOrWaitForAsync(n => NatPeerProcess.Is(n, "opened") && !n["relayed"]!.GetValue<bool>()
            && n["peer"]!.GetValue<string>() == jsId, cts.Token);
        Assert.False(direct["initiator"]!.GetValue<bool>());
        Assert.StartsWith("/ip4/11.0.0.2/tcp/", direct["remote"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual("/ip4/11.0.0.2/tcp/4002", direct["remote"]!.GetValue<string>());
        await WaitForTextAsync(() => cs.StandardError, "DCUtR CONNECT sent to " + jsId + ": /ip4/11.0.0.3/tcp/4003", cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "DCUtR CONNECT received from " + jsId + ": /ip4/11.0.0.2/tcp/4002/p2p/" + jsId, cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "DCUtR SYNC sent to " + jsId, cts.Token);
        await WaitForTextAsync(() => cs.StandardError, "Hole punch with " + jsId + ": the direct connection is their dial to our listener", cts.Token);
        await WaitForTextAsync(() => js.StandardError, "DCUtR to " + csId + " succeeded via /ip4/11.0.0.3/tcp/4003", cts.Token);

        // Both sides close the relayed connection: we after our punch, js after its dial.
        JsonNode closed = await cs.SeenOrWaitForAsync(n => NatPeerProcess.Is(n, "closed") && n["relayed"]!.GetValue<bool>()
            && n["peer"]!.GetValue<string>() == jsId, cts.Token);
        Assert.NotNull(closed["reason"]);

        JsonNode echo = await cs.CommandAsync("echo " + jsId + " 300000", cts.Token);
        Assert.True(echo["ok"]!.GetValue<bool>(), echo.ToJsonString());
        Assert.False(echo["relayed"]!.GetValue<bool>());
        await js.RunAsync(new JsonObject { ["cmd"] = "echo", ["peer"] = csId, ["size"] = 300000 });
        await js.RunAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = csId });
        while (true)
        {
            JsonNode peers = await js.RunAsync(new JsonObject { ["cmd"] = "peers" });
            JsonNode[] toUs = peers["connections"]!.AsArray().Where(c => c!["peer"]!.GetValue<string>() == csId).Select(c => c!).ToArray();
            Assert.Contains(toUs, c => !c["limited"]!.GetValue<bool>() && c["addr"]!.GetValue<string>() == "/ip4/11.0.0.3/tcp/4003/p2p/" + csId);
            if (!toUs.Any(c => c["limited"]!.GetValue<bool>()))
            {
                break;
            }

            await Task.Delay(200, cts.Token);
        }
    }

    /// <summary>js on 11.0.0.2:4002 without the loopback address, announcing its public address (js announces a public
    /// listen address only once AutoNAT verified it), with DCUtR and its debug log on stderr.</summary>
    private static string[] JsArgs(params string[] extra) =>
        ["--no-loopback", "--dcutr", "--debug", "libp2p:dcutr*", "--listen", "/ip4/11.0.0.2/tcp/4002", "--announce", "/ip4/11.0.0.2/tcp/4002", .. extra];

    private static async Task WaitForTextAsync(Func<string> log, string text, CancellationToken cancellationToken)
    {
        while (!log().Contains(text, StringComparison.Ordinal))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail("never logged: " + text + "\n" + log());
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static void SkipUnlessAvailable()
    {
        string? reason = DcutrJsNetwork.Unavailable();
        if (reason is not null)
        {
            Assert.Skip(reason);
        }
    }
}
