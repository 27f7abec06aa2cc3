// A real ControlApiServer on a real Unix socket (or 127.0.0.1) in a temporary 0700 profile home, in front of a
// RecordingNode, with a client connected through ControlApiClient.TryConnectAsync and a raw HttpClient for requests
// the client would never send.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control;

internal sealed class ControlApiHarness : IAsyncDisposable
{
    private ControlApiHarness(string home, RecordingNode node, ControlApiServer server, ControlApiClient client)
    {
        Home = home;
        Node = node;
        Server = server;
        Client = client;
    }

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal string Home { get; }

    internal RecordingNode Node { get; }

    internal ControlApiServer Server { get; }

    internal ControlApiClient Client { get; }

    internal string Token => File.ReadAllText(Path.Combine(Home, "control.token"));

    internal static string NewHome()
    {
        // Short, so the socket path fits in sun_path whatever TMPDIR is.
        string home = Path.Combine(Path.GetTempPath(), "wc-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return home;
    }

    internal static async Task<ControlApiHarness> StartAsync(bool tcp = false, TimeSpan? heartbeat = null, long? maxUploadBytes = null)
    {
        string home = NewHome();
        RecordingNode node = new();
        ControlApiServer server = await ControlApiServer.StartAsync(
            node, home, new ControlApiOptions { UseTcp = tcp, HeartbeatInterval = heartbeat ?? TimeSpan.FromSeconds(15), MaxUploadBytes = maxUploadBytes ?? WotId.Node.Control.ControlApiLimits.DefaultMaxUploadBytes }, Ct);
        ControlApiClient client = await ControlApiClient.TryConnectAsync(home, Ct) ?? throw new InvalidOperationException("no node answers");
        return new ControlApiHarness(home, node, server, client);
    }

    /// <summary>An HttpClient to the server with no default headers: each test adds what it checks.</summary>
    internal HttpClient RawClient(bool withToken)
    {
        ControlApiEndpoint endpoint = Server.UsesTcp ? ControlApiEndpoint.ForTcp(Server.BaseAddress.Port) : ControlApiEndpoint.ForSocket(Server.SocketPath);
        HttpClient http = new(endpoint.CreateHandler()) { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (withToken)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return http;
    }

    /// <summary>Asserts the error shape: status, code, a message, nothing else (no stack trace).</summary>
    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync(Ct);
        using JsonDocument json = JsonDocument.Parse(body);
        Assert.Equal(code, json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
        Assert.Equal(2, json.RootElement.EnumerateObject().Count());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>Stops the server (the client and home stay); DisposeAsync then only cleans up.</summary>
    internal ValueTask StopServerAsync() => Server.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
