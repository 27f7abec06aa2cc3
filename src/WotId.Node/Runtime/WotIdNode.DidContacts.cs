// Adding a contact from a DID alone (docs/discovery.md "Contacts from a DID"): the DID is looked up on the wot.id DHT,
// whose record is signed by the DID's own ML-DSA key (WotIdDhtRecord.Open checks it against the key inside the
// did:key, and the DHT validator checks the key, the expiry and the size). The record carries what an invitation
// does: peer id, addresses (relay circuits included), mailbox and the signed prekey bundle, so the contact is added
// exactly as from an invitation and can be written to while it is offline. The DID key's signature over the bundle
// plays the invitation signature's part; the bundle's own prekey signatures are checked as for an invitation.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Kademlia;
using WotId.Mailbox.Types;
using WotId.Node.Api;
using WotId.Node.Discovery;
using WotId.Node.Invitations;
using WotId.Node.Profile;
using WotId.Node.Storage;
using WotId.Signal.Keys;
using WotId.Signal;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private async Task<ContactSummary> AddContactByDidAsync(string did, string? name, CancellationToken cancellationToken)
    {
        if (did == _profile.Did)
        {
            throw new NodeException(NodeError.InvalidInput, "this is the node's own DID");
        }

        WotIdDhtRecord record;
        try
        {
            record = await ResolveDidAsync(did, cancellationToken).ConfigureAwait(false)
                ?? throw new NodeException(NodeError.InvalidInvitation, "no wot.id record for this DID was found on the DHT");
        }
        catch (KadException e)
        {
            throw new NodeException(NodeError.InvalidInvitation, $"the DID's DHT record does not verify ({e.Error}): {e.Message}", e);
        }

        PreKeyBundle bundle = OpenRecordBundle(record);
        name ??= DidFingerprint.Short(did);
        Contact contact;
        try
        {
            contact = _profile.Contacts.Add(name, did, record.PeerId.ToString(), record.Addresses.Select(a => a.ToString()).ToList());
        }
        catch (ProfileException e) when (e.Error == ProfileError.InvalidInput)
        {
            bool exists = _profile.Contacts.GetByName(name) is not null || _profile.Contacts.GetByDid(did) is not null
                || _profile.Contacts.GetByPeerId(record.PeerId.ToString()) is not null;
            throw new NodeException(exists ? NodeError.ContactExists : NodeError.InvalidInput, e.Message, e);
        }

        if (record.MailboxId is { } id && IotaAddress.TryParse(id, out IotaAddress mailboxId))
        {
            string kind = record.MailboxHost is null ? MailboxKinds.Embedded : MailboxKinds.Hosted;
            _profile.Contacts.SetMailbox(contact.Id, kind, mailboxId.ToString(), record.MailboxHost);
        }

        _profile.Contacts.SetPreKeyBundle(contact.Id, bundle.Serialize());
        _profile.Contacts.ObserveIdentityKey(contact.Id, bundle.IdentityKey.Serialize());
        _outboxWake.Set();
        return ContactSummaries.From(_profile.Contacts.Get(contact.Id)!, _profile);
    }

    /// <summary>The record's prekey bundle, parsed and with both prekey signatures checked.</summary>
    private static PreKeyBundle OpenRecordBundle(WotIdDhtRecord record)
    {
        if (record.PrekeyBundle is not { } bytes)
        {
            throw new NodeException(NodeError.InvalidInvitation, "the DID's DHT record carries no prekey bundle (its node is too old or publishes none)");
        }

        PreKeyBundle bundle;
        try
        {
            bundle = PreKeyBundle.Deserialize(bytes);
        }
        catch (SignalProtocolException e)
        {
            throw new NodeException(NodeError.InvalidInvitation, "the prekey bundle of the DID's DHT record does not parse: " + e.Error, e);
        }

        if (!bundle.IdentityKey.VerifySignature(bundle.SignedPreKey.Serialize(), bundle.SignedPreKeySignature)
            || !bundle.IdentityKey.VerifySignature(bundle.KyberPreKey.Serialize(), bundle.KyberPreKeySignature))
        {
            throw new NodeException(NodeError.InvalidInvitation, "a prekey signature in the DID's DHT record does not verify");
        }

        return bundle;
    }
}
