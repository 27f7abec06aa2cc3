// `wotid net listen` (issue 3): prints the node's multiaddrs (each ending in /p2p/<id>) and serves identify, ping and
// perf until interrupted.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Cli.Commands.Net;

/// <summary><c>wotid net listen [--listen MULTIADDR]... [--peer-key FILE]</c>.</summary>
internal sealed class NetListenCommand : ICliCommand
{
    public string Name => "net listen";

    public string Summary => "listen for libp2p peers; serve identify, ping and perf until interrupted";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Values("--listen", "MULTIADDR", "address to listen on, repeatable (default /ip4/127.0.0.1/tcp/0; e.g. /ip4/0.0.0.0/tcp/4001, /ip4/127.0.0.1/tcp/0/ws)"),
        NetSupport.PeerKeyOption(),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> listen = arguments.GetAll("listen");
        List<Multiaddress> addresses = (listen.Count == 0 ? ["/ip4/127.0.0.1/tcp/0"] : listen).Select(NetSupport.ParseAddress).ToList();
        using PeerIdentity identity = NetSupport.LoadOrCreateKey(arguments.Get("peer-key"));
        await using var host = new Libp2pHost(new Libp2pHostOptions(identity)
        {
            ListenAddresses = addresses,
            ServePerf = true,
            AgentVersion = NetSupport.AgentVersion,
            LoggerFactory = context.Loggers,
        });
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HostException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
        catch (System.IO.IOException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }

        IReadOnlyList<Multiaddress> dialable = DialableAddresses.Expand(host.AdvertisedAddresses, DialableAddresses.LocalAddresses());
        if (context.Json)
        {
            var addrs = new JsonArray(dialable.Select(a => (JsonNode)a.ToString()).ToArray());
            await context.Output.WriteLineAsync(new JsonObject { ["event"] = "listening", ["peerId"] = host.PeerId.ToString(), ["addrs"] = addrs }.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            foreach (Multiaddress a in dialable)
            {
                await context.Output.WriteLineAsync(a.ToString()).ConfigureAwait(false);
            }
        }

        await context.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The host's events end when it stops; here the loop ends when the command is interrupted.
            await foreach (HostEvent e in host.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (e.Kind == HostEventKind.Identified)
                {
                    Report(context, "identified", e.Connection);
                }
                else if (e.Kind == HostEventKind.ConnectionClosed)
                {
                    Report(context, "closed", e.Connection);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Interrupted: stop serving.
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The only place that uses the host's connection events: one line per identified or closed peer.</summary>
    private static void Report(CliContext context, string what, Libp2pConnection c)
    {
        lock (context)
        {
            if (context.Json)
            {
                context.Output.WriteLine(new JsonObject { ["event"] = what, ["peer"] = c.RemotePeer.ToString(), ["addr"] = c.RemoteAddress.ToString() }.ToJsonString());
            }
            else
            {
                context.Error.WriteLine($"{what}: {c.RemotePeer} via {c.RemoteAddress}");
            }
        }
    }
}
