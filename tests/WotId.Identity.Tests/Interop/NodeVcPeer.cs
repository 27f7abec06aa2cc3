using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Identity.Tests.Interop;

/// <summary>The Node.js reference peer interop/identity/vc-peer.mjs (@noble/post-quantum 0.7.1).</summary>
internal sealed class NodeVcPeer : IAsyncDisposable
{
    private readonly NodeProcess _node = NodeProcess.Start("identity/vc-peer.mjs");

    public Task<JsonElement> CallAsync(JsonObject request) => _node.CallAsync(request, TimeSpan.FromSeconds(60), "node peer");

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
