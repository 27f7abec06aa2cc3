// `wotid chat CONTACT`: a line-based terminal chat. Shows the last 20 messages of the conversation, then sends each
// line read from standard input and prints, as events arrive, incoming messages and receipt changes (✓ sent or
// deposited, ✓✓ delivered, read) and file offers (with the command that accepts them). Incoming messages it displays
// are marked read. `/quit` or end of input ends it.
// No full-screen UI: lines in, lines out, so it works the same with a pipe as with a terminal.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid chat</c>.</summary>
internal sealed class ChatCommand : NodeCommand
{
    /// <summary>How many earlier messages are shown at the start.</summary>
    public const int History = 20;

    public override string Name => "chat";

    public override string Summary => "chat with a contact: the last 20 messages, then each line you type is sent; /quit or Ctrl+D ends";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        if (context.Json)
        {
            throw new CliUsageException("chat is interactive and has no --json form", "use `wotid send` and `wotid inbox --json` in scripts");
        }

        ContactSummary contact = await node.GetContactAsync(arguments.RequirePositional(0, "CONTACT"), cancellationToken).ConfigureAwait(false);
        var screen = new ChatScreen(context.Output, contact.Name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Subscribe before the history is read, so nothing that arrives in between is missed.
        IAsyncEnumerator<NodeEvent> events = node.ReadEventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        await screen.LineAsync($"chat with {contact.Name} ({contact.Fingerprint}), {contact.Verification}; /quit to leave").ConfigureAwait(false);
        foreach (ConversationEntry entry in await node.GetConversationAsync(contact.Name, History, cancellationToken).ConfigureAwait(false))
        {
            await screen.HistoryAsync(entry).ConfigureAwait(false);
            if (!entry.Outgoing && entry.State == "received")
            {
                await node.MarkReadAsync(contact.Name, entry.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        Task incoming = ShowEventsAsync(node, contact.Name, events, screen, stop.Token);
        try
        {
            await ReadAndSendAsync(node, contact.Name, screen, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ShutdownSignals.StoppedExitCode;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await incoming.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The event reader ends with the chat.
            }

            await events.DisposeAsync().ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static async Task ReadAndSendAsync(IWotIdNode node, string contact, ChatScreen screen, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line = await ConsoleLines.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() == "/quit")
            {
                return;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                SentMessage sent = await node.SendTextAsync(contact, line, cancellationToken).ConfigureAwait(false);
                screen.Remember(sent.Id, line);
                await screen.LineAsync(sent.Delivered == DeliveryRoutes.Direct ? $"  ✓ sent: {Clip(line)}" : $"  ✓ deposited in {contact}'s mailbox: {Clip(line)}").ConfigureAwait(false);
            }
            catch (NodeException ex) when (ex.Error is NodeError.Unreachable or NodeError.KeyChangeHeld or NodeError.InvalidInput)
            {
                CliError error = NodeFailures.From(ex);
                await screen.LineAsync($"  not sent yet: {error.Message}; {error.Hint}").ConfigureAwait(false);
            }
        }
    }

    private static async Task ShowEventsAsync(IWotIdNode node, string contact, IAsyncEnumerator<NodeEvent> events, ChatScreen screen, CancellationToken cancellationToken)
    {
        while (await events.MoveNextAsync().ConfigureAwait(false))
        {
            NodeEvent e = events.Current;
            if (e.Contact != contact)
            {
                continue;
            }

            switch (e.Kind)
            {
                case NodeEventKinds.MessageReceived when e.MessageId is not null:
                    await screen.LineAsync($"{contact}: {EventText.Printable(e.Text)}").ConfigureAwait(false);
                    await node.MarkReadAsync(contact, e.MessageId, cancellationToken).ConfigureAwait(false);
                    break;
                case NodeEventKinds.ReceiptDelivered:
                    await screen.LineAsync($"  ✓✓ delivered: {Clip(screen.TextOf(e.MessageId))}").ConfigureAwait(false);
                    break;
                case NodeEventKinds.ReceiptRead:
                    await screen.LineAsync($"  read: {Clip(screen.TextOf(e.MessageId))}").ConfigureAwait(false);
                    break;
                case NodeEventKinds.FileOffered when e.FileId is not null:
                    await screen.LineAsync(EventText.FileOffer(contact, e)).ConfigureAwait(false);
                    break;
                case NodeEventKinds.KeyChanged:
                    await screen.LineAsync($"  {contact}'s key changed: messages are held; compare the safety number, then `wotid contact accept`").ConfigureAwait(false);
                    break;
            }
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..39] + "…";

    /// <summary>The chat's output: one writer, lines never interleaved; remembers the texts of sent messages for receipts.</summary>
    private sealed class ChatScreen(System.IO.TextWriter output, string contact)
    {
        private readonly Lock _lock = new();
        private readonly ConcurrentDictionary<string, string> _sent = new(StringComparer.Ordinal);

        public Task LineAsync(string line)
        {
            lock (_lock)
            {
                output.WriteLine(line);
                output.Flush();
            }

            return Task.CompletedTask;
        }

        public Task HistoryAsync(ConversationEntry e)
        {
            if (e.Outgoing)
            {
                _sent[e.Id] = e.Text;
            }

            string mark = e.State switch { "delivered" => " ✓✓", "read" when e.Outgoing => " read", "sent" or "deposited" => " ✓", _ => string.Empty };
            return LineAsync($"[{e.At.ToLocalTime():MM-dd HH:mm}] {(e.Outgoing ? "me" : contact)}: {EventText.Printable(e.Text)}{mark}");
        }

        public void Remember(string id, string text) => _sent[id] = text;

        public string TextOf(string? id) => id is not null && _sent.TryGetValue(id, out string? t) ? t : id ?? "?";
    }
}
