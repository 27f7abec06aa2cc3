using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Identity.Tests.Interop;

/// <summary>The Node.js peer interop/identity/iota-peer.mjs on @iota/identity-wasm 1.9.7-beta.1.</summary>
internal sealed class IotaIdentityPeer : IAsyncDisposable
{
    private readonly NodeProcess _node = NodeProcess.Start("identity/iota-peer.mjs");

    public Task<JsonElement> CallAsync(JsonObject request) => _node.CallAsync(request, TimeSpan.FromSeconds(120), "iota-peer");

    /// <summary>Their validator's verdict: null when valid, else their error text.</summary>
    public async Task<string?> VerifyAsync(string jwt, string documentJson, bool hybrid, string status = "Strict")
    {
        JsonElement verdict = await CallAsync(new JsonObject
        {
            ["cmd"] = "verify",
            ["jwt"] = jwt,
            ["doc"] = JsonNode.Parse(documentJson),
            ["hybrid"] = hybrid,
            ["status"] = status,
        });
        return verdict.GetProperty("valid").GetBoolean() ? null : verdict.GetProperty("error").GetString();
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
