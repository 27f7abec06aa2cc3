// A node facade for the file verbs' CLI tests: the unit under test is the CLI (through the real control API), so this
// node answers the file calls with records, records each call, and publishes the events a test scripts. Calls the file
// verbs never make throw.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Testing;

namespace WotId.Cli.Tests.Files;

internal sealed class FileNode : IWotIdNode
{
    internal static readonly DateTimeOffset Time = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<string> _calls = new();
    private readonly EventFanOut<NodeEvent> _events = new(256);
    private Task _publishing = Task.CompletedTask;

    internal IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>What GetFileTransfersAsync answers.</summary>
    internal List<FileTransferSummary> Transfers { get; } =
    [
        new("0193f1a2-7c00-7000-8000-00003f2a9c0e", "alice", FileTransferDirections.Incoming, "report.pdf", 2_100_000, "application/pdf", 0, FileTransferStates.Offered, null, null, Time, Time),
        new("0193f1a2-7c01-7000-8000-00003f2b0000", "bob", FileTransferDirections.Outgoing, "holiday.jpg", 5_000_000, "image/jpeg", 2_500_000, FileTransferStates.Transferring, "/tmp/holiday.jpg", null, Time, Time),
        new("0193f1a2-7c02-7000-8000-00009e77b0c1", "carol", FileTransferDirections.Outgoing, "notes.txt", 1200, "text/plain", 0, FileTransferStates.Failed, "/tmp/notes.txt", "hash mismatch", Time, Time),
    ];

    /// <summary>What SendFileAsync answers: a transfer with this state (its id ends in f00d0001).</summary>
    internal string SendState { get; set; } = FileTransferStates.Offered;

    /// <summary>Published to every subscriber right after SendFileAsync answered (the transfer's life, scripted).</summary>
    internal List<NodeEvent> AfterSend { get; } = [];

    /// <summary>Published to every subscriber right after AcceptFileAsync answered.</summary>
    internal List<NodeEvent> AfterAccept { get; } = [];

    internal int Subscribers => _events.Count;

    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue($"sendfile {contact} {path}");
        FileTransferSummary sent = new("0193f1a2-7d00-7000-8000-0000f00d0001", contact, FileTransferDirections.Outgoing, System.IO.Path.GetFileName(path), 3_000_000, "application/octet-stream", 0, SendState, path, null, Time, Time);
        Transfers.Insert(0, sent);
        _publishing = PublishLaterAsync(AfterSend);
        return Task.FromResult(sent);
    }

    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default)
    {
        _calls.Enqueue("files");
        return Task.FromResult<IReadOnlyList<FileTransferSummary>>([.. Transfers]);
    }

    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default)
    {
        Task<FileTransferSummary> answer = Answer($"accept {id} {directory ?? "<default>"}", id, FileTransferStates.Transferring);
        _publishing = PublishLaterAsync(AfterAccept);
        return answer;
    }

    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) => Answer($"decline {id}", id, FileTransferStates.Declined);

    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) => Answer($"cancel {id}", id, FileTransferStates.Cancelled);

    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue($"autoaccept {contact} {enabled}");
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.ReadAllAsync(cancellationToken);

    internal void Publish(NodeEvent e) => _events.Publish(e);

    public async ValueTask DisposeAsync() => await _publishing;

    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default) => throw Unused();

    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) => throw Unused();

    public Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) => throw Unused();

    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default) => throw Unused();

    public Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default) => throw Unused();

    private static NotSupportedException Unused() => new("the file verbs do not call this");

    /// <summary>Publishes the scripted events once the command's event stream is open (it opens before the offer).</summary>
    private async Task PublishLaterAsync(List<NodeEvent> scripted)
    {
        for (int i = 0; i < 600 && Subscribers == 0; i++)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        foreach (NodeEvent e in scripted)
        {
            Publish(e);
        }
    }

    private Task<FileTransferSummary> Answer(string call, string id, string state)
    {
        _calls.Enqueue(call);
        FileTransferSummary? t = Transfers.FirstOrDefault(t => t.Id == id);
        return t is null
            ? Task.FromException<FileTransferSummary>(new NodeException(NodeError.UnknownFile, "no file transfer " + id))
            : Task.FromResult(t with { State = state });
    }
}
