// An HTTP endpoint on a real 127.0.0.1 socket that takes JSON-RPC 2.0 requests and answers each with what a test's
// function returns: the whole response body, or an HTTP status without a body. The scripted IOTA nodes of the
// tests (documented fixtures, a chain model, the Identity package's answers) are built on it.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Testing.Iota;

/// <summary>Answers every request with <c>answer(request)</c>: (200, body) or (status, null) for an HTTP error.</summary>
public sealed class LoopbackJsonRpcServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<JsonElement, (int Status, string? Body)> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackJsonRpcServer(int port, Func<JsonElement, (int Status, string? Body)> answer)
    {
        _answer = answer;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = LoopAsync();
    }

    /// <summary>The URL to give a JSON-RPC client.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every method called, in order.</summary>
    public ConcurrentQueue<string> Methods { get; } = new();

    /// <summary>Starts a server on <paramref name="port"/> (0: a free loopback port).</summary>
    public static LoopbackJsonRpcServer Start(Func<JsonElement, (int Status, string? Body)> answer, int port = 0) =>
        new(port == 0 ? LoopbackPorts.Free() : port, answer);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            // Close stops the listener and ends a pending GetContextAsync. On Unix the managed HttpListener looks its
            // endpoint up again while closing and may try to bind the port once more; when another test has taken the
            // freed port meanwhile that bind fails with "Address already in use", which says nothing about this test.
            _listener.Close();
        }
        catch (HttpListenerException)
        {
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
            using JsonDocument request = JsonDocument.Parse(body);
            Methods.Enqueue(request.RootElement.GetProperty("method").GetString()!);
            (int status, string? answer) = _answer(request.RootElement);
            ctx.Response.StatusCode = status;
            if (answer is not null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(answer);
                ctx.Response.ContentType = "application/json";
                await ctx.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            }

            ctx.Response.Close();
        }
    }
}
