// `wotid run`: the node of the profile in this process until Ctrl+C (exit 130) or SIGTERM (exit 0), with its control
// API so that other verbs of the same profile (send, inbox, chat…) use this node instead of starting their own.
// Prints one line per event (NodeEvent), or one JSON object per line with --json.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid run</c>.</summary>
internal sealed class RunCommand : ICliCommand
{
    public string Name => "run";

    public string Summary => "run your node: reachable by contacts, claims the mailbox, prints events until Ctrl+C (130) or SIGTERM (0)";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Flag("--tcp-control", "also serve the control API on 127.0.0.1 TCP (for the web page); the Unix socket is always served"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        ProfileAccess.RequireProfile(context);
        if (await NodeSession.ConnectAsync(context, cancellationToken).ConfigureAwait(false) is { } other)
        {
            await other.DisposeAsync().ConfigureAwait(false);
            throw new NodeException(NodeError.AlreadyRunning, $"a node runs for the profile in {context.Home} already");
        }

        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        WotIdNode node = await NodeSession.StartAsync(context, cancellationToken).ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            // Subscribe first: the node claims its mailbox as soon as it starts, and events are "from now on".
            IAsyncEnumerable<NodeEvent> events = node.ReadEventsAsync(cancellationToken);
            await using IAsyncDisposable? control = await ControlServerHost.StartAsync(node, context.Home, arguments.Has("tcp-control"), cancellationToken).ConfigureAwait(false);
            try
            {
                NodeStatus status = await node.GetStatusAsync(cancellationToken).ConfigureAwait(false);
                await PrintStartAsync(context, status).ConfigureAwait(false);
                HashSet<string> shown = await PrintReceivedDuringStartAsync(context, node, startedAt, cancellationToken).ConfigureAwait(false);
                await foreach (NodeEvent e in events.ConfigureAwait(false))
                {
                    if (e.Kind == NodeEventKinds.MessageReceived && e.MessageId is not null && shown.Contains(e.MessageId))
                    {
                        continue;
                    }

                    await PrintAsync(context, e).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Asked to stop: the node and the control API are disposed below.
            }
        }

        return ShutdownSignals.StoppedExitCode;
    }

    /// <summary>
    /// The node claims its mailbox while it starts, before anyone can subscribe to its events; the messages it
    /// stored since <paramref name="startedAt"/> are printed as <c>message.received</c> events here (and skipped if
    /// they also arrive as live events).
    /// </summary>
    private static async Task<HashSet<string>> PrintReceivedDuringStartAsync(CliContext context, WotIdNode node, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (InboxMessage m in await node.GetInboxAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (m.ReceivedAt >= startedAt && shown.Add(m.Id))
            {
                await PrintAsync(context, new NodeEvent(NodeEventKinds.MessageReceived, m.ReceivedAt, Contact: m.From, MessageId: m.Id, Text: m.Text, Via: m.Via)).ConfigureAwait(false);
            }
        }

        return shown;
    }

    private static async Task PrintAsync(CliContext context, NodeEvent e)
    {
        await context.Output.WriteLineAsync(context.Json ? NodeJson.Line(e) : EventText.Format(e)).ConfigureAwait(false);
        await context.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task PrintStartAsync(CliContext context, NodeStatus status)
    {
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

            await context.Output.WriteLineAsync("Ctrl+C to stop").ConfigureAwait(false);
        }

        await context.Output.FlushAsync().ConfigureAwait(false);
    }
}
