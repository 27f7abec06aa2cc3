// Signal sessions (docs/node.md "Sessions"): a node writing to a contact without a session starts one (PQXDH) from
// the newest bundle it holds for the contact: the one from the last handshake it initiated, else the invitation's.
// A bundle's one-time prekeys start one session only (Signal PQXDH §3.3): building a session from the stored bundle
// clears it when it names a one-time prekey (ContactStore.SpendPreKeyBundle, same transaction as the session). With
// neither session nor usable bundle, a sender closes the contact's connections and dials a new one of its own (even if
// the contact dialled in between): that handshake, initiated here, hands over a fresh bundle, from which the session
// starts.
// A contact in key_changed needs none: its messages are stored held and sealed after the change is accepted.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Makes sure a session with <paramref name="contact"/> exists; the caller holds <c>_crypto</c>.</summary>
    private async Task EnsureSessionLockedAsync(Contact contact, CancellationToken cancellationToken)
    {
        if (contact.Verification == ContactVerification.KeyChangedHeld || _sealer.HasSession(contact))
        {
            return;
        }

        PreKeyBundle bundle = StoredBundle(contact)
            ?? throw new NodeException(NodeError.Unreachable, $"no Signal session with {contact.Name} and no prekey bundle to start one");
        await _sealer.EnsureSessionAsync(contact, bundle, cancellationToken).ConfigureAwait(false);
        if (_profile.Contacts.Get(contact.Id) is { Verification: ContactVerification.KeyChangedHeld })
        {
            // The bundle carried another identity key than the one recorded for the contact.
            Log.KeyChanged(_logger, contact.Name);
            _events.Publish(NodeEventKinds.KeyChanged, contact: contact.Name, peerId: contact.PeerId, fingerprint: Invitations.DidFingerprint.Short(contact.Did));
        }
    }

    /// <summary>Whether the contact's next session needs a fresh bundle: no session, no stored bundle, no key change held.</summary>
    /// <summary>Deletes the Signal session with <paramref name="contact"/>; the caller holds <c>_crypto</c>.</summary>
    private void DeleteSessionLocked(Contact contact)
    {
        string row = MessageSealer.Address(contact).ToString();
        _profile.Database.Write((db, t) => ProfileDatabase.Execute(db, t, "DELETE FROM signal_sessions WHERE address = $1", row));
    }

    private bool NeedsFreshBundle(Contact contact) =>
        contact.Verification != ContactVerification.KeyChangedHeld && !_sealer.HasSession(contact) && StoredBundle(contact) is null;

    /// <summary>
    /// When the contact needs a fresh bundle, closes its connections (a connection it dialled gave this node none);
    /// returns whether it did, and then the caller dials a connection of its own (<c>OpenLinkEarly</c>, ownHandshake).
    /// </summary>
    private async Task<bool> PrepareFreshBundleAsync(Contact contact)
    {
        if (!NeedsFreshBundle(contact))
        {
            return false;
        }

        Log.FreshBundleNeeded(_logger, contact.Name);
        foreach (Libp2pConnection connection in _host.Connections.Where(x => x.RemotePeer.ToString() == contact.PeerId).ToList())
        {
            await connection.CloseAsync("fresh prekey bundle needed").ConfigureAwait(false);
        }

        _options.FaultPoint?.Invoke(FaultPoints.AfterFreshBundleClose); // tests only
        return true;
    }

    /// <summary>
    /// Waits, without holding <c>_crypto</c>, until the handshake of <paramref name="link"/> stored the contact's fresh
    /// bundle or started the session (the handshake pump pulses after each verdict); returns at once if the link fails.
    /// </summary>
    private async Task AwaitFreshBundleAsync(Contact contact, Task<PeerLink> link, CancellationToken cancellationToken)
    {
        try
        {
            await link.ConfigureAwait(false);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(_options.DirectDeliveryTimeout);
            await _links.Changes.WaitUntilAsync(() => !NeedsFreshBundle(_profile.Contacts.Get(contact.Id) ?? contact), bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.IO.IOException or OperationCanceledException or HostException or ObjectDisposedException
            && !cancellationToken.IsCancellationRequested)
        {
            // No fresh bundle: EnsureSessionLockedAsync reports the contact unreachable and nothing was queued.
        }
    }

    /// <summary>The contact's stored prekey bundle, or null when none (or it no longer parses).</summary>
    private PreKeyBundle? StoredBundle(Contact contact)
    {
        if (_profile.Contacts.GetPreKeyBundle(contact.Id) is not { } bytes)
        {
            return null;
        }

        try
        {
            return PreKeyBundle.Deserialize(bytes);
        }
        catch (SignalProtocolException)
        {
            return null;
        }
    }
}
