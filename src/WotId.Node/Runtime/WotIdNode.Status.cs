// `wotid status` (docs/node.md "Node facade"): identity, addresses with /p2p, credential, mailbox and counts.
using System;
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
        NodeStatus status = ProfileStatus(_profile, _time, _host.PeerId.ToString(), _host.AdvertisedAddresses.Select(a => a.ToString()).ToList()) with
        {
            Connections = _links.Verified.Count(),
            Network = NetworkStatuses.From(_host),
            Reachability = ReachabilityStatus(),
            Dht = DhtStatus(),
        };
        return Task.FromResult(status);
    }

    /// <summary>
    /// The status of a profile no node runs for, read from the profile alone: its configured listen addresses (with
    /// <c>/p2p</c>), no connections and no network, reachability or DHT parts. It needs no credential, so a new
    /// profile can show its DID to an issuer.
    /// </summary>
    public static NodeStatus ReadStatus(Profile.Profile profile, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        string peerId = profile.PeerIdentity.PeerId.ToString();
        return ProfileStatus(profile, time ?? TimeProvider.System, peerId, profile.ListenAddresses.Select(a => $"{a}/p2p/{peerId}").ToList());
    }

    private static NodeStatus ProfileStatus(Profile.Profile profile, TimeProvider time, string peerId, IReadOnlyList<string> addresses)
    {
        IReadOnlyList<Contact> contacts = profile.Contacts.List();
        int inbox = 0, unread = 0;
        foreach (Contact c in contacts)
        {
            foreach (InboxEntry e in profile.Messages.Inbox(c.Id))
            {
                inbox++;
                unread += e.State == InboxState.Received ? 1 : 0;
            }
        }

        int outbox = profile.Messages.Outbox().Count(e => e.State is OutboxState.Queued or OutboxState.Held);
        MailboxSummary? mailbox = profile.IotaMailbox is { } iota
            ? new MailboxSummary(MailboxKinds.Iota, iota.Handle.MailboxId.ToString(), iota.Rpc.ToString())
            : profile.HostedMailbox is { } h
            ? new MailboxSummary(MailboxKinds.Hosted, h.Handle.MailboxId.ToString(), h.HostAddress)
            : profile.Mailbox is { } m ? new MailboxSummary(MailboxKinds.Embedded, m.Handle.MailboxId.ToString(), m.DatabasePath) : null;
        return new NodeStatus(
            profile.Name,
            profile.Did,
            DidFingerprint.Short(profile.Did),
            peerId,
            addresses,
            CredentialSummaries.From(profile.Credential, time.GetUtcNow()),
            mailbox,
            contacts.Count,
            inbox,
            unread,
            outbox,
            Connections: 0);
    }
}
