// Where a profile's running node serves its control API (docs/node.md "Control API"): control.json (TCP, written by
// the server) wins over control.sock; either must accept a connection, else no node runs (stale files of a node that
// crashed are ignored).
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Control;

/// <summary>A Unix socket path or a 127.0.0.1 port.</summary>
internal sealed class ControlApiEndpoint
{
    private ControlApiEndpoint(string? socketPath, Uri baseAddress)
    {
        SocketPath = socketPath;
        BaseAddress = baseAddress;
    }

    /// <summary>The Unix socket, or null over TCP.</summary>
    public string? SocketPath { get; }

    /// <summary><c>http://localhost/</c> (Unix socket) or <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    public static ControlApiEndpoint ForSocket(string path) => new(path, new Uri("http://localhost/"));

    public static ControlApiEndpoint ForTcp(int port) => new(null, new Uri($"http://127.0.0.1:{port}/"));

    /// <summary>The endpoint the profile's files name; null when there is none or it is malformed.</summary>
    public static async Task<ControlApiEndpoint?> FromProfileAsync(string home, CancellationToken cancellationToken)
    {
        string? json = await ControlApiFiles.ReadSmallAsync(ControlApiFiles.EndpointPath(home), cancellationToken).ConfigureAwait(false);
        if (json is not null)
        {
            return ParseEndpointFile(json);
        }

        string socket = ControlApiFiles.SocketPath(home);
        return File.Exists(socket) ? ForSocket(socket) : null;
    }

    /// <summary>A control.json naming http://127.0.0.1:PORT; null for anything else.</summary>
    internal static ControlApiEndpoint? ParseEndpointFile(string json)
    {
        ControlEndpointFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, ControlJsonContext.Default.ControlEndpointFile);
        }
        catch (JsonException)
        {
            return null;
        }

        return file is not null
            && Uri.TryCreate(file.Url, UriKind.Absolute, out Uri? url)
            && url.Scheme == Uri.UriSchemeHttp
            && url.Host == "127.0.0.1"
            && url.Port is > 0 and <= 65535
            ? ForTcp(url.Port)
            : null;
    }

    /// <summary>Whether something accepts a connection there.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using Socket socket = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A handler that opens every connection to this endpoint.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            Socket socket = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        },
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxResponseHeadersLength = 64,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket = SocketPath is null
            ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            EndPoint target = SocketPath is null ? new IPEndPoint(IPAddress.Loopback, BaseAddress.Port) : new UnixDomainSocketEndPoint(SocketPath);
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
