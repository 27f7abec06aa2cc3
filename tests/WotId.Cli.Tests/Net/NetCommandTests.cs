// `wotid net listen|ping|identify|perf` (issue 3) against each other and against js-libp2p 3.3.11
// (interop/libp2p/peer.mjs), in both directions.
using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Cli.Tests.Net;

public sealed class NetCommandTests
{
    [Fact]
    public async Task PingIdentifyAndPerfAgainstNetListen()
    {
        await using Listener listener = await Listener.StartAsync();
        string addr = listener.Addresses[0];

        (int exit, string output) = await RunAsync("net", "ping", addr, "--count", "3", "--json");
        Assert.Equal(0, exit);
        JsonNode ping = JsonNode.Parse(output)!;
        Assert.Equal(3, ping["rttMs"]!.AsArray().Count);
        Assert.Equal(listener.PeerId, ping["peer"]!.GetValue<string>());

        (exit, output) = await RunAsync("net", "identify", addr, "--json");
        Assert.Equal(0, exit);
        JsonNode id = JsonNode.Parse(output)!;
        Assert.Contains("/perf/1.0.0", id["protocols"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("valid", id["signedPeerRecord"]!.GetValue<string>());

        (exit, output) = await RunAsync("net", "perf", addr, "--upload", "1000000", "--download", "2000000");
        Assert.Equal(0, exit);
        Assert.Contains("upload:   1000000 bytes", output, StringComparison.Ordinal);
        Assert.Contains("download: 2000000 bytes", output, StringComparison.Ordinal);

        // Text ping form: one line per round trip.
        (exit, output) = await RunAsync("net", "ping", addr, "--count", "2");
        Assert.Equal(0, exit);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(" rtt=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NetListenRelaysAndIsReachableThroughItsRelay()
    {
        // One listener serves as relay, another reserves on it and prints its /p2p-circuit address; ping reaches the
        // second one through the first.
        await using Listener relay = await Listener.StartAsync("--relay-service");
        await using Listener behind = await Listener.StartAsync("--relay", relay.Addresses[0]);
        // One circuit address per relay address (TCP and /ws here).
        string[] circuits = behind.Addresses.Where(a => a.Contains("/p2p-circuit/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(relay.Addresses.Length, circuits.Length);
        string circuit = relay.Addresses[0] + "/p2p-circuit/p2p/" + behind.PeerId;
        Assert.Contains(circuit, circuits);

        (int exit, string output) = await RunAsync("net", "ping", circuit, "--count", "2", "--json");
        Assert.True(exit == 0, output);
        Assert.Equal(behind.PeerId, JsonNode.Parse(output)!["peer"]!.GetValue<string>());
    }

    [Fact]
    public async Task NetAutoNatIsDialedBackByNetListenServingAutoNat()
    {
        // Loopback is private: a default server refuses it, one told to allow private addresses dials it back.
        await using Listener strict = await Listener.StartAsync("--autonat-service");
        (int exit, string output) = await RunAsync("net", "autonat", strict.Addresses[0], "--listen", "/ip4/127.0.0.1/tcp/0", "--json");
        Assert.Equal(1, exit);
        JsonNode refused = JsonNode.Parse(output)!;
        Assert.Equal("Refused", refused["results"]![0]!["outcome"]!.GetValue<string>());
        Assert.Equal("Unknown", refused["reachability"]!.GetValue<string>());

        await using Listener lan = await Listener.StartAsync("--autonat-service", "--autonat-allow-private");
        (exit, output) = await RunAsync("net", "autonat", lan.Addresses[0], "--listen", "/ip4/127.0.0.1/tcp/0");
        Assert.True(exit == 0, output);
        Assert.Contains(": Reachable (dialed back, nonce verified)", output, StringComparison.Ordinal);
        Assert.Contains("reachability: public", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsWorkAgainstJsLibp2p()
    {
        await using JsLibp2pPeer js = await JsLibp2pPeer.StartAsync();
        string jsId = js.PeerId;
        foreach (string addr in js.Addresses)
        {
            (int exit, string output) = await RunAsync("net", "ping", addr, "--count", "2", "--json");
            Assert.True(exit == 0, output);
            Assert.Equal(jsId, JsonNode.Parse(output)!["peer"]!.GetValue<string>());

            (exit, output) = await RunAsync("net", "identify", addr, "--json");
            Assert.True(exit == 0, output);
            JsonNode id = JsonNode.Parse(output)!;
            Assert.StartsWith("js-libp2p/", id["agentVersion"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("/wotid/echo/1.0.0", id["protocols"]!.AsArray().Select(p => p!.GetValue<string>()));
            Assert.Equal("valid", id["signedPeerRecord"]!.GetValue<string>());

            (exit, output) = await RunAsync("net", "perf", addr, "--upload", "2000000", "--download", "3000000", "--json");
            Assert.True(exit == 0, output);
            Assert.Equal(3000000, JsonNode.Parse(output)!["downloadBytes"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task JsLibp2pPingsIdentifiesAndPerfsNetListen()
    {
        NodeProcess.RequireInstalled();
        await using Listener listener = await Listener.StartAsync();
        await using JsLibp2pPeer js = await JsLibp2pPeer.StartAsync();

        JsonNode dial = await CommandAsync(js, new JsonObject { ["cmd"] = "dial", ["addr"] = listener.Addresses[0] });
        Assert.Equal(listener.PeerId, dial["peer"]!.GetValue<string>());
        Assert.Contains("/perf/1.0.0", dial["identify"]!["protocols"]!.AsArray().Select(p => p!.GetValue<string>()));
        JsonNode ping = await CommandAsync(js, new JsonObject { ["cmd"] = "ping", ["peer"] = listener.PeerId, ["count"] = 2 });
        Assert.Equal(2, ping["rtts"]!.AsArray().Count);
        JsonNode perf = await CommandAsync(js, new JsonObject { ["cmd"] = "perf", ["peer"] = listener.PeerId, ["upload"] = 1 << 20, ["download"] = 2 << 20 });
        Assert.Equal(2 << 20, perf["download"]!.GetValue<long>());
    }

    private static async Task<JsonNode> CommandAsync(JsLibp2pPeer js, JsonObject command)
    {
        JsonNode result = await js.TryRunAsync(command, TimeSpan.FromSeconds(60));
        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        return result;
    }

    [Fact]
    public async Task LogLevelPrintsWhatTheHostDidOnStandardError()
    {
        await using Listener listener = await Listener.StartAsync();
        string addr = listener.Addresses[0];

        (int exit, string quiet) = await RunAsync("net", "ping", addr, "--count", "1");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("log:", quiet, StringComparison.Ordinal);

        (exit, string debug) = await RunAsync("net", "ping", addr, "--count", "1", "--log-level", "debug");
        Assert.Equal(0, exit);
        Assert.Contains("log: Debug WotId.Libp2p.Host: Connection to " + listener.PeerId, debug, StringComparison.Ordinal);
        Assert.Contains("closed", debug, StringComparison.Ordinal);

        (exit, string json) = await RunAsync("--json", "--log-level", "debug", "net", "ping", addr, "--count", "1");
        Assert.Equal(0, exit);
        JsonNode log = JsonNode.Parse(json.Split('\n').First(l => l.StartsWith("{\"log\"", StringComparison.Ordinal)))!;
        Assert.Equal("Debug", log["log"]!["level"]!.GetValue<string>());

        (exit, _) = await RunAsync("net", "ping", addr, "--log-level", "loud");
        Assert.Equal(2, exit);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int exit = await Program.RunAsync(args, output, error, cts.Token);
        return (exit, output.ToString() + error);
    }

    /// <summary><c>wotid net listen --json</c> running in-process until disposed.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly SyncWriter _output = new();
        private Task<int> _run = Task.FromResult(0);

        public string PeerId { get; private set; } = string.Empty;

        public string[] Addresses { get; private set; } = [];

        public static async Task<Listener> StartAsync(params string[] extra)
        {
            var l = new Listener();
            l._run = Program.RunAsync(
                ["net", "listen", "--listen", "/ip4/127.0.0.1/tcp/0", "--listen", "/ip4/127.0.0.1/tcp/0/ws", "--json", .. extra], l._output, TextWriter.Null, l._stop.Token);
            DateTime end = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                string first = l._output.Text.Split('\n')[0];
                if (first.Length > 0)
                {
                    JsonNode n = JsonNode.Parse(first)!;
                    l.PeerId = n["peerId"]!.GetValue<string>();
                    l.Addresses = n["addrs"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
                    Assert.All(l.Addresses, a => Assert.EndsWith("/p2p/" + l.PeerId, a, StringComparison.Ordinal));
                    return l;
                }

                Assert.True(DateTime.UtcNow < end && !l._run.IsCompleted, "net listen did not print its addresses");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _run);
            _stop.Dispose();
        }
    }

    private sealed class SyncWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get { lock (_text) { return _text.ToString(); } }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_text)
            {
                _text.Append(value).Append('\n');
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
