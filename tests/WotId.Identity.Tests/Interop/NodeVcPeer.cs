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

    public async Task<JsonElement> CallAsync(JsonObject request)
    {
        await _node.SendLineAsync(request.ToJsonString());
        string line = await _node.ReadLineAsync(TimeSpan.FromSeconds(60));
        JsonElement answer = JsonDocument.Parse(line).RootElement.Clone();
        if (!answer.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("node peer error: " + answer.GetProperty("error").GetString());
        }

        return answer;
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
