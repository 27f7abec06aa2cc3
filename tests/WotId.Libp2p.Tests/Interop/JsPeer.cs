using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Interop;

/// <summary>The js-libp2p reference peer (<see cref="JsLibp2pPeer"/>) with typed peer id and addresses.</summary>
internal sealed class JsPeer : IAsyncDisposable
{
    private readonly JsLibp2pPeer _peer;

    private JsPeer(JsLibp2pPeer peer)
    {
        _peer = peer;
        PeerId = PeerId.Parse(peer.PeerId);
        Addresses = peer.Addresses.Select(Multiaddress.Parse).ToList();
    }

    public PeerId PeerId { get; }

    public IReadOnlyList<Multiaddress> Addresses { get; }

    public Multiaddress Address(bool ws) => Addresses.First(a => a.Contains(MultiaddrCodes.Ws) == ws);

    public static async Task<JsPeer> StartAsync() => new(await JsLibp2pPeer.StartAsync());

    /// <summary>Runs one command and returns its result line; fails the test when the command failed.</summary>
    public Task<JsonNode> RunAsync(JsonObject command, TimeSpan? timeout = null) => _peer.RunAsync(command, timeout);

    public Task<JsonNode> TryRunAsync(JsonObject command, TimeSpan? timeout = null) => _peer.TryRunAsync(command, timeout);

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    public void Kill() => _peer.Kill();

    public ValueTask DisposeAsync() => _peer.DisposeAsync();
}
