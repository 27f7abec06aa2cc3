// `wotid net autonat` (issue 12): asks an AutoNAT v2 server (libp2p/specs autonat/autonat-v2.md) to dial our addresses
// back and prints, per address, whether it was reached, then our reachability. The host listens (default
// /ip4/0.0.0.0/tcp/0) so that the server has something to dial; without --address it tests our listen addresses and
// the IP the server observed us at with our listen port.
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.AutoNat;

namespace WotId.Cli.Commands.Net;

/// <summary><c>wotid net autonat MULTIADDR [--listen MULTIADDR]... [--address MULTIADDR]... [--peer-key FILE]</c>.</summary>
internal sealed class NetAutoNatCommand : ICliCommand
{
    public string Name => "net autonat";

    public string Summary => "ask an AutoNAT v2 server whether our addresses are reachable from it";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        NetSupport.AddressArgument(),
        CliSymbols.Values("--listen", "MULTIADDR", "address to listen on for the dial back, repeatable (default /ip4/0.0.0.0/tcp/0)"),
        CliSymbols.Values("--address", "MULTIADDR", "address of ours to test, repeatable (default: our listen addresses and the IP the server sees us at)"),
        NetSupport.PeerKeyOption(),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        Multiaddress server = NetSupport.ParseAddress(arguments.RequirePositional(0, "MULTIADDR"));
        if (server.PeerId is null)
        {
            throw new CliUsageException("the server address must end in /p2p/<peer id>: " + server);
        }

        IReadOnlyList<string> listen = arguments.GetAll("listen");
        List<Multiaddress> addresses = (listen.Count == 0 ? ["/ip4/0.0.0.0/tcp/0"] : listen).Select(NetSupport.ParseAddress).ToList();
        List<Multiaddress> tested = arguments.GetAll("address").Select(NetSupport.ParseAddress).ToList();
        using PeerIdentity identity = NetSupport.LoadOrCreateKey(arguments.Get("peer-key"));
        await using var host = new Libp2pHost(new Libp2pHostOptions(identity)
        {
            ListenAddresses = addresses,
            AgentVersion = NetSupport.AgentVersion,
            LoggerFactory = context.Loggers,
            AutoNatConfirmations = 1,
        });
        IReadOnlyList<AutoNatCheckResult> results;
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            Libp2pConnection connection = await host.DialAsync(server, cancellationToken).ConfigureAwait(false);
            try
            {
                // Identify tells us the IP the server sees; the default candidates include it.
                await connection.Identified.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Without identify only the listen addresses are candidates.
            }

            results = await host.ProbeReachabilityAsync([server.PeerId], tested.Count == 0 ? null : tested, cancellationToken).ConfigureAwait(false);
        }
        catch (HostException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }

        if (results.Count == 0)
        {
            throw new CliUsageException("no address to test: listen on a concrete address or pass --address MULTIADDR");
        }

        if (context.Json)
        {
            var list = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["address"] = r.Address.ToString(),
                ["outcome"] = r.Outcome.ToString(),
                ["detail"] = r.Detail,
                ["dialDataBytes"] = r.DialDataSent,
            }).ToArray());
            await context.Output.WriteLineAsync(new JsonObject
            {
                ["ok"] = true,
                ["server"] = server.PeerId.ToString(),
                ["results"] = list,
                ["reachability"] = host.Reachability.ToString(),
            }.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            foreach (AutoNatCheckResult r in results)
            {
                await context.Output.WriteLineAsync($"{r.Address}: {r.Outcome} ({r.Detail})").ConfigureAwait(false);
            }

            await context.Output.WriteLineAsync("reachability: " + host.Reachability.ToString().ToLowerInvariant()).ConfigureAwait(false);
        }

        return results.Any(r => r.Outcome is AutoNatOutcome.Reachable or AutoNatOutcome.Unreachable) ? 0 : ExitCodes.Failed;
    }
}
