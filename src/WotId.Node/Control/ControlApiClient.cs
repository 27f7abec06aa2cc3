// The client of the node's local control API (docs/node.md "Control API"): an IWotIdNode that talks to the node of a
// profile running in another process.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Talks to a running node. NOT BUILT YET: every member throws <see cref="NotSupportedException"/>.</summary>
public sealed class ControlApiClient : IWotIdNode
{
    private ControlApiClient()
    {
    }

    /// <summary>Connects to the node running for the profile in <paramref name="home"/>; null when none runs.</summary>
    public static Task<ControlApiClient?> TryConnectAsync(string home, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the control API is not built yet");

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

    private static NotSupportedException NotBuilt() => new("the control API is not built yet");
}
