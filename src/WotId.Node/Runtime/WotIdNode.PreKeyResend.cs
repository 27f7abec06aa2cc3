// A message refused with unknown_prekey is sent again, not lost (docs/node.md "Sessions", "A refused PreKey message"):
// the contact's ACK status 3 says its PreKey message named a one-time prekey the contact no longer has, i.e. this
// node's session was built from a spent bundle. The node drops that session and the stored bundle, dials the contact
// to get a fresh bundle from the handshake (as SendTextAsync does for a contact with neither), seals the same messages
// (same ids) on the new session and sends them once more. A second unknown_prekey marks them failed. The receiver
// stored nothing for the refused frames, and its dedup table by message id keeps the delivery exactly once.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>
    /// Re-seals <paramref name="refused"/> on a session from a fresh bundle and sends them once more; their ACK
    /// statuses go into <paramref name="acknowledged"/> (a second unknown_prekey is stored as rejected and the message
    /// marked failed). Returns the re-sealed entries (with their new envelopes); one not among them stays queued.
    /// </summary>
    private async Task<List<OutboxEntry>> ResendWithFreshBundleAsync(Contact contact, List<OutboxEntry> refused, Dictionary<string, AckStatus> acknowledged, CancellationToken cancellationToken)
    {
        Log.FreshBundleNeeded(_logger, contact.Name);
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DeleteSessionLocked(contact);
            _profile.Contacts.SetPreKeyBundle(contact.Id, System.ReadOnlySpan<byte>.Empty);
        }
        finally
        {
            _crypto.Release();
        }

        Contact c = _profile.Contacts.Get(contact.Id) ?? contact;
        bool fresh = await PrepareFreshBundleAsync(c).ConfigureAwait(false);
        EarlyLink early = OpenLinkEarly(c, ownHandshake: fresh, cancellationToken);
        await using System.Runtime.CompilerServices.ConfiguredAsyncDisposable earlyScope = early.ConfigureAwait(false);
        await AwaitFreshBundleAsync(c, early.Link, cancellationToken).ConfigureAwait(false);
        c = _profile.Contacts.Get(c.Id) ?? c;
        var resealed = new List<OutboxEntry>();
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSessionLockedAsync(c, cancellationToken).ConfigureAwait(false);
            foreach (OutboxEntry entry in refused)
            {
                if (await _sealer.ResealQueuedAsync(c, entry.MessageId, cancellationToken).ConfigureAwait(false) is { } envelope)
                {
                    resealed.Add(entry with { Envelope = envelope });
                }
            }
        }
        catch (System.Exception e) when (e is MessagingException or NodeException)
        {
            // No fresh bundle (unreachable) or a key change: what was not re-sealed stays queued for the retry loop.
            Log.Unreachable(_logger, c.Name, "no fresh prekey bundle");
        }
        finally
        {
            _crypto.Release();
        }

        foreach ((string id, AckStatus status) in await SendDirectAsync(c, resealed, dial: true, early.Link, cancellationToken).ConfigureAwait(false))
        {
            if (status == AckStatus.RejectedUnknownPreKey)
            {
                Log.Delivery(_logger, id, c.Name, "rejected by the peer: unknown_prekey");
                _profile.Messages.SetOutboxState(id, OutboxState.Failed, countAttempt: true);
            }

            acknowledged[id] = status == AckStatus.RejectedUnknownPreKey ? AckStatus.Rejected : status;
        }

        return resealed;
    }
}
