// The node's two background loops (docs/node.md "Offline delivery"), each an owned task stopped and awaited by
// DisposeAsync:
//  - outbox: every OutboxRetryInterval, or at once when woken (a message or receipt was queued, a contact was
//    verified), queued messages go out directly to contacts with a verified connection, or by dialling them;
//    those older than DirectDeliveryTimeout fall back to the mailbox. Held messages wait for AcceptKeyChangeAsync.
//    Each round also tops up the prekey pools.
//  - mailbox: at start and every MailboxPollInterval the node claims its own mailbox: for each message, claim (archive),
//    read, open and store (via "mailbox"), delete. A crash between steps leaves the message pending or archived,
//    and the next round handles it again; the dedup row makes the second copy a duplicate. A message from an unknown
//    sender stays archived (its sender may become a contact); any other rejected message is deleted. A message from a
//    contact whose credential this node refused is deleted undelivered and raises message.refused.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Most mailbox pages read in one claim round (50 messages a page).</summary>
    private const int MaxClaimPages = 20;

    private async Task RunOutboxLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _outboxWake.WaitAsync(_options.OutboxRetryInterval, _time, cancellationToken).ConfigureAwait(false);
                await RetryOutboxAsync(cancellationToken).ConfigureAwait(false);
                // Handshakes hand out one-time prekeys: top the pools up (cheap when nothing is missing).
                await _profile.PreKeys.ReplenishAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LoopFailed(_logger, "outbox", e);
            }
        }
    }

    /// <summary>One round of the outbox loop: all contacts with queued messages, in parallel.</summary>
    private async Task RetryOutboxAsync(CancellationToken cancellationToken)
    {
        // Receipts owed by a node killed between storing a message and queueing its receipt (docs/node.md "Exactly once").
        foreach ((long contactId, string messageId) in _profile.Messages.PendingReceipts())
        {
            if (_profile.Contacts.Get(contactId) is { } owed)
            {
                await QueueReceiptAsync(owed, WotId.Tsp.Messages.WotMessageTypes.ReceiptDelivered, messageId, cancellationToken).ConfigureAwait(false);
            }
        }

        // Accepted outgoing files whose stream is not running (interrupted, waiting for a slot, or after a restart), and
        // incoming ones paused for a full disk that now has the space.
        IReadOnlyList<FileTransferRecord> unfinished = _profile.Files.Unfinished();
        ResumeOutgoingFiles(unfinished);
        await ResumeIncomingFilesWithSpaceAsync(unfinished, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<OutboxEntry> queued = _profile.Messages.Outbox(OutboxState.Queued);
        var rounds = new List<Task>();
        foreach (IGrouping<long, OutboxEntry> group in queued.GroupBy(e => e.ContactId))
        {
            if (_profile.Contacts.Get(group.Key) is { Verification: not ContactVerification.KeyChangedHeld } contact)
            {
                rounds.Add(RetryContactAsync(contact, group.ToList(), dial: true, cancellationToken));
            }
        }

        await Task.WhenAll(rounds).ConfigureAwait(false);
    }

    /// <summary>A delivery round of the loop (or of the stop flush, which does not dial) for one contact; raises message.sent for what it delivered.</summary>
    private async Task RetryContactAsync(Contact contact, IReadOnlyList<OutboxEntry> entries, bool dial, CancellationToken cancellationToken)
    {
        Dictionary<string, string> routes = await DeliverAsync(contact, entries, dial, depositNow: false, cancellationToken).ConfigureAwait(false);
        foreach ((string id, string via) in routes)
        {
            if (via != RejectedRoute)
            {
                PublishSent(contact, id, via);
            }
        }
    }

    private async Task RunMailboxLoopAsync(CancellationToken cancellationToken)
    {
        if (_profile.Mailbox is null && _profile.HostedMailbox is null && _profile.IotaMailbox is null)
        {
            _firstClaimRound.TrySetResult();
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                int claimed;
                try
                {
                    claimed = await ClaimMailboxAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _firstClaimRound.TrySetResult();
                }

                if (claimed > 0)
                {
                    Log.Claimed(_logger, claimed);
                    _events.Publish(NodeEventKinds.MailboxClaimed, reason: claimed.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await Task.Delay(_options.MailboxPollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LoopFailed(_logger, "mailbox", e);
                await Task.Delay(_options.MailboxPollInterval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One claim round over the node's own mailboxes (embedded, hosted, then IOTA); returns the messages taken out.</summary>
    private async Task<int> ClaimMailboxAsync(CancellationToken cancellationToken)
    {
        int taken = 0;
        if (_profile.Mailbox is { } own)
        {
            taken += await ClaimMailboxAsync(_mailboxes.Open(own.DatabasePath, own.Account), own.Handle, cancellationToken).ConfigureAwait(false);
        }

        if (_profile.HostedMailbox is { } hosted)
        {
            try
            {
                taken += await ClaimMailboxAsync(HostedClient(hosted.HostAddress), hosted.Handle, cancellationToken).ConfigureAwait(false);
            }
            catch (MailboxException e) when (e.IsTransient)
            {
                // The host is down or busy: not a failure of the loop (the messages wait there).
                cancellationToken.ThrowIfCancellationRequested();
                Log.HostedClaimDeferred(_logger, hosted.HostAddress, e.Error);
            }
        }

        taken += await ClaimIotaMailboxAsync(cancellationToken).ConfigureAwait(false);
        return taken;
    }

    /// <summary>One claim round over one mailbox: claim, read, open and store, delete each message.</summary>
    private async Task<int> ClaimMailboxAsync(IMailbox mailbox, MailboxHandle handle, CancellationToken cancellationToken)
    {
        var found = new List<MessageInfo>();
        string? cursor = null;
        for (int page = 0; page < MaxClaimPages; page++)
        {
            MessagePage p = await mailbox.ListAsync(handle.MailboxId, cursor, MailboxLimits.MaxListPageSize, cancellationToken).ConfigureAwait(false);
            found.AddRange(p.Messages);
            if ((cursor = p.NextCursor) is null)
            {
                break;
            }
        }

        int taken = 0;
        foreach (MessageInfo info in found)
        {
            if (info.State == MessageState.Pending)
            {
                await mailbox.ClaimAsync(handle, info.Id, cancellationToken).ConfigureAwait(false);
                _options.FaultPoint?.Invoke(FaultPoints.AfterClaim); // crash tests only
            }

            MailboxMessage message = await mailbox.ReadAsync(handle, info.Id, cancellationToken).ConfigureAwait(false);
            (_, OpenedMessage? opened, MessageRejectReason? rejected) = await OpenAsync(message.Payload, DeliveryRoutes.Mailbox, cancellationToken).ConfigureAwait(false);
            if (rejected == MessageRejectReason.UnknownSender)
            {
                continue;
            }

            _options.FaultPoint?.Invoke(FaultPoints.BeforeDelete); // crash tests only
            await mailbox.DeleteAsync(handle, info.Id, cancellationToken).ConfigureAwait(false);
            taken++;
            if (rejected == MessageRejectReason.RefusedSender)
            {
                PublishRefused(message.Payload);
            }

            if (opened is not null)
            {
                await OnReceivedAsync(opened, DeliveryRoutes.Mailbox, cancellationToken).ConfigureAwait(false);
            }
        }

        return taken;
    }

    /// <summary>Logs and publishes <c>message.refused</c> for a deleted mailbox message of a refused contact (no message content).</summary>
    private void PublishRefused(ReadOnlyMemory<byte> envelope)
    {
        // The sealer verified the signature of this contact before it refused the message.
        if (_profile.Contacts.GetByDidHash(SealedEnvelopeCodec.Decode(envelope).SenderDidHash.Span) is { RefusedReason: { } reason } contact)
        {
            Log.MailboxMessageRefused(_logger, contact.Name, reason);
            _events.Publish(NodeEventKinds.MessageRefused, contact: contact.Name, peerId: contact.PeerId, via: DeliveryRoutes.Mailbox, reason: reason,
                fingerprint: Invitations.DidFingerprint.Short(contact.Did));
        }
    }

    private void PublishSent(Contact contact, string messageId, string via)
    {
        string? type = _profile.Messages.OutgoingType(messageId);
        if (type == WotId.Tsp.Messages.WotMessageTypes.FileOffer)
        {
            // The transfer id is the offer's message id (docs/files.md "States").
            _profile.Files.Move(messageId, [FileTransferStates.Queued], FileTransferStates.Offered);
        }

        if (type == WotId.Tsp.Messages.WotMessageTypes.ChatText)
        {
            _events.Publish(NodeEventKinds.MessageSent, contact: contact.Name, peerId: contact.PeerId, messageId: messageId, via: via,
                fingerprint: Invitations.DidFingerprint.Short(contact.Did));
        }
    }
}
