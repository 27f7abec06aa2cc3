// The message calls of the facade (docs/node.md "Messaging", "Offline delivery"): send a chat.text (sealed once into
// the outbox, then direct, else the mailbox, else it stays queued for the outbox loop), the inbox, a conversation,
// and read receipts.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Profile;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Longest chat text in UTF-16 code units (docs/messages.md, <c>chat.text</c> content).</summary>
    internal const int MaxTextLength = 16_384;

    /// <inheritdoc />
    public async Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > MaxTextLength)
        {
            throw new NodeException(NodeError.InvalidInput, $"a text has 1..{MaxTextLength} characters");
        }

        Contact c = Resolve(contact);
        WotMessage message = WotMessage.Create(WotMessageTypes.ChatText, new Dictionary<string, string> { ["content"] = text }, _time);
        bool fresh = await PrepareFreshBundleAsync(c).ConfigureAwait(false);
        EarlyLink early = OpenLinkEarly(c, ownHandshake: fresh, cancellationToken);
        await using System.Runtime.CompilerServices.ConfiguredAsyncDisposable earlyScope = early.ConfigureAwait(false);
        if (fresh)
        {
            await AwaitFreshBundleAsync(c, early.Link, cancellationToken).ConfigureAwait(false);
            c = _profile.Contacts.Get(c.Id) ?? c;
        }

        string id;
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSessionLockedAsync(c, cancellationToken).ConfigureAwait(false);
            Log.MessageStep(_logger, message.Id, "session ready");
            id = await _sealer.SealAndQueueAsync(c, message, cancellationToken).ConfigureAwait(false);
            Log.MessageStep(_logger, id, "sealed and queued");
        }
        catch (MessagingException e) when (e.Reason == MessageRejectReason.UntrustedIdentity)
        {
            _events.Publish(NodeEventKinds.MessageQueued, contact: c.Name, peerId: c.PeerId, messageId: message.Id, reason: ContactSummaries.KeyChanged);
            throw new NodeException(NodeError.KeyChangeHeld, $"the identity key of {c.Name} changed; accept it first (wotid contact accept)", e);
        }
        catch (MessagingException e)
        {
            throw new NodeException(NodeError.Failed, "the message could not be sealed: " + MessagingException.Token(e.Reason), e);
        }
        finally
        {
            _crypto.Release();
        }

        OutboxEntry entry = _profile.Messages.GetOutgoing(id) ?? throw new NodeException(NodeError.Failed, "the queued message vanished");
        if (entry.State == OutboxState.Held)
        {
            _events.Publish(NodeEventKinds.MessageQueued, contact: c.Name, peerId: c.PeerId, messageId: id, reason: ContactSummaries.KeyChanged);
            throw new NodeException(NodeError.KeyChangeHeld, $"the identity key of {c.Name} changed; accept it first (wotid contact accept)");
        }

        _options.FaultPoint?.Invoke(FaultPoints.BeforeSend); // crash tests only
        (string? via, bool byOther) = await DeliverNowAsync(c, entry, early.Link, cancellationToken).ConfigureAwait(false);
        if (via == RejectedRoute)
        {
            throw new NodeException(NodeError.Failed, $"the node of {c.Name} refused the message and will never store it (it may not have this node as a contact)");
        }

        if (via is not null)
        {
            if (!byOther)
            {
                PublishSent(c, id, via); // a round of the outbox loop or of the stop flush raised it already
            }

            return new SentMessage(id, c.Name, via);
        }

        _events.Publish(NodeEventKinds.MessageQueued, contact: c.Name, peerId: c.PeerId, messageId: id, reason: "unreachable");
        throw new NodeException(NodeError.Unreachable, $"{c.Name} is not reachable and has no usable mailbox; the message stays queued");
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IEnumerable<Contact> contacts = contact is null ? _profile.Contacts.List() : [Resolve(contact)];
        var list = new List<InboxMessage>();
        foreach (Contact c in contacts)
        {
            foreach (InboxEntry e in _profile.Messages.Inbox(c.Id))
            {
                if (ChatText(e.Body) is (string text, DateTimeOffset sentAt))
                {
                    list.Add(new InboxMessage(e.MessageId, c.Name, c.Did, text, e.Via, sentAt, e.ReceivedAt, e.State == InboxState.Read));
                }
            }
        }

        IReadOnlyList<InboxMessage> sorted = list.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(sorted);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (limit is < 1 or > 10_000)
        {
            throw new NodeException(NodeError.InvalidInput, "limit is 1..10000");
        }

        Contact c = Resolve(contact);
        IReadOnlyList<ConversationEntry> entries = _profile.Messages.Conversation(c.Id, limit)
            .Select(m => new ConversationEntry(m.MessageId, m.Outgoing, m.Text, m.SentAt, m.State, m.Via))
            .ToList();
        return Task.FromResult(entries);
    }

    /// <inheritdoc />
    public async Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        Contact c = Resolve(contact);
        try
        {
            _profile.Messages.SetInboxState(c.Id, messageId, InboxState.Read);
        }
        catch (ProfileException e) when (e.Error == ProfileError.InvalidInput)
        {
            throw new NodeException(NodeError.InvalidInput, "no such received message", e);
        }

        await QueueReceiptAsync(c, WotMessageTypes.ReceiptRead, messageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text and sender time of a stored wot.id message body, when it is a chat.text.</summary>
    private static (string Text, DateTimeOffset SentAt)? ChatText(byte[] body)
    {
        try
        {
            WotMessage m = WotMessageCodec.Parse(body);
            return m.Type == WotMessageTypes.ChatText && m.Payload.TryGetProperty("content", out JsonElement content) && content.GetString() is { } text
                ? (text, m.Timestamp)
                : null;
        }
        catch (WotMessageException)
        {
            return null;
        }
    }
}
