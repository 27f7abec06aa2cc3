using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Relay;

/// <summary>The js-libp2p relay test peer (interop/libp2p/relay-peer.mjs) as a child process.</summary>
internal sealed class JsRelayPeer : IAsyncDisposable
{
    private static int s_nextId;
    private readonly NodeProcess _node;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private JsRelayPeer(NodeProcess node, JsonNode ready)
    {
        _node = node;
        PeerId = PeerId.Parse(ready["peerId"]!.GetValue<string>());
        Addresses = ready["addrs"]!.AsArray().Select(a => Multiaddress.Parse(a!.GetValue<string>())).ToArray();
    }

    public PeerId PeerId { get; }

    /// <summary>The addresses printed at start (with <c>/p2p</c>; circuit addresses when it listened on a relay).</summary>
    public Multiaddress[] Addresses { get; }

    public Multiaddress TcpAddress => Addresses.First(a => !a.Contains(MultiaddrCodes.P2pCircuit));

    public string StandardError => _node.StandardError;

    public static Task<JsRelayPeer> StartAsync(params string[] args) => StartInAsync(null, args);

    /// <summary>Starts the peer inside network namespace <paramref name="netns"/> (root), or directly when it is null.</summary>
    public static async Task<JsRelayPeer> StartInAsync(string? netns, params string[] args)
    {
        NodeProcess node = NodeProcess.StartIn(netns, "libp2p/relay-peer.mjs", args);
        try
        {
            string line = await node.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30));
            return new JsRelayPeer(node, JsonNode.Parse(line)!);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public async Task<JsonNode> RunAsync(JsonObject command)
    {
        int id = Interlocked.Increment(ref s_nextId);
        command["id"] = id;
        await _lock.WaitAsync();
        JsonNode result;
        try
        {
            await _node.SendLineAsync(command.ToJsonString());
            result = JsonNode.Parse(await _node.ReadUntilAsync("{\"event\":\"result\",\"id\":" + id + ",", TimeSpan.FromSeconds(90)))!;
        }
        finally
        {
            _lock.Release();
        }

        if (result["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("js command failed: " + result.ToJsonString() + "\n" + _node.StandardError);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _lock.Dispose();
    }
}
