// The node's local control API (docs/node.md "Control API"): ASP.NET Core minimal APIs on Kestrel, on a Unix domain
// socket in the profile (default) or on 127.0.0.1 with a random port, HTTP/1.1 only, every request behind the guard
// (Host, Origin, bearer token). The endpoints call the node facade and nothing else. With ControlApiOptions.Web it
// also serves the chat page and its cookie sign-in (Control/Web, docs/node.md "Chat in the browser").
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Node.Api;
using WotId.Node.Control.Web;

namespace WotId.Node.Control;

/// <summary>Serves a node's control API until disposed. Disposing stops the server, not the node.</summary>
public sealed class ControlApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _home;
    private int _disposed;

    private ControlApiServer(WebApplication app, string home, Uri baseAddress, bool overTcp, Uri? webAddress)
    {
        _app = app;
        _home = home;
        BaseAddress = baseAddress;
        UsesTcp = overTcp;
        WebAddress = webAddress;
    }

    /// <summary><c>http://localhost/</c> over the Unix socket, or <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Whether the server listens on 127.0.0.1 rather than on the Unix socket.</summary>
    public bool UsesTcp { get; }

    /// <summary>
    /// With <see cref="ControlApiOptions.Web"/>: the address to open in a browser, <c>http://127.0.0.1:PORT/#token=…</c>.
    /// The token in it works once (it signs the first page in); show it to the owner only, never log it.
    /// </summary>
    public Uri? WebAddress { get; }

    /// <summary>The Unix socket path (unused over TCP).</summary>
    public string SocketPath => ControlApiFiles.SocketPath(_home);

    /// <summary>
    /// Starts serving <paramref name="node"/> for the profile in <paramref name="home"/>: writes control.token (and
    /// control.json over TCP). A stale control.sock is removed when no server answers on it; when one does,
    /// <see cref="NodeError.AlreadyRunning"/>.
    /// </summary>
    public static async Task<ControlApiServer> StartAsync(IWotIdNode node, string home, ControlApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(home);
        options ??= new ControlApiOptions();
        if (options.Web && !options.UseTcp)
        {
            options = new ControlApiOptions { UseTcp = true, Web = true, LoggerFactory = options.LoggerFactory, HeartbeatInterval = options.HeartbeatInterval, MaxUploadBytes = options.MaxUploadBytes };
        }

        home = Path.GetFullPath(home);
        string socketPath = ControlApiFiles.SocketPath(home);
        if (!options.UseTcp)
        {
            if (Encoding.UTF8.GetByteCount(socketPath) > ControlApiFiles.MaxSocketPathBytes)
            {
                throw new NodeException(NodeError.InvalidInput, $"the profile path is too long for a Unix socket ({ControlApiFiles.MaxSocketPathBytes} bytes at most); use TCP");
            }

            if (await ControlApiFiles.SocketAnswersAsync(socketPath, cancellationToken).ConfigureAwait(false))
            {
                throw new NodeException(NodeError.AlreadyRunning, "a node already serves the control API of this profile");
            }

            ControlApiFiles.DeleteIfExists(socketPath);
        }

        ControlApiToken token = ControlApiToken.Create();
        WebAccess web = new(options.Web, WebSession.Create());
        WebApplication app = Build(node, token, web, home, options);
        try
        {
            await ControlApiFiles.WriteOwnerOnlyAsync(ControlApiFiles.TokenPath(home), token.Value, cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            Uri baseAddress;
            if (options.UseTcp)
            {
                baseAddress = ListeningAddress(app);
                string endpoint = JsonSerializer.Serialize(new ControlEndpointFile(baseAddress.ToString()), ControlJsonContext.Default.ControlEndpointFile);
                await ControlApiFiles.WriteOwnerOnlyAsync(ControlApiFiles.EndpointPath(home), endpoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(socketPath, ControlApiFiles.OwnerOnly);
                }

                baseAddress = new Uri("http://localhost/");
            }

            Uri? webAddress = options.Web ? new Uri(baseAddress, "/#token=" + web.Session.OneTimeToken) : null;
            return new ControlApiServer(app, home, baseAddress, options.UseTcp, webAddress);
        }
        catch
        {
            await StopAsync(app, home, options.UseTcp).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops serving (open event streams end), removes control.sock, control.json and control.token.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(_app, _home, UsesTcp).ConfigureAwait(false);
        }
    }

    private static WebApplication Build(IWotIdNode node, ControlApiToken token, WebAccess web, string home, ControlApiOptions options)
    {
        string socketPath = ControlApiFiles.SocketPath(home);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "WotId.Node.Control" });
        builder.Services.AddSingleton<ILoggerFactory>(options.LoggerFactory ?? NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton(web);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlJsonContext.Default));
        ControlApiOpenApi.Add(builder.Services);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ControlApiLimits.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = ControlApiLimits.MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
            if (options.UseTcp)
            {
                kestrel.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
            }
            else
            {
                kestrel.ListenUnixSocket(socketPath, l => l.Protocols = HttpProtocols.Http1);
            }
        });

        WebApplication app = builder.Build();
        app.UseMiddleware<WebSecurityHeaders>();
        app.UseMiddleware<ControlApiErrorMiddleware>();
        app.UseMiddleware<ControlApiGuard>();
        app.UseRouting();
        ServerSentEventWriter events = new(options.HeartbeatInterval, TimeProvider.System);
        StatusEndpoints.Map(app, node);
        CredentialEndpoints.Map(app, node);
        ContactEndpoints.Map(app, node);
        MessageEndpoints.Map(app, node);
        FileEndpoints.Map(app, node, new FileUploads(node, home, options.MaxUploadBytes));
        EventEndpoints.Map(app, node, events, app.Lifetime.ApplicationStopping);
        app.MapOpenApi(ControlApiOpenApi.DocumentPath);
        if (web.Enabled)
        {
            WebAssets.Map(app);
            WebEndpoints.Map(app, web.Session);
        }

        // No fallback endpoint: routing's own 404, 405 and 415 get the error shape from ControlApiErrorMiddleware.
        return app;
    }

    private static Uri ListeningAddress(WebApplication app)
    {
        IServerAddressesFeature addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reports no addresses");
        Uri bound = new(addresses.Addresses.Single());
        return new Uri($"http://127.0.0.1:{bound.Port}/");
    }

    private static async Task StopAsync(WebApplication app, string home, bool overTcp)
    {
        try
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            ControlApiFiles.DeleteIfExists(ControlApiFiles.TokenPath(home));
            ControlApiFiles.DeleteIfExists(overTcp ? ControlApiFiles.EndpointPath(home) : ControlApiFiles.SocketPath(home));
        }
    }
}
