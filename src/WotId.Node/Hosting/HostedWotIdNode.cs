// The IWotIdNode singleton of a host (docs/library.md "Hosting"): it forwards to the WotIdNode that
// WotIdNodeHostedService started. Before the start and after the stop, operations throw NodeError.NotRunning; the event
// stream instead waits for the start, so a background service may subscribe before the node runs.
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Hosting;

/// <summary>Forwards to the running node of the host.</summary>
internal sealed class HostedWotIdNode : IWotIdNode
{
    private readonly object _lock = new();
    private TaskCompletionSource<IWotIdNode> _started = NewStart();
    private volatile IWotIdNode? _node;

    /// <summary>The running node (set by the hosted service).</summary>
    internal void Attach(IWotIdNode node)
    {
        lock (_lock)
        {
            _node = node;
            _started.TrySetResult(node);
        }
    }

    /// <summary>The node stopped: operations throw NotRunning, open event streams end, new ones wait for the next start.</summary>
    internal void Detach()
    {
        lock (_lock)
        {
            _node = null;
            if (_started.Task.IsCompleted)
            {
                _started = NewStart();
            }
        }
    }

    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Node.GetStatusAsync(cancellationToken);

    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default) => Node.GetContactsAsync(cancellationToken);

    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) => Node.GetContactAsync(contact, cancellationToken);

    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default) =>
        Node.AddContactAsync(invitationUri, name, cancellationToken);

    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) => Node.AcceptKeyChangeAsync(contact, cancellationToken);

    public Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) => Node.CreateInvitationAsync(cancellationToken);

    public Task<ImportedCredential> ImportCredentialAsync(string credentialJws, CancellationToken cancellationToken = default) => Node.ImportCredentialAsync(credentialJws, cancellationToken);

    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default) => Node.SendTextAsync(contact, text, cancellationToken);

    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default) => Node.GetInboxAsync(contact, cancellationToken);

    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default) =>
        Node.GetConversationAsync(contact, limit, cancellationToken);

    public Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default) => Node.MarkReadAsync(contact, messageId, cancellationToken);

    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default) => Node.SendFileAsync(contact, path, cancellationToken);

    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default) => Node.GetFileTransfersAsync(cancellationToken);

    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default) =>
        Node.AcceptFileAsync(id, directory, cancellationToken);

    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) => Node.DeclineFileAsync(id, cancellationToken);

    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) => Node.CancelFileAsync(id, cancellationToken);

    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default) =>
        Node.SetFileAutoAcceptAsync(contact, enabled, cancellationToken);

    /// <summary>Waits for the node to start, then yields its events until it stops or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<NodeEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Task<IWotIdNode> started;
        lock (_lock)
        {
            started = _started.Task;
        }

        IWotIdNode node = await started.WaitAsync(cancellationToken).ConfigureAwait(false);
        await foreach (NodeEvent e in node.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <summary>Nothing: the hosted service owns the node and stops it with the host.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => _node?.ToString() ?? "WotIdNode(not running)";

    private static TaskCompletionSource<IWotIdNode> NewStart() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IWotIdNode Node => _node ?? throw new NodeException(NodeError.NotRunning, "the hosted wot.id node is not running (the host has not started, or it stopped)");
}
