// Signal sessions (docs/node.md "Sessions"): a node writing to a contact without a session starts one (PQXDH) from
// the newest bundle it holds for the contact: the one from the last handshake it initiated, else the invitation's.
// A contact in key_changed needs none: its messages are stored held and sealed after the change is accepted.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
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
