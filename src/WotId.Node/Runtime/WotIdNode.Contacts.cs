// Contacts and invitations of the facade (docs/node.md "Invitations", "Node facade"). A contact is named by its exact
// name or by its DID fingerprint (DidFingerprint.Short, any case). Adding a contact verifies the invitation and
// stores its addresses, mailbox and prekey bundle (the first Signal session can be started from it while the
// contact is offline) and its Signal identity key (a handshake with another key is a key change).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Node.Api;
using WotId.Node.Invitations;
using WotId.Node.Messaging;
using WotId.Node.Profile;
using WotId.Node.Storage;
using WotId.Signal.Keys;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>How long an invitation made by <see cref="CreateInvitationAsync"/> is accepted.</summary>
    internal static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ContactSummary> list = _profile.Contacts.List().Select(c => ContactSummaries.From(c, _profile)).ToList();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ContactSummaries.From(Resolve(contact), _profile));
    }

    /// <inheritdoc />
    public async Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitationUri);
        if (invitationUri.StartsWith("did:", StringComparison.Ordinal))
        {
            return await AddContactByDidAsync(invitationUri.Trim(), name, cancellationToken).ConfigureAwait(false);
        }

        Invitation invitation;
        try
        {
            invitation = await new InvitationVerifier(_time, _dids).VerifyAsync(invitationUri, cancellationToken).ConfigureAwait(false);
        }
        catch (InvitationException e)
        {
            throw new NodeException(NodeError.InvalidInvitation, $"the invitation does not verify ({e.Error}): {e.Message}", e);
        }

        if (invitation.Did == _profile.Did)
        {
            throw new NodeException(NodeError.InvalidInput, "this is the node's own invitation");
        }

        name ??= invitation.DisplayName ?? DidFingerprint.Short(invitation.Did);
        Contact contact;
        try
        {
            contact = _profile.Contacts.Add(name, invitation.Did, invitation.PeerId.ToString(), invitation.ListenAddresses.Select(a => a.ToString()).ToList());
        }
        catch (ProfileException e) when (e.Error == ProfileError.InvalidInput)
        {
            bool exists = _profile.Contacts.GetByName(name) is not null || _profile.Contacts.GetByDid(invitation.Did) is not null
                || _profile.Contacts.GetByPeerId(invitation.PeerId.ToString()) is not null;
            throw new NodeException(exists ? NodeError.ContactExists : NodeError.InvalidInput, e.Message, e);
        }

        if (invitation.Mailbox is { } mailbox)
        {
            _profile.Contacts.SetMailbox(contact.Id, MailboxKinds.Name(mailbox.Kind), mailbox.MailboxId.ToString(), mailbox.Hint);
        }

        _profile.Contacts.SetPreKeyBundle(contact.Id, invitation.Bundle.Serialize());
        _profile.Contacts.ObserveIdentityKey(contact.Id, invitation.Bundle.IdentityKey.Serialize());
        _outboxWake.Set();
        return ContactSummaries.From(_profile.Contacts.Get(contact.Id)!, _profile);
    }

    /// <inheritdoc />
    public async Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default)
    {
        Contact c = Resolve(contact);
        if (c.Verification != ContactVerification.KeyChangedHeld)
        {
            throw new NodeException(NodeError.InvalidInput, $"contact {c.Name} has no changed key to accept");
        }

        _profile.Contacts.AcceptKeyChange(c.Id);
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The old session belongs to the old key: start one from the newest bundle when it carries the accepted
            // key; otherwise the contact's next message (a PreKey message with the new key) makes one.
            Contact accepted = _profile.Contacts.Get(c.Id)!;
            if (StoredBundle(accepted) is { } bundle && accepted.IdentityKey is { } key && bundle.IdentityKey.Serialize().AsSpan().SequenceEqual(key))
            {
                await _sealer.EnsureSessionAsync(accepted, bundle, cancellationToken).ConfigureAwait(false);
            }

            if (_sealer.HasSession(accepted))
            {
                await _sealer.ReleaseHeldAsync(accepted, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (MessagingException e)
        {
            throw new NodeException(NodeError.Failed, "the held messages could not be sealed: " + MessagingException.Token(e.Reason), e);
        }
        finally
        {
            _crypto.Release();
        }

        _outboxWake.Set();
        return ContactSummaries.From(_profile.Contacts.Get(c.Id)!, _profile);
    }

    /// <inheritdoc />
    public async Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default)
    {
        // Shown to many: no one-time EC prekey, and the last-resort Kyber key (docs/node.md "Invitations").
        PreKeyBundle bundle = await _profile.PreKeys.CreateSharedBundleAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        InvitationMailbox? mailbox = null;
        string? iotaHint = _profile.IotaMailbox is { } iota ? IotaMailboxes.IotaMailboxHint.Format(iota.Package, iota.Rpc) : null;
        if (iotaHint is not null && Encoding.UTF8.GetByteCount(iotaHint) <= InvitationLimits.MaxMailboxHintBytes)
        {
            // An IOTA mailbox reaches contacts anywhere; the profile chose it explicitly, so it comes first.
            mailbox = new InvitationMailbox(InvitationMailboxKind.Iota, _profile.IotaMailbox!.Handle.MailboxId, iotaHint);
        }
        else if (_profile.HostedMailbox is { } hosted && Encoding.UTF8.GetByteCount(hosted.HostAddress) <= InvitationLimits.MaxMailboxHintBytes)
        {
            // A hosted mailbox reaches contacts on other machines; it is preferred over the local embedded one.
            mailbox = new InvitationMailbox(InvitationMailboxKind.Hosted, hosted.Handle.MailboxId, hosted.HostAddress);
        }
        else if (_profile.Mailbox is { } own)
        {
            string? hint = Encoding.UTF8.GetByteCount(own.DatabasePath) <= InvitationLimits.MaxMailboxHintBytes ? own.DatabasePath : null;
            mailbox = new InvitationMailbox(InvitationMailboxKind.Embedded, own.Handle.MailboxId, hint);
        }

        IReadOnlyList<Multiaddress> addresses = ReachableAddresses(InvitationLimits.MaxAddresses);
        var invitation = new Invitation(_profile.Did, _host.PeerId, addresses, bundle, now, now + InvitationLifetime)
        {
            DisplayName = Encoding.UTF8.GetByteCount(_profile.Name) <= InvitationLimits.MaxDisplayNameBytes ? _profile.Name : null,
            Mailbox = mailbox,
        };
        return InvitationCodec.Encode(invitation, _profile.SigningKey);
    }

    /// <summary>The contact named <paramref name="contact"/> (exact name, else DID fingerprint).</summary>
    private Contact Resolve(string contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return _profile.Contacts.GetByName(contact)
            ?? _profile.Contacts.List().FirstOrDefault(c => string.Equals(DidFingerprint.Short(c.Did), contact.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new NodeException(NodeError.UnknownContact, UnknownContactMessage(contact));
    }

    // Names are exact ("Alice" from an invitation is not "alice"); say which name was meant when only the case differs.
    private string UnknownContactMessage(string contact)
    {
        string? near = _profile.Contacts.List().Select(c => c.Name).FirstOrDefault(n => string.Equals(n, contact.Trim(), StringComparison.OrdinalIgnoreCase));
        return near is null
            ? "no contact with this name or fingerprint"
            : $"no contact with this name or fingerprint (names are exact: did you mean '{near}'?)";
    }
}
