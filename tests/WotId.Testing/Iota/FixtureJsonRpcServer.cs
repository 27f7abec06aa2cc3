// A JSON-RPC 2.0 endpoint on a real 127.0.0.1 socket that answers from a handler (fixture responses standing in
// for an IOTA node, none of which can run here). Unknown methods get JSON-RPC error -32601.
using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace WotId.Testing.Iota;

/// <summary>Answers JSON-RPC calls with <c>handler(method, params)</c>; a null answer is "method not found".</summary>
public sealed class FixtureJsonRpcServer : IAsyncDisposable
{
    private readonly LoopbackJsonRpcServer _server;

    private FixtureJsonRpcServer(Func<string, JsonElement, JsonNode?> handler)
    {
        _server = LoopbackJsonRpcServer.Start(request => (200, Answer(handler, request)));
    }

    /// <summary>The URL to give a JSON-RPC client.</summary>
    public Uri Endpoint => _server.Endpoint;

    /// <summary>Every method called, in order.</summary>
    public ConcurrentQueue<string> Methods => _server.Methods;

    /// <summary>Starts a server on a free loopback port.</summary>
    public static FixtureJsonRpcServer Start(Func<string, JsonElement, JsonNode?> handler) => new(handler);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Answer(Func<string, JsonElement, JsonNode?> handler, JsonElement request)
    {
        string method = request.GetProperty("method").GetString()!;
        JsonElement parameters = request.TryGetProperty("params", out JsonElement p) ? p : default;
        JsonNode? result = handler(method, parameters);
        var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(request.GetProperty("id").GetRawText()) };
        if (result is null)
        {
            answer["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found: " + method };
        }
        else
        {
            answer["result"] = result;
        }

        return answer.ToJsonString();
    }
}
