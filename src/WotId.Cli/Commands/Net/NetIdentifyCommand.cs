// `wotid net identify` (issue 3): the remote's peer id, agent version, protocols and listen addresses (identify).
using System;
using System.IO;
using System.CommandLine;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;

namespace WotId.Cli.Commands.Net;

/// <summary><c>wotid net identify MULTIADDR</c>.</summary>
internal sealed class NetIdentifyCommand : ICliCommand
{
    public string Name => "net identify";

    public string Summary => "print a libp2p peer's id, agent version, protocols and listen addresses";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        NetSupport.AddressArgument(),
        NetSupport.PeerKeyOption(),
    ];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        var address = NetSupport.ParseAddress(arguments.RequirePositional(0, "MULTIADDR"));
        using PeerIdentity identity = NetSupport.LoadOrCreateKey(arguments.Get("peer-key"));
        try
        {
            (Libp2pHost host, Libp2pConnection connection) = await NetSupport.ConnectAsync(identity, address, context.Loggers, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                IdentifyMessage m = await connection.Identified.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                string[] listen = m.ParsedListenAddrs().Select(a => a.ToString()).ToArray();
                string? observed = m.ParsedObservedAddr()?.ToString();
                bool recordValid = false;
                if (m.SignedPeerRecord is not null)
                {
                    try
                    {
                        recordValid = PeerRecord.Open(m.SignedPeerRecord).PeerId == connection.RemotePeer;
                    }
                    catch (IdentifyFormatException)
                    {
                        recordValid = false;
                    }
                }

                var json = new JsonObject
                {
                    ["ok"] = true,
                    ["peerId"] = connection.RemotePeer.ToString(),
                    ["agentVersion"] = m.AgentVersion,
                    ["protocolVersion"] = m.ProtocolVersion,
                    ["protocols"] = new JsonArray(m.Protocols.Select(p => (JsonNode)p).ToArray()),
                    ["listenAddrs"] = new JsonArray(listen.Select(a => (JsonNode)a).ToArray()),
                    ["observedAddr"] = observed,
                    ["signedPeerRecord"] = m.SignedPeerRecord is null ? "absent" : recordValid ? "valid" : "invalid",
                };
                var text = new StringBuilder();
                text.AppendLine("peer id:          " + connection.RemotePeer);
                text.AppendLine("agent version:    " + m.AgentVersion);
                text.AppendLine("protocol version: " + m.ProtocolVersion);
                text.AppendLine("observed addr:    " + observed);
                text.AppendLine("peer record:      " + json["signedPeerRecord"]);
                text.AppendLine("protocols:");
                foreach (string p in m.Protocols)
                {
                    text.AppendLine("  " + p);
                }

                text.Append("listen addrs:");
                foreach (string a in listen)
                {
                    text.AppendLine().Append("  " + a);
                }

                await NetSupport.WriteAsync(context, json, text.ToString()).ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or FormatException or TimeoutException)
        {
            return await NetSupport.FailAsync(context, ex).ConfigureAwait(false);
        }
    }
}
