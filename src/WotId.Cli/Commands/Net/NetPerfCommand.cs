// `wotid net perf` (issue 3): /perf/1.0.0 (libp2p/specs perf/perf.md) against a peer; prints throughput each way.
using System.Globalization;
using System.IO;
using System.CommandLine;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Perf;

namespace WotId.Cli.Commands.Net;

/// <summary><c>wotid net perf MULTIADDR --upload BYTES --download BYTES</c>.</summary>
internal sealed class NetPerfCommand : ICliCommand
{
    public string Name => "net perf";

    public string Summary => "measure libp2p throughput to a peer with /perf/1.0.0";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        NetSupport.AddressArgument(),
        CliSymbols.Value("--upload", "BYTES", "bytes to send (required)"),
        CliSymbols.Value("--download", "BYTES", "bytes to receive (required)"),
        NetSupport.PeerKeyOption(),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        var address = NetSupport.ParseAddress(arguments.RequirePositional(0, "MULTIADDR"));
        long upload = arguments.GetInt64("upload", -1);
        long download = arguments.GetInt64("download", -1);
        if (upload < 0 || download < 0)
        {
            throw new CliUsageException("--upload and --download are required, in bytes");
        }

        using PeerIdentity identity = NetSupport.LoadOrCreateKey(arguments.Get("peer-key"));
        try
        {
            (Libp2pHost host, Libp2pConnection connection) = await NetSupport.ConnectAsync(identity, address, context.Loggers, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                PerfResult r = await host.PerfAsync(connection.RemotePeer, upload, download, cancellationToken).ConfigureAwait(false);
                var json = new JsonObject
                {
                    ["ok"] = true,
                    ["peer"] = connection.RemotePeer.ToString(),
                    ["uploadBytes"] = r.UploadBytes,
                    ["uploadSeconds"] = r.UploadTime.TotalSeconds,
                    ["uploadMiBps"] = r.UploadMiBPerSecond,
                    ["downloadBytes"] = r.DownloadBytes,
                    ["downloadSeconds"] = r.DownloadTime.TotalSeconds,
                    ["downloadMiBps"] = r.DownloadMiBPerSecond,
                };
                string text = string.Create(
                    CultureInfo.InvariantCulture,
                    $"upload:   {r.UploadBytes} bytes in {r.UploadTime.TotalSeconds:0.000} s = {r.UploadMiBPerSecond:0.0} MiB/s\ndownload: {r.DownloadBytes} bytes in {r.DownloadTime.TotalSeconds:0.000} s = {r.DownloadMiBPerSecond:0.0} MiB/s");
                await NetSupport.WriteAsync(context, json, text).ConfigureAwait(false);
            }

            return 0;
        }
        catch (IOException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
    }
}
