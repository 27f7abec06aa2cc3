// Shared plumbing of the `wotid net` diagnostics: key files, a client host, JSON output (issue 3, "Diagnostics CLI").
using System;
using System.IO;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Cli.Commands.Net;

/// <summary>Helpers for the <c>net</c> commands.</summary>
internal static class NetSupport
{
    /// <summary>Loads a libp2p private key (PrivateKey protobuf) from <paramref name="path"/>, creating it when absent.</summary>
    public static PeerIdentity LoadOrCreateKey(string? path)
    {
        if (path is null)
        {
            return PeerIdentity.Generate();
        }

        if (Directory.Exists(path))
        {
            throw new CliUsageException($"{path} is a folder, not a libp2p key file", "pass a file path (created when absent)");
        }

        if (File.Exists(path))
        {
            try
            {
                return PeerIdentity.FromPrivateKeyProtobuf(File.ReadAllBytes(path));
            }
            catch (FormatException ex)
            {
                throw new CliUsageException($"{path} is not a libp2p private key: {ex.Message}", "pass a key file written by `wotid net listen --peer-key FILE`, or a new path to create one");
            }
        }

        PeerIdentity created = PeerIdentity.Generate();
        byte[] encoded = created.ExportPrivateKeyProtobuf();
        try
        {
            PrivateFiles.WriteNew(path, encoded);
        }
        finally
        {
            Array.Clear(encoded);
        }

        return created;
    }

    /// <summary>Parses a multiaddr argument.</summary>
    public static Multiaddress ParseAddress(string text)
    {
        try
        {
            return Multiaddress.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"not a multiaddr: {text} ({ex.Message})");
        }
    }

    /// <summary>Starts a dial-only host and connects to <paramref name="address"/>.</summary>
    public static async Task<(Libp2pHost Host, Libp2pConnection Connection)> ConnectAsync(
        PeerIdentity identity, Multiaddress address, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var host = new Libp2pHost(new Libp2pHostOptions(identity) { AgentVersion = AgentVersion, LoggerFactory = loggers });
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            Libp2pConnection connection = await host.DialAsync(address, cancellationToken).ConfigureAwait(false);
            return (host, connection);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Our identify agent version.</summary>
    public static string AgentVersion => "wotid/" + (typeof(NetSupport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Prints JSON (compact, one line) or text.</summary>
    public static Task WriteAsync(CliContext context, JsonNode json, string text) =>
        context.Output.WriteLineAsync(context.Json ? json.ToJsonString() : text);

    /// <summary>The <c>--peer-key</c> option of every net command.</summary>
    public static Option<string> PeerKeyOption() =>
        CliSymbols.Value("--peer-key", "FILE", "libp2p private key (PrivateKey protobuf), created owner-only when absent (default: a fresh key)");

    /// <summary>The peer address argument of the dialling commands.</summary>
    public static Argument<string> AddressArgument() =>
        CliSymbols.Positional("MULTIADDR", "the peer's address, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo…");

    /// <summary>Prints a network failure in the common error shape and returns its exit code.</summary>
    public static Task<int> FailAsync(CliContext context, Exception error)
    {
        // The host reports an upgrade that ran out of time as "security upgrade failed: The operation was canceled.";
        // say what happened instead (the user did not cancel: that ends in Program with exit code 130).
        for (Exception? inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is OperationCanceledException or TimeoutException)
            {
                return new CliError(
                    "timeout",
                    error.Message.Replace(inner.Message, "timed out: the peer did not answer the handshake", StringComparison.Ordinal),
                    "check that the address is a libp2p node (TCP or /ws) and that it is running",
                    ExitCodes.Failed).WriteAsync(context.Error, context.Json);
            }
        }

        CliError e = CliError.From(error);
        return (e.Code == "timeout" ? e : new CliError("network", e.Message, "check the address and that the peer is running", ExitCodes.Failed))
            .WriteAsync(context.Error, context.Json);
    }
}
