// `wotid issuer serve`: publishes this issuer's status list credential (HOME/status, written by `issuer init`,
// `issuer issue` and `issuer revoke`) over HTTP on 127.0.0.1 with StatusListServer, at the path of the issuer's
// status list URL, until Ctrl+C (130) or SIGTERM (0). The file is read again every PollInterval, so a revocation made
// while the server runs is served from then on (peers still cache a verified list for up to 5 minutes, docs/node.md).
// Peers fetch the URL written in the credentials, so the issuer is created with a matching --status-url, e.g.
// `wotid issuer init --status-url http://127.0.0.1:8470/lists/1`; the port then defaults to the URL's.
// A list is valid for 7 days (StatusListCredential.DefaultLifetime) and verifiers refuse older ones, so serve opens
// the issuer key (the passphrase, as `issuer issue` does) and signs a fresh list whenever the served one is past half
// its lifetime (StatusListRefresher), at start included.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Node.Handshake.Status;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid issuer serve</c>.</summary>
internal sealed class IssuerServeCommand : IdentityCommand
{
    /// <summary>How often the published list is read again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public override string Name => "issuer serve";

    public override string Summary => "serve the issuer's status list over HTTP on 127.0.0.1 (revocations show at once; re-signed before it goes stale) until Ctrl+C";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--port", "N", "TCP port on 127.0.0.1 (default: the port of an http://127.0.0.1 status URL, else a free one)"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string url = ReadStatusUrl(context);
        var target = new Uri(url);
        bool local = target.Scheme == Uri.UriSchemeHttp && target.Host == "127.0.0.1";
        long port = arguments.GetInt64("port", local ? target.Port : 0);
        if (port is < 0 or > 65535)
        {
            throw new CliUsageException("--port must be 0..65535");
        }

        string jws = await ReadListAsync(context, url, cancellationToken).ConfigureAwait(false)
            ?? throw new CliFailure($"no published status list for {url} in {context.Home}", "run `wotid issuer init` in this --home", "no-issuer", ExitCodes.InvalidInput);
        using SigningKey key = IdentityHome.OpenKey(context, IdentityHome.IssuerKey(context));
        var refresher = new StatusListRefresher(context, key);
        if (refresher.IsDue(jws))
        {
            jws = refresher.Refresh(url);
        }

        StatusListServer server;
        try
        {
            server = StatusListServer.Start((int)port);
        }
        catch (System.Net.HttpListenerException ex)
        {
            throw new CliFailure($"cannot listen on 127.0.0.1:{port}: {ex.Message}", "choose another --port", "io", ExitCodes.Failed);
        }

        await using (server.ConfigureAwait(false))
        {
            server.Publish(target.AbsolutePath, jws);
            string served = server.UrlFor(target.AbsolutePath);
            await WriteAsync(context, new JsonObject { ["url"] = served, ["statusListCredential"] = url }, $"serving the status list at {served}\nCtrl+C to stop").ConfigureAwait(false);
            if (served != url)
            {
                await context.Error.WriteLineAsync($"warning: credentials name {url} as their status list; peers fetch that URL, not this one").ConfigureAwait(false);
            }

            await context.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                using var timer = new PeriodicTimer(PollInterval);
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    string? current = await ReadListAsync(context, url, cancellationToken).ConfigureAwait(false);
                    if (current is not null && refresher.IsDue(current))
                    {
                        try
                        {
                            current = refresher.Refresh(url);
                        }
                        catch (IOException)
                        {
                            // The state is being replaced by another command right now: try again at the next tick.
                            current = null;
                        }
                    }

                    if (current is not null && current != jws)
                    {
                        jws = current;
                        server.Publish(target.AbsolutePath, jws);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Asked to stop.
            }
        }

        return ShutdownSignals.StoppedExitCode;
    }

    private static string ReadStatusUrl(CliContext context)
    {
        string path = IdentityHome.IssuerState(context);
        if (!File.Exists(path))
        {
            throw new CliFailure($"no issuer in {context.Home}", "run `wotid issuer init` first, or pass the right --home", "no-issuer", ExitCodes.InvalidInput);
        }

        try
        {
            return IssuerState.Parse(File.ReadAllText(path)).StatusListUrl;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw new CliFailure($"issuer state {path} is damaged: {ex.Message}", "restore it from a backup", "invalid-input", ExitCodes.InvalidInput);
        }
    }

    /// <summary>The published list as the issuer commands last wrote it (a fresh cache reads the file).</summary>
    private static async Task<string?> ReadListAsync(CliContext context, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await IdentityHome.StatusLists(context).GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Being replaced right now (the writers rename a temporary file over it): read it at the next tick.
            return null;
        }
    }
}
