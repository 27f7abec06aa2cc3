// The IOTA mailbox in the node (docs/mailbox.md "The IOTA mailbox in the node"): a contact whose invitation names an
// IOTA mailbox gets deposits there, Signal-encrypted and TSP-signed exactly as on the other paths (the envelope of
// the outbox, unchanged); a profile with an IOTA mailbox claims it like its embedded one. A deposit the JSON-RPC node
// cannot take now stays in the chain outbox (IotaMailbox queues it before any network call) and the message stays
// queued here; the next delivery round finds it in the chain outbox by its bytes and retries that row (same
// sequence number, same signed transaction when one was made) instead of queueing a second copy.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Types;
using WotId.Node.Api;
using WotId.Node.IotaMailboxes;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Deposits one envelope in the contact's IOTA mailbox; false when it has none or the deposit is not on chain yet.</summary>
    private async Task<bool> DepositIotaAsync(Contact contact, OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (contact.MailboxId is null || !IotaAddress.TryParse(contact.MailboxId, out IotaAddress mailboxId)
            || !IotaMailboxHint.TryParse(contact.MailboxHint, out IotaAddress package, out Uri? rpc))
        {
            return false;
        }

        if (_profile.IotaMailbox is { } own && own.Package == package)
        {
            rpc = own.Rpc; // the endpoint this profile chose for that network
        }

        IotaMailboxLink? link = _iota.Get(rpc!, package);
        if (link is null)
        {
            Log.DepositFailed(_logger, contact.Name, "this profile has no mailbox account to sign and pay for IOTA transactions");
            return false;
        }

        await link.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            OutgoingMessage? queued = link.Outbox.Pending(link.Mailbox.Caller)
                .FirstOrDefault(r => r.MailboxId == mailboxId && r.Payload.AsSpan().SequenceEqual(entry.Envelope));
            SendResult result = queued is null
                ? await link.Mailbox.SendAsync(mailboxId, entry.Envelope, cancellationToken).ConfigureAwait(false)
                : (await link.Mailbox.FlushAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.QueueId == queued.Id)
                    ?? new SendResult(false, null, queued.Seq, queued.Id);
            if (!result.Delivered)
            {
                Log.IotaDepositQueued(_logger, entry.MessageId, contact.Name, result.LastError ?? "not on chain yet");
                return false;
            }

            _options.FaultPoint?.Invoke(FaultPoints.AfterDeposit); // crash tests only
        }
        catch (MailboxException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.DepositFailed(_logger, contact.Name, e.Message);
            return false;
        }
        finally
        {
            link.Gate.Release();
        }

        _profile.Messages.AdvanceOutboxState(entry.MessageId, OutboxState.Deposited, countAttempt: true);
        Log.Delivery(_logger, entry.MessageId, contact.Name, DeliveryRoutes.Mailbox);
        return true;
    }

    /// <summary>One claim round over the profile's IOTA mailbox, if it has one; a node that cannot be reached defers it.</summary>
    private async Task<int> ClaimIotaMailboxAsync(CancellationToken cancellationToken)
    {
        if (_profile.IotaMailbox is not { } own)
        {
            return 0;
        }

        IotaMailboxLink link = _iota.Get(own.Rpc, own.Package)
            ?? throw new InvalidOperationException("the profile has an IOTA mailbox but no mailbox account key");
        try
        {
            return await ClaimMailboxAsync(link.Mailbox, own.Handle, cancellationToken).ConfigureAwait(false);
        }
        catch (MailboxException e) when (e.IsTransient)
        {
            // The JSON-RPC node is down or busy: the messages wait on chain.
            cancellationToken.ThrowIfCancellationRequested();
            Log.IotaClaimDeferred(_logger, own.Rpc, e.Error);
            return 0;
        }
    }
}
