using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Interop;

/// <summary>The js-libp2p reference peer interop/libp2p/b-peer.mjs as a child process.</summary>
internal sealed class JsPeer : IAsyncDisposable
{
    private static int s_nextId;
    private readonly NodeProcess _node;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private JsPeer(NodeProcess node, PeerId peerId, IReadOnlyList<Multiaddress> addresses)
    {
        _node = node;
        PeerId = peerId;
        Addresses = addresses;
    }

    public PeerId PeerId { get; }

    public IReadOnlyList<Multiaddress> Addresses { get; }

    public Multiaddress Address(bool ws) => Addresses.First(a => a.Contains(MultiaddrCodes.Ws) == ws);

    public static async Task<JsPeer> StartAsync()
    {
        NodeProcess node = NodeProcess.Start("libp2p/b-peer.mjs");
        string ready = await node.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30));
        JsonNode json = JsonNode.Parse(ready)!;
        var addrs = json["addrs"]!.AsArray().Select(a => Multiaddress.Parse(a!.GetValue<string>())).ToList();
        return new JsPeer(node, PeerId.Parse(json["peerId"]!.GetValue<string>()), addrs);
    }

    /// <summary>Runs one command and returns its result line; fails the test when the command failed.</summary>
    public async Task<JsonNode> RunAsync(JsonObject command, TimeSpan? timeout = null)
    {
        JsonNode result = await TryRunAsync(command, timeout);
        if (result["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("js command failed: " + result.ToJsonString() + "\n" + _node.StandardError);
        }

        return result;
    }

    public async Task<JsonNode> TryRunAsync(JsonObject command, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref s_nextId);
        command["id"] = id;
        await _lock.WaitAsync();
        try
        {
            await _node.SendLineAsync(command.ToJsonString());
            string prefix = "{\"event\":\"result\",\"id\":" + id + ",";
            string line = await _node.ReadUntilAsync(prefix, timeout ?? TimeSpan.FromSeconds(90));
            return JsonNode.Parse(line)!;
        }
        finally
        {
            _lock.Release();
        }
    }

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    public void Kill() => _node.Kill();

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _lock.Dispose();
    }
}
