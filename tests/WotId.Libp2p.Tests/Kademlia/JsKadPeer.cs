using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Kademlia;

/// <summary>
/// The js-libp2p DHT peer <c>interop/libp2p/kad-peer.mjs</c> (@libp2p/kad-dht 16.4.5 in server mode) as a child
/// process: ready line first, then one result line per command.
/// </summary>
internal sealed class JsKadPeer : IAsyncDisposable
{
    private static int s_nextId;
    private readonly NodeProcess _node;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private JsKadPeer(NodeProcess node, PeerId peerId, Multiaddress address)
    {
        _node = node;
        PeerId = peerId;
        Address = address;
    }

    public PeerId PeerId { get; }

    /// <summary>Its TCP address, with <c>/p2p</c>.</summary>
    public Multiaddress Address { get; }

    public static async Task<JsKadPeer> StartAsync(string protocolId)
    {
        NodeProcess node = NodeProcess.Start("libp2p/kad-peer.mjs", protocolId);
        try
        {
            JsonNode ready = JsonNode.Parse(await node.ReadUntilAsync("{\"event\":\"ready\"", TimeSpan.FromSeconds(30)))!;
            string address = ready["addrs"]!.AsArray().Select(a => a!.GetValue<string>()).First();
            return new JsKadPeer(node, PeerId.Parse(ready["peerId"]!.GetValue<string>()), Multiaddress.Parse(address));
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
        try
        {
            await _node.SendLineAsync(command.ToJsonString());
            JsonNode result = JsonNode.Parse(await _node.ReadUntilAsync("{\"event\":\"result\",\"id\":" + id + ",", TimeSpan.FromSeconds(60)))!;
            if (result["ok"]?.GetValue<bool>() != true)
            {
                throw new InvalidOperationException("js command failed: " + result.ToJsonString() + "\n" + _node.StandardError);
            }

            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Dials <paramref name="address"/> and waits until the peer is in the js routing table.</summary>
    public async Task DialAsync(Multiaddress address)
    {
        JsonNode r = await RunAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = address.ToString() });
        Assert.True(r["inTable"]!.GetValue<bool>(), "the js DHT did not add " + address);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _lock.Dispose();
    }
}
