// The in-process node (docs/node.md "Node facade"): owns the profile's network identity, the libp2p host with the
// handshake gate, /wotid/msg/1.0.0, the outbox and the mailbox loops.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Runtime;

/// <summary>A running node for one profile. NOT BUILT YET: every member throws <see cref="NotSupportedException"/>.</summary>
public sealed class WotIdNode : IWotIdNode
{
    private WotIdNode()
    {
    }

    /// <summary>Takes the profile's node lock, listens, and starts the outbox and mailbox loops. The node owns <paramref name="profile"/>.</summary>
    public static Task<WotIdNode> StartAsync(Profile.Profile profile, NodeOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the node runtime is not built yet");

    /// <inheritdoc />
    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => throw NotBuilt();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static NotSupportedException NotBuilt() => new("the node runtime is not built yet");
}
