// Sending (docs/node.md "Offline delivery"): the sealed envelope stored in the outbox is sent directly on the
// contact's message link (reusing a verified connection or dialling the contact), and marked sent on ACK stored or
// duplicate; when that does not finish within NodeOptions.DirectDeliveryTimeout the same bytes are deposited in the
// contact's mailbox and marked deposited. Messages being sent are tracked so that the retry loop and a caller never
// send the same message at the same time (a second copy would only be acknowledged as a duplicate, but costs a frame).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Mailbox;
using WotId.Mailbox.Types;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>The route reported by <see cref="DeliverAsync"/> for a message the contact's node rejected.</summary>
    private const string RejectedRoute = "rejected";

    /// <summary>Rounds of others that <see cref="DeliverNowAsync"/> waits for before it leaves a message queued.</summary>
    private const int MaxDeliverNowTurns = 3;

    // Message id → completed with the route it got (null: none, still queued) when the delivery round holding it
    // ends (FlushOnStopAsync and DeliverNowAsync wait for these).
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _sending = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends <paramref name="entries"/> (all to <paramref name="contact"/>, oldest first) over one link, pipelined up
    /// to the window, and returns the ACK status of each message acknowledged within the direct delivery timeout
    /// (stored and duplicate are marked sent, rejected failed). <paramref name="early"/>, when given, is the link opened
    /// while the messages were sealed: it replaces finding or dialling one here (its failure counts as unreachable).
    /// </summary>
    /// <remarks>
    /// When the link ran on a connection that closed meanwhile (DCUtR replaced a relayed one by a direct connection,
    /// the relay's circuit limit ended it, or the contact's node restarted and this node had not yet seen the old
    /// connection end), the unacknowledged rest is sent once more on a fresh link before the mailbox is used.
    /// </remarks>
    private async Task<Dictionary<string, AckStatus>> SendDirectAsync(Contact contact, List<OutboxEntry> entries, bool dial, Task<PeerLink>? early, CancellationToken cancellationToken)
    {
        var used = new Libp2pConnection?[1];
        Dictionary<string, AckStatus> acknowledged = await SendDirectOnceAsync(contact, entries, dial, early, used, cancellationToken).ConfigureAwait(false);
        if (dial && used[0] is null && acknowledged.Count == 0
            && await RefreshContactAddressesAsync(contact, cancellationToken).ConfigureAwait(false) is { } fresh)
        {
            // No address answered: the DID's current record named others, so they are tried before the mailbox.
            contact = fresh;
            acknowledged = await SendDirectOnceAsync(contact, entries, dial, early: null, used, cancellationToken).ConfigureAwait(false);
        }

        if (used[0] is { IsClosed: true } && acknowledged.Count < entries.Count)
        {
            List<OutboxEntry> rest = entries.Where(e => !acknowledged.ContainsKey(e.MessageId)).ToList();
            foreach ((string id, AckStatus status) in await SendDirectOnceAsync(contact, rest, dial, early: null, used, cancellationToken).ConfigureAwait(false))
            {
                acknowledged[id] = status;
            }
        }

        return acknowledged;
    }

    private async Task<Dictionary<string, AckStatus>> SendDirectOnceAsync(Contact contact, List<OutboxEntry> entries, bool dial, Task<PeerLink>? early, Libp2pConnection?[] used, CancellationToken cancellationToken)
    {
        var acknowledged = new Dictionary<string, AckStatus>(StringComparer.Ordinal);
        if (entries.Count == 0 || !PeerId.TryParse(contact.PeerId, out PeerId? peer) || peer is null)
        {
            return acknowledged;
        }

        using var timeout = new CancellationTokenSource(_options.DirectDeliveryTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken, _stop.Token);
        var acks = new List<(OutboxEntry Entry, Task<AckStatus> Ack)>();
        try
        {
            _options.FaultPoint?.Invoke(FaultPoints.BeforeLink); // tests only
            PeerLink link = early is not null
                ? await early.WaitAsync(linked.Token).ConfigureAwait(false)
                : await _links.GetAsync(peer, contact.Addresses, dial, linked.Token).ConfigureAwait(false);
            used[0] = link.Connection;
            foreach (OutboxEntry entry in entries)
            {
                Log.MessageStep(_logger, entry.MessageId, "link ready");
                acks.Add((entry, await link.SendAsync(entry.Envelope, linked.Token).ConfigureAwait(false)));
                Log.MessageStep(_logger, entry.MessageId, "frame sent");
                _options.FaultPoint?.Invoke(FaultPoints.AfterFrameSentBeforeAck); // crash tests only
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HostException or ObjectDisposedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.Unreachable(_logger, contact.Name, e is OperationCanceledException ? "timeout" : e.Message);
        }

        foreach ((OutboxEntry entry, Task<AckStatus> ack) in acks)
        {
            AckStatus status;
            try
            {
                status = await ack.WaitAsync(linked.Token).ConfigureAwait(false);
                Log.MessageStep(_logger, entry.MessageId, "ACK read");
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Log.Delivery(_logger, entry.MessageId, contact.Name, "not acknowledged");
                continue;
            }

            if (status == AckStatus.RejectedUnknownPreKey)
            {
                // Not failed yet: DeliverAsync seals it again on a session from a fresh bundle (WotIdNode.PreKeyResend).
                Log.Delivery(_logger, entry.MessageId, contact.Name, "refused by the peer: unknown_prekey");
                acknowledged.Add(entry.MessageId, status);
                continue;
            }

            if (status == AckStatus.Rejected)
            {
                Log.Delivery(_logger, entry.MessageId, contact.Name, "rejected by the peer");
                _profile.Messages.SetOutboxState(entry.MessageId, OutboxState.Failed, countAttempt: true);
                acknowledged.Add(entry.MessageId, status);
                continue;
            }

            // The receiver stored it durably before its ACK: if this mark is lost, the message goes again and is a duplicate.
            _profile.Messages.AdvanceOutboxState(entry.MessageId, OutboxState.Sent, countAttempt: true, durable: false);
            acknowledged.Add(entry.MessageId, status);
            Log.Delivery(_logger, entry.MessageId, contact.Name, DeliveryRoutes.Direct);
        }

        return acknowledged;
    }

    /// <summary>
    /// Starts opening the message link to <paramref name="contact"/> (reusing or dialling) while the caller seals. With
    /// <paramref name="ownHandshake"/> (a fresh prekey bundle is needed) it first dials a new connection whatever is
    /// open, so this node is the initiator of a handshake (docs/node.md "Sessions"); the link may use any connection.
    /// </summary>
    private EarlyLink OpenLinkEarly(Contact contact, bool ownHandshake, CancellationToken cancellationToken) =>
        new(ct => PeerId.TryParse(contact.PeerId, out PeerId? peer) && peer is not null
                ? OpenLinkAsync(peer, contact.Addresses, ownHandshake, ct)
                : Task.FromException<PeerLink>(new IOException("the contact has no valid peer id")),
            _options.DirectDeliveryTimeout, _time, cancellationToken, _stop.Token);

    private async Task<PeerLink> OpenLinkAsync(PeerId peer, IReadOnlyList<string> addresses, bool ownHandshake, CancellationToken cancellationToken)
    {
        if (ownHandshake)
        {
            await _links.DialOwnAsync(peer, addresses, cancellationToken).ConfigureAwait(false);
        }

        return await _links.GetAsync(peer, addresses, dial: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deposits one envelope in the contact's mailbox (embedded here; hosted and IOTA elsewhere); false when it has none or the deposit failed.</summary>
    private async Task<bool> DepositAsync(Contact contact, OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (contact.MailboxKind == MailboxKinds.Hosted)
        {
            return await DepositHostedAsync(contact, entry, cancellationToken).ConfigureAwait(false);
        }

        if (contact.MailboxKind == MailboxKinds.Iota)
        {
            return await DepositIotaAsync(contact, entry, cancellationToken).ConfigureAwait(false);
        }

        if (contact.MailboxKind != MailboxKinds.Embedded || contact.MailboxId is null
            || contact.MailboxHint is not { Length: > 0 } path || !IotaAddress.TryParse(contact.MailboxId, out IotaAddress mailboxId))
        {
            return false;
        }

        // The hint comes from the contact's invitation: only an existing database file is opened, never created.
        if (!File.Exists(path))
        {
            Log.DepositFailed(_logger, contact.Name, "the mailbox database does not exist here");
            return false;
        }

        try
        {
            IMailbox mailbox = _mailboxes.Open(path, _mailboxes.Sender);
            await mailbox.SendAsync(mailboxId, entry.Envelope, cancellationToken).ConfigureAwait(false);
            _options.FaultPoint?.Invoke(FaultPoints.AfterDeposit); // crash tests only
        }
        catch (Exception e) when (e is MailboxException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.DepositFailed(_logger, contact.Name, e.Message);
            return false;
        }

        _profile.Messages.AdvanceOutboxState(entry.MessageId, OutboxState.Deposited, countAttempt: true);
        Log.Delivery(_logger, entry.MessageId, contact.Name, DeliveryRoutes.Mailbox);
        return true;
    }

    /// <summary>Deposits one envelope in the contact's hosted mailbox; false when the host refused or could not be reached.</summary>
    private async Task<bool> DepositHostedAsync(Contact contact, OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (contact.MailboxId is null || contact.MailboxHint is not { Length: > 0 } address || !IotaAddress.TryParse(contact.MailboxId, out IotaAddress mailboxId))
        {
            return false;
        }

        try
        {
            await HostedClient(address).SendAsync(mailboxId, entry.Envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailboxException or IOException or FormatException or ArgumentException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.DepositFailed(_logger, contact.Name, e.Message);
            return false;
        }

        _profile.Messages.AdvanceOutboxState(entry.MessageId, OutboxState.Deposited, countAttempt: true);
        Log.Delivery(_logger, entry.MessageId, contact.Name, DeliveryRoutes.Mailbox);
        return true;
    }

    /// <summary>
    /// One delivery round for a contact: queued messages not being sent by someone else go out directly; those still
    /// unacknowledged and older than the direct timeout (or all, when <paramref name="depositNow"/>) go to the mailbox.
    /// Returns the route of each message handled: direct, mailbox, or <see cref="RejectedRoute"/> for a message the
    /// contact's node refused (it will never store it, so it is not deposited either). <paramref name="early"/>: see
    /// <see cref="SendDirectAsync"/>.
    /// </summary>
    private Task<Dictionary<string, string>> DeliverAsync(Contact contact, IReadOnlyList<OutboxEntry> queued, bool dial, bool depositNow, CancellationToken cancellationToken, Task<PeerLink>? early = null)
    {
        List<OutboxEntry> mine = queued.Where(e => _sending.TryAdd(e.MessageId, NewClaim())).ToList();
        return mine.Count == 0
            ? Task.FromResult(new Dictionary<string, string>(StringComparer.Ordinal))
            : DeliverClaimedAsync(contact, mine, dial, depositNow, early, cancellationToken);
    }

    /// <summary>
    /// Delivers one queued message now, for a caller that reports its route (SendTextAsync, a file offer): direct,
    /// else the mailbox at once. When another round holds the message (the outbox loop woken by a receipt or a
    /// handshake took it between its commit and this call), that round's route is this call's route; a round that left
    /// it queued (the loop deposits only older messages, a stopping node does not dial) is followed by one here.
    /// Returns the route (null when no path took it: it stays queued) and whether another round gave it, in which case
    /// that round's owner raised message.sent.
    /// </summary>
    private async Task<(string? Via, bool ByOther)> DeliverNowAsync(Contact contact, OutboxEntry entry, Task<PeerLink>? early, CancellationToken cancellationToken)
    {
        for (int turn = 0; turn < MaxDeliverNowTurns; turn++)
        {
            TaskCompletionSource<string?> claim = NewClaim();
            TaskCompletionSource<string?> holder = _sending.GetOrAdd(entry.MessageId, claim);
            if (holder == claim)
            {
                Dictionary<string, string> routes = await DeliverClaimedAsync(contact, [entry], dial: true, depositNow: true, early, cancellationToken).ConfigureAwait(false);
                return (routes.GetValueOrDefault(entry.MessageId), false);
            }

            Log.MessageStep(_logger, entry.MessageId, "held by another delivery round, waiting for it");
            if (await holder.Task.WaitAsync(cancellationToken).ConfigureAwait(false) is { } taken)
            {
                return (taken, true);
            }

            // Still queued, possibly re-sealed (unknown_prekey) by that round: the stored row is the one to send.
            if (_profile.Messages.GetOutgoing(entry.MessageId) is not { State: OutboxState.Queued } fresh)
            {
                return (null, true);
            }

            entry = fresh;
        }

        return (null, true);
    }

    /// <summary>A claim on a message for <see cref="_sending"/>.</summary>
    private static TaskCompletionSource<string?> NewClaim() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary><see cref="DeliverAsync"/> for messages this caller already holds in <see cref="_sending"/>; releases them with their routes.</summary>
    private async Task<Dictionary<string, string>> DeliverClaimedAsync(Contact contact, List<OutboxEntry> mine, bool dial, bool depositNow, Task<PeerLink>? early, CancellationToken cancellationToken)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            Dictionary<string, AckStatus> direct = await SendDirectAsync(contact, mine, dial, early, cancellationToken).ConfigureAwait(false);
            List<OutboxEntry> refused = mine.Where(e => direct.GetValueOrDefault(e.MessageId) == AckStatus.RejectedUnknownPreKey).ToList();
            var stale = new HashSet<string>(StringComparer.Ordinal);
            List<OutboxEntry> outgoing = mine;
            if (refused.Count > 0)
            {
                // A refused envelope is never deposited: only re-sealed ones go on. One not re-sealed (no fresh
                // bundle, or a stopping node, which does not dial) stays queued for the next round.
                refused.ForEach(e => direct.Remove(e.MessageId));
                List<OutboxEntry> resealed = dial ? await ResendWithFreshBundleAsync(contact, refused, direct, cancellationToken).ConfigureAwait(false) : [];
                Dictionary<string, OutboxEntry> fresh = resealed.ToDictionary(e => e.MessageId, StringComparer.Ordinal);
                stale.UnionWith(refused.Select(e => e.MessageId).Where(id => !fresh.ContainsKey(id)));
                outgoing = mine.Select(e => fresh.GetValueOrDefault(e.MessageId) ?? e).ToList();
            }

            DateTimeOffset cutoff = _time.GetUtcNow() - _options.DirectDeliveryTimeout;
            foreach (OutboxEntry entry in outgoing.Where(e => !stale.Contains(e.MessageId)))
            {
                if (direct.TryGetValue(entry.MessageId, out AckStatus status))
                {
                    routes[entry.MessageId] = status == AckStatus.Rejected ? RejectedRoute : DeliveryRoutes.Direct;
                }
                else if ((depositNow || entry.CreatedAt <= cutoff) && await DepositAsync(contact, entry, cancellationToken).ConfigureAwait(false))
                {
                    routes[entry.MessageId] = DeliveryRoutes.Mailbox;
                }
            }
        }
        finally
        {
            foreach (OutboxEntry entry in mine)
            {
                if (_sending.TryRemove(entry.MessageId, out TaskCompletionSource<string?>? done))
                {
                    done.TrySetResult(routes.GetValueOrDefault(entry.MessageId));
                }
            }
        }

        return routes;
    }
}
