// `wotid net listen` (issue 3): prints the node's multiaddrs (each ending in /p2p/<id>) and serves identify, ping and
// perf until interrupted. Issue 12: --relay-service serves Circuit Relay v2, --relay reserves on a relay (its circuit
// address is printed with the others), --hole-punching serves and drives DCUtR, --autonat-service serves AutoNAT v2
// (docs/nat.md).
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

/// <summary><c>wotid net listen [--listen MULTIADDR]... [--peer-key FILE] [--relay-service] [--relay MULTIADDR] [--hole-punching] [--autonat-service [--autonat-allow-private]]</c>.</summary>
internal sealed class NetListenCommand : ICliCommand
{
    public string Name => "net listen";

    public string Summary => "listen for libp2p peers; serve identify, ping and perf until interrupted";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Values("--listen", "MULTIADDR", "address to listen on, repeatable (default /ip4/127.0.0.1/tcp/0; e.g. /ip4/0.0.0.0/tcp/4001, /ip4/127.0.0.1/tcp/0/ws)"),
        NetSupport.PeerKeyOption(),
        CliSymbols.Flag("--relay-service", "serve as a Circuit Relay v2 relay for others (128 reservations, 2 min / 128 KiB per circuit)"),
        CliSymbols.Value("--relay", "MULTIADDR", "reserve a slot on this relay (its address must end with the relay's peer id) and print our circuit address through it"),
        CliSymbols.Flag("--hole-punching", "serve DCUtR and upgrade inbound relayed connections to direct TCP ones (TCP listeners use SO_REUSEPORT)"),
        CliSymbols.Flag("--autonat-service", "serve AutoNAT v2: dial peers back on public addresses so they learn whether they are reachable (60 requests a minute, 12 per peer)"),
        CliSymbols.Flag("--autonat-allow-private", "with --autonat-service: also dial back private and loopback addresses (a LAN or a test; the spec forbids it on the internet)"),
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
            RelayService = arguments.Has("relay-service") ? new WotId.Libp2p.Protocols.Relay.RelayServiceOptions() : null,
            HolePunching = arguments.Has("hole-punching"),
            AutoNatService = arguments.Has("autonat-service")
                ? new WotId.Libp2p.Protocols.AutoNat.AutoNatServiceOptions { AllowPrivateAddresses = arguments.Has("autonat-allow-private") }
                : null,
        });
        WotId.Libp2p.Protocols.Relay.RelayReservationLease? lease = null;
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            if (arguments.Get("relay") is { } relay)
            {
                Multiaddress relayAddress = NetSupport.ParseAddress(relay);
                if (relayAddress.PeerId is null)
                {
                    throw new CliUsageException("--relay needs an address ending in /p2p/<relay id>: " + relay);
                }

                lease = await host.ReserveAsync(relayAddress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HostException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
        catch (System.IO.IOException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }

        IReadOnlyList<Multiaddress> dialable = DialableAddresses.Expand(
            host.AdvertisedAddresses.Where(a => !a.Contains(MultiaddrCodes.P2pCircuit)).ToList(), DialableAddresses.LocalAddresses())
            .Concat(lease?.CircuitAddresses ?? []).ToList();
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

        if (lease is not null)
        {
            await lease.DisposeAsync().ConfigureAwait(false);
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
