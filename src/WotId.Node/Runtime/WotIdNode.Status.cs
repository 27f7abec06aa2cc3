// `wotid status` (docs/node.md "Node facade"): identity, addresses with /p2p, credential, mailbox and counts.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Invitations;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <inheritdoc />
    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Contact> contacts = _profile.Contacts.List();
        int inbox = 0, unread = 0;
        foreach (Contact c in contacts)
        {
            foreach (InboxEntry e in _profile.Messages.Inbox(c.Id))
            {
                inbox++;
                unread += e.State == InboxState.Received ? 1 : 0;
            }
        }

        int outbox = _profile.Messages.Outbox().Count(e => e.State is OutboxState.Queued or OutboxState.Held);
        MailboxSummary? mailbox = _profile.IotaMailbox is { } iota
            ? new MailboxSummary(MailboxKinds.Iota, iota.Handle.MailboxId.ToString(), iota.Rpc.ToString())
            : _profile.HostedMailbox is { } h
            ? new MailboxSummary(MailboxKinds.Hosted, h.Handle.MailboxId.ToString(), h.HostAddress)
            : _profile.Mailbox is { } m ? new MailboxSummary(MailboxKinds.Embedded, m.Handle.MailboxId.ToString(), m.DatabasePath) : null;
        var status = new NodeStatus(
            _profile.Name,
            _profile.Did,
            DidFingerprint.Short(_profile.Did),
            _host.PeerId.ToString(),
            _host.AdvertisedAddresses.Select(a => a.ToString()).ToList(),
            CredentialSummaries.From(_profile.Credential, _time.GetUtcNow()),
            mailbox,
            contacts.Count,
            inbox,
            unread,
            outbox,
            _links.Verified.Count(),
            NetworkStatuses.From(_host),
            ReachabilityStatus(),
            DhtStatus());
        return Task.FromResult(status);
    }
}
