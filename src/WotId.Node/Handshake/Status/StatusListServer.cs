// Publishes status list credentials over HTTP on the loopback interface (what `wotid issuer serve` runs): GET of a
// published path returns the compact vc+jwt with media type application/vc+jwt (VC-JOSE-COSE §6.1.1); anything else
// is 404, other methods 405. Bound to 127.0.0.1 only. One accept loop, owned and awaited by DisposeAsync.
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Handshake.Status;

/// <summary>A tiny HTTP server for status list credentials on 127.0.0.1.</summary>
public sealed class StatusListServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private StatusListServer(HttpListener listener, int port)
    {
        _listener = listener;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _loop = ServeAsync();
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Requests answered (any status).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    private int _requests;

    /// <summary>Starts a server on <paramref name="port"/> of 127.0.0.1 (0: a free port).</summary>
    public static StatusListServer Start(int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        int chosen = port == 0 ? FreePort() : port;
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
        listener.Start();
        return new StatusListServer(listener, chosen);
    }

    /// <summary>The URL a list published under <paramref name="path"/> is served at.</summary>
    public string UrlFor(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Publishes (or replaces) the status list credential served at <paramref name="path"/> (e.g. <c>/lists/1</c>).</summary>
    public void Publish(string path, string statusListCredentialJws)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(statusListCredentialJws);
        _published[new Uri(BaseAddress, path).AbsolutePath] = statusListCredentialJws;
    }

    /// <summary>Stops serving and waits for the accept loop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);

        // Close alone (it also stops and ends a pending GetContextAsync): on Unix the managed HttpListener looks its
        // endpoint up again on each removal, so Stop followed by Close would try to bind the released port once more
        // and fail if another process has taken it.
        _listener.Close();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        HttpListenerResponse response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "GET")
            {
                response.StatusCode = 405;
            }
            else if (_published.TryGetValue(context.Request.Url?.AbsolutePath ?? string.Empty, out string? jws))
            {
                byte[] body = Encoding.ASCII.GetBytes(jws);
                response.StatusCode = 200;
                response.ContentType = "application/vc+jwt";
                response.ContentLength64 = body.Length;
                response.OutputStream.Write(body);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
        catch (HttpListenerException)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
