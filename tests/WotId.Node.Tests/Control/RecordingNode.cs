// A node facade for the control API tests: the unit under test is the HTTP layer, so this node answers with fixed
// records, records every call with its arguments, throws a chosen NodeException on request, and publishes events
// to every open subscription.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Testing;

namespace WotId.Node.Tests.Control;

internal sealed class RecordingNode : IWotIdNode
{
    internal static readonly DateTimeOffset Time = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<string> _calls = new();
    private readonly EventFanOut<NodeEvent> _events = new(64);

    internal NodeStatus Status { get; } = new(
        "alice",
        "did:key:z6MkalicE",
        "ALIC-E000",
        "12D3KooWAlice",
        ["/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWAlice"],
        new CredentialSummary("did:key:z6MkIssuer", "ISSU-ER00", Time.AddDays(-1), null, true),
        new MailboxSummary("embedded", "0x" + new string('a', 64), "/tmp/mailbox.db"),
        Contacts: 1,
        Inbox: 2,
        Unread: 1,
        Outbox: 0,
        Connections: 3);

    internal ContactSummary Bob { get; } = new(
        "bob", "did:key:z6MkboB", "BOBB-0000", "12D3KooWBob", ["/ip4/127.0.0.1/tcp/4002"], "verified",
        string.Join(' ', Enumerable.Repeat("12345", 12)), true, Time.AddHours(-2), Time.AddHours(-1));

    /// <summary>The next call throws this (once).</summary>
    internal Exception? FailNext { get; set; }

    /// <summary>The call after the next one throws this (once).</summary>
    internal Exception? FailAfter { get; set; }

    internal IReadOnlyList<string> Calls => [.. _calls];

    internal int Subscribers => _events.Count;

    internal bool Disposed { get; private set; }

    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Answer("status", Status);

    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<ContactSummary>>("contacts", [Bob, Bob with { Name = "carol / ß", Verification = "unverified", SafetyNumber = null, LastVerifiedAt = null }]);

    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) =>
        Answer($"contact {contact}", Bob with { Name = contact });

    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default) =>
        Answer($"add {invitationUri.Length} {name ?? "<null>"}", Bob with { Name = name ?? "suggested", Verification = "unverified" });

    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) =>
        Answer($"accept {contact}", Bob with { Name = contact });

    /// <summary>What CreateInvitationAsync answers.</summary>
    internal string Invitation { get; set; } = "wotid:AAAA";

    public Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) => Answer("invitation", Invitation);

    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default) =>
        Answer($"send {contact} {text.Length} {text[..Math.Min(text.Length, 20)]}", new SentMessage("m-1", contact, DeliveryRoutes.Mailbox));

    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<InboxMessage>>($"inbox {contact ?? "<all>"}", [
            new InboxMessage("m-7", "bob", "did:key:z6MkboB", "hi\nthere \"é\" 🙂", DeliveryRoutes.Direct, Time, Time.AddSeconds(1), Read: false),
        ]);

    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<ConversationEntry>>($"conversation {contact} {limit}", [
            new ConversationEntry("m-1", true, "hello", Time, "delivered", DeliveryRoutes.Mailbox),
            new ConversationEntry("m-7", false, "hi", Time.AddMinutes(1), "received", null),
        ]);

    public Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default) =>
        Answer($"read {contact} {messageId}", true);

    public IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.ReadAllAsync(cancellationToken);

    /// <summary>Sends <paramref name="e"/> to every open subscription.</summary>
    internal void Publish(NodeEvent e) => _events.Publish(e);

    /// <summary>Ends every open subscription (the node stopped).</summary>
    internal void CompleteEvents() => _events.Complete();

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task<T> Answer<T>(string call, T value)
    {
        _calls.Enqueue(call);
        Exception? failure = FailNext;
        FailNext = FailAfter;
        FailAfter = null;
        if (failure is not null)
        {
            return Task.FromException<T>(failure);
        }

        return Task.FromResult(value);
    }

    /// <summary>What the file transfer calls answer (with the id, contact or path of the call filled in).</summary>
    internal FileTransferSummary Transfer { get; } = new(
        "f-3f2a9c", "bob", FileTransferDirections.Incoming, "report \"Q4\" é.pdf", 2_200_000, "application/pdf", 1_100_000,
        FileTransferStates.Offered, null, null, Time, Time.AddSeconds(5));

    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default) =>
        Answer($"sendfile {contact} {path}", Transfer with { Contact = contact, Direction = FileTransferDirections.Outgoing, Path = path, State = FileTransferStates.Queued });

    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<FileTransferSummary>>("files", [
            Transfer,
            Transfer with { Id = "f-77b0", Direction = FileTransferDirections.Outgoing, State = FileTransferStates.Failed, Reason = "hash mismatch", Path = "/tmp/x.bin", Size = 0, Transferred = 0 },
        ]);

    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default) =>
        Answer($"acceptfile {id} {directory ?? "<default>"}", Transfer with { Id = id, State = FileTransferStates.Transferring });

    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) =>
        Answer($"declinefile {id}", Transfer with { Id = id, State = FileTransferStates.Declined });

    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) =>
        Answer($"cancelfile {id}", Transfer with { Id = id, State = FileTransferStates.Cancelled });

    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default) =>
        Answer($"autoaccept {contact} {enabled}", true);
}
