// `wotid run`: the node of the profile in this process until Ctrl+C (exit 130) or SIGTERM (exit 0), with its control
// API so that other verbs of the same profile (send, inbox, chat…) use this node instead of starting their own.
// Prints one line per event (NodeEvent), or one JSON object per line with --json. With --web the control API is on
// 127.0.0.1 and also serves the chat page (docs/node.md "Chat in the browser"); its one-time address is printed once
// (on standard error with --json, so the output stays one event per line).
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Control;
using WotId.Node.Runtime;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid run</c>.</summary>
internal sealed class RunCommand : ICliCommand
{
    public string Name => "run";

    public string Summary => "run your node: reachable by contacts, claims the mailbox, prints events until Ctrl+C (130) or SIGTERM (0)";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Flag("--tcp-control", "serve the control API on 127.0.0.1 TCP with a random port (written to control.json) instead of the Unix socket control.sock"),
        CliSymbols.Flag("--web", "also serve the chat page in the browser (implies --tcp-control); prints its address, which works once"),
        CliSymbols.Flag("--host-mailboxes", "also host mailboxes for others over /wotid/mailbox/1.0.0 (HOME/mailbox/hosted.db, with quotas and rate limits)"),
        CliSymbols.Values("--bootstrap", "MULTIADDR", "join the wot.id DHT through this peer (ending in /p2p/<id>), repeatable; the node publishes its signed record there (docs/discovery.md)"),
        CliSymbols.Values("--dht-listen", "MULTIADDR", "where the node's DHT host listens, repeatable (default /ip4/0.0.0.0/tcp/0 when --bootstrap is given); runs the DHT even without --bootstrap, e.g. on a bootstrap node"),
        CliSymbols.Values("--relay", "MULTIADDR", "hold a Circuit Relay v2 reservation on this relay (ending in /p2p/<id>), repeatable: reachable behind a NAT through its /p2p-circuit address (docs/nat.md)"),
        CliSymbols.Flag("--relay-service", "relay for others (Circuit Relay v2 hop, with reservation and circuit limits); for a node with a public address"),
        CliSymbols.Flag("--hole-punching", "upgrade verified relayed connections to direct ones by DCUtR hole punching (on by itself with --bootstrap unless --reachability public)"),
        CliSymbols.Flag("--autonat-service", "tell nodes bootstrapping from this one whether they are publicly reachable (AutoNAT v2 on the DHT host); for a node with a public address"),
        CliSymbols.Flag("--autonat-allow-private", "the AutoNAT service also dials back private and documentation-range addresses (closed networks, tests)"),
        CliSymbols.Values("--reachability", "public|private", "state the reachability instead of measuring it: public takes no relay reservation from the bootstrap peers, private reserves without asking"),
        CliSymbols.Value("--iota-rpc", "URL", "resolve did:iota credential issuers through this IOTA node (default: the profile's IOTA mailbox node, if any)"),
        CliSymbols.Flag("--mdns", "find contacts on the local network by mDNS and announce this node there (off by default: it tells the LAN you are here)"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        ProfileAccess.RequireProfile(context);
        if (await NodeSession.ConnectAsync(context, cancellationToken).ConfigureAwait(false) is { } other)
        {
            await other.DisposeAsync().ConfigureAwait(false);
            throw new NodeException(NodeError.AlreadyRunning, $"a node runs for the profile in {context.Home} already");
        }

        IReadOnlyList<string> bootstrap = arguments.GetAll("bootstrap");
        IReadOnlyList<string> dhtListen = arguments.GetAll("dht-listen");
        IReadOnlyList<string> relays = arguments.GetAll("relay");
        foreach (string a in bootstrap.Concat(dhtListen).Concat(relays))
        {
            _ = Net.NetSupport.ParseAddress(a);
        }

        WotId.Libp2p.Protocols.AutoNat.Reachability? stated = arguments.GetAll("reachability") switch
        {
            [] => null,
            ["public"] => WotId.Libp2p.Protocols.AutoNat.Reachability.Public,
            ["private"] => WotId.Libp2p.Protocols.AutoNat.Reachability.Private,
            _ => throw new CliUsageException("--reachability takes public or private, once"),
        };
        var options = new NodeOptions
        {
            LoggerFactory = context.Loggers,
            BootstrapPeers = bootstrap,
            DhtListenAddresses = dhtListen.Count > 0 ? dhtListen : null,
            HostMailboxes = arguments.Has("host-mailboxes"),
            RelayAddresses = relays,
            RelayService = arguments.Has("relay-service"),
            HolePunching = arguments.Has("hole-punching"),
            Mdns = arguments.Has("mdns"),
            AutoNatService = arguments.Has("autonat-service"),
            AutoNatAllowPrivateAddresses = arguments.Has("autonat-allow-private"),
            ReachabilityOverride = stated,
            IotaRpc = IotaRpcOption(arguments),
        };
        WotIdNode node = await NodeSession.StartAsync(context, options, cancellationToken).ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            // The first reader also gets the events of the start-up mailbox claim (NodeEventHub).
            IAsyncEnumerable<NodeEvent> events = node.ReadEventsAsync(cancellationToken);
            var controlOptions = new ControlApiOptions { UseTcp = arguments.Has("tcp-control"), Web = arguments.Has("web"), LoggerFactory = context.Loggers };
            ControlApiServer control = await ControlApiServer.StartAsync(node, context.Home, controlOptions, cancellationToken).ConfigureAwait(false);
            await using (control.ConfigureAwait(false))
            {
                try
                {
                    NodeStatus status = await node.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                    await PrintStartAsync(context, status, control, node.HostsMailboxes, node.DhtAddresses).ConfigureAwait(false);
                    await foreach (NodeEvent e in events.ConfigureAwait(false))
                    {
                        await PrintAsync(context, e).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Asked to stop: the control API and the node are disposed below.
                }
            }
        }

        return ShutdownSignals.StoppedExitCode;
    }

    private static async Task PrintAsync(CliContext context, NodeEvent e)
    {
        await context.Output.WriteLineAsync(context.Json ? NodeJson.Line(e) : EventText.Format(e)).ConfigureAwait(false);
        await context.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task PrintStartAsync(CliContext context, NodeStatus status, ControlApiServer control, bool hostsMailboxes, IReadOnlyList<WotId.Libp2p.Multiaddr.Multiaddress> dht)
    {
        if (control.WebAddress is { } web)
        {
            // The address carries the one-time sign-in token: shown to the owner here, never logged.
            await (context.Json ? context.Error : context.Output).WriteLineAsync("chat in the browser: " + web + " (opens once; a restart prints a new one)").ConfigureAwait(false);
        }

        if (context.Json)
        {
            var started = new NodeEvent(NodeEventKinds.Started, DateTimeOffset.UtcNow, Reason: string.Join(' ', status.Addresses), Fingerprint: status.Fingerprint, PeerId: status.PeerId);
            await context.Output.WriteLineAsync(NodeJson.Line(started)).ConfigureAwait(false);
        }
        else
        {
            await context.Output.WriteLineAsync($"running {status.Name} ({status.Fingerprint}), peer id {status.PeerId}").ConfigureAwait(false);
            foreach (string a in status.Addresses)
            {
                await context.Output.WriteLineAsync("listening on " + a).ConfigureAwait(false);
            }

            if (status.Credential is null)
            {
                await context.Output.WriteLineAsync("warning: no credential imported; contacts will refuse the handshake (`wotid credential import FILE`)").ConfigureAwait(false);
            }

            if (hostsMailboxes)
            {
                await context.Output.WriteLineAsync("hosting mailboxes for others on /wotid/mailbox/1.0.0 (give them: wotid mailbox use-host " + (status.Addresses.Count > 0 ? status.Addresses[0] : "MULTIADDR") + ")").ConfigureAwait(false);
            }

            foreach (WotId.Libp2p.Multiaddr.Multiaddress a in dht)
            {
                await context.Output.WriteLineAsync("DHT on " + a + " (give it to others as --bootstrap)").ConfigureAwait(false);
            }

            await context.Output.WriteLineAsync("control API on " + (control.UsesTcp ? control.BaseAddress.ToString() : control.SocketPath)).ConfigureAwait(false);
            await context.Output.WriteLineAsync("Ctrl+C to stop").ConfigureAwait(false);
        }

        await context.Output.FlushAsync().ConfigureAwait(false);
    }

    private static Uri? IotaRpcOption(CliArguments arguments) =>
        arguments.Get("iota-rpc") is not string url ? null
        : Uri.TryCreate(url, UriKind.Absolute, out Uri? rpc) && (rpc.Scheme == Uri.UriSchemeHttp || rpc.Scheme == Uri.UriSchemeHttps) ? rpc
        : throw new CliUsageException("--iota-rpc must be an http(s) URL");
}
