// A JSON-RPC 2.0 endpoint on a real 127.0.0.1 socket that answers from a handler (fixture responses standing in
// for an IOTA node, none of which can run here). Unknown methods get JSON-RPC error -32601.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Testing.Iota;

/// <summary>Answers JSON-RPC calls with <c>handler(method, params)</c>; a null answer is "method not found".</summary>
public sealed class FixtureJsonRpcServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, JsonElement, JsonNode?> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private FixtureJsonRpcServer(int port, Func<string, JsonElement, JsonNode?> handler)
    {
        _handler = handler;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = LoopAsync();
    }

    /// <summary>The URL to give a JSON-RPC client.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every method called, in order.</summary>
    public ConcurrentQueue<string> Methods { get; } = new();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static FixtureJsonRpcServer Start(Func<string, JsonElement, JsonNode?> handler)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FixtureJsonRpcServer(port, handler);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Closing may try to rebind a port another test took meanwhile; that says nothing about this test.
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync().ConfigureAwait(false);
            using JsonDocument req = JsonDocument.Parse(body);
            string method = req.RootElement.GetProperty("method").GetString()!;
            Methods.Enqueue(method);
            JsonElement parameters = req.RootElement.TryGetProperty("params", out JsonElement p) ? p : default;
            JsonNode? result = _handler(method, parameters);
            var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(req.RootElement.GetProperty("id").GetRawText()) };
            if (result is null)
            {
                answer["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found: " + method };
            }
            else
            {
                answer["result"] = result;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            ctx.Response.Close();
        }
    }
}
