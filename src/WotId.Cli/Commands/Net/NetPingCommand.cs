// `wotid net ping` (issue 3): /ipfs/ping/1.0.0 round trips to a peer, one line per RTT.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Ping;

namespace WotId.Cli.Commands.Net;

/// <summary><c>wotid net ping MULTIADDR [--count N]</c>.</summary>
internal sealed class NetPingCommand : ICliCommand
{
    public string Name => "net ping";

    public string Summary => "ping a libp2p peer (/ipfs/ping/1.0.0) and print each round-trip time";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        NetSupport.AddressArgument(),
        CliSymbols.Value("--count", "N", "round trips, 1..100000 (default 4)"),
        NetSupport.PeerKeyOption(),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        var address = NetSupport.ParseAddress(arguments.RequirePositional(0, "MULTIADDR"));
        long count = arguments.GetInt64("count", 4);
        if (count < 1 || count > 100_000)
        {
            throw new CliUsageException("--count must be 1 to 100000");
        }

        using PeerIdentity identity = NetSupport.LoadOrCreateKey(arguments.Get("peer-key"));
        try
        {
            (Libp2pHost host, Libp2pConnection connection) = await NetSupport.ConnectAsync(identity, address, context.Loggers, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                Libp2pStream stream = await connection.OpenStreamAsync(PingProtocol.ProtocolId, cancellationToken).ConfigureAwait(false);
                var rtts = new List<double>();
                await using (stream.ConfigureAwait(false))
                {
                    for (int i = 0; i < count; i++)
                    {
                        TimeSpan rtt = await PingProtocol.PingAsync(stream, cancellationToken).ConfigureAwait(false);
                        rtts.Add(rtt.TotalMilliseconds);
                        if (!context.Json)
                        {
                            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{connection.RemotePeer}: seq={i + 1} rtt={rtt.TotalMilliseconds:0.000} ms")).ConfigureAwait(false);
                        }
                    }

                    stream.CompleteWrites();
                }

                if (context.Json)
                {
                    await context.Output.WriteLineAsync(new JsonObject
                    {
                        ["ok"] = true,
                        ["peer"] = connection.RemotePeer.ToString(),
                        ["rttMs"] = new JsonArray(rtts.Select(r => (JsonNode)Math.Round(r, 4)).ToArray()),
                    }.ToJsonString()).ConfigureAwait(false);
                }
            }

            return 0;
        }
        catch (IOException ex)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
    }
}
