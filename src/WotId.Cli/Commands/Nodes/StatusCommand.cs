using System.Collections.Generic;
using System.CommandLine;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid status</c>: who this node is (fingerprint, never the long DID in text; the DID is in --json).</summary>
/// <remarks>
/// The running node's status; else a node started for the command. A profile without a credential cannot start a
/// node, so its status is read from the profile alone: a new user needs it to give the DID to an issuer.
/// </remarks>
internal sealed class StatusCommand : ICliCommand
{
    public string Name => "status";

    public string Summary => "your fingerprint, peer id, addresses, credential, mailbox, message counts, reachability (public|private|unknown, relayed addresses), the DHT (routing table size, when our record was published, its sequence) and network counters (--json adds the full DID)";

    public IReadOnlyList<Symbol> Symbols { get; } = [];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        ProfileAccess.RequireProfile(context);
        IWotIdNode? node = await NodeSession.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            WotId.Node.Profile.Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
            if (profile.Credential is null)
            {
                using (profile)
                {
                    return await PrintAsync(context, WotIdNode.ReadStatus(profile)).ConfigureAwait(false);
                }
            }

            node = await NodeSession.StartAsync(profile, new NodeOptions { LoggerFactory = context.Loggers }, cancellationToken).ConfigureAwait(false);
        }

        await using (node.ConfigureAwait(false))
        {
            return await PrintAsync(context, await node.GetStatusAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private static async Task<int> PrintAsync(CliContext context, NodeStatus status)
    {
        var text = new StringBuilder()
            .AppendLine($"name:        {status.Name}")
            .AppendLine($"fingerprint: {status.Fingerprint}")
            .AppendLine($"peer id:     {status.PeerId}");
        foreach (string a in status.Addresses)
        {
            text.AppendLine($"address:     {a}");
        }

        text.AppendLine(status.Credential is { } c
            ? $"credential:  issued by {c.IssuerFingerprint}, " + (c.Valid ? "valid" : "NOT valid now") + (c.ValidUntil is { } u ? $" until {u:yyyy-MM-dd}" : string.Empty)
            : "credential:  none (`wotid credential import FILE`)");
        text.AppendLine(status.Mailbox is { } m ? $"mailbox:     {m.Kind} {m.Location}" : "mailbox:     none");
        text.Append($"contacts: {status.Contacts}, inbox: {status.Inbox} ({status.Unread} unread), outbox: {status.Outbox}, connections: {status.Connections}");
        if (status.Reachability is { } reach)
        {
            text.AppendLine().Append($"reachability: {reach.State} ({reach.Source})");
            foreach (string a in reach.RelayedAddresses)
            {
                text.AppendLine().Append($"relayed:     {a}");
            }
        }

        text.AppendLine().Append("dht:         " + (status.Dht is { } dht ? DhtLine(dht) : "off (no --bootstrap, no --dht-listen)"));
        if (status.Network is { } n)
        {
            NetworkRefusals r = n.Refusals;
            text.AppendLine()
                .AppendLine($"network:     {n.InboundConnections} in, {n.OutboundConnections} out, {n.PendingInbound + n.PendingOutbound} pending, {n.UnverifiedConnections} unverified; {n.Streams} streams; {n.MemoryBytes / (1024.0 * 1024):0.0} MiB reserved, {n.BufferedBytes / (1024.0 * 1024):0.0} MiB buffered; {n.Trimmed} trimmed")
                .Append($"refusals:    system {r.System}, transient {r.Transient}, peer {r.Peer}, protocol {r.Protocol}, connection {r.Connection}");
        }
        await context.Output.WriteLineAsync(context.Json ? NodeJson.Indented(status) : text.ToString()).ConfigureAwait(false);
        await context.Output.FlushAsync().ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>"12 peers in the routing table, record published 2026-12-07 06:30:01 UTC (sequence …, on 3 peers)".</summary>
    private static string DhtLine(DhtStatus dht) =>
        $"{dht.RoutingTableSize} peers in the routing table, "
        + (dht.PublishedAt is { } at
            ? $"record published {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (sequence {dht.Sequence}, on {dht.StoredOn} peers)"
            : "record not published yet")
        + (dht.LastFailureAt is { } f ? $", last publication failed {f.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : string.Empty);
}
