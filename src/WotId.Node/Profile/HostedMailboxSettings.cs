// The profile's mailbox on a mailbox host (docs/mailbox.md "Hosted mailboxes"): contacts on other machines leave
// messages there while this node is offline. Owner requests are signed with the profile's DID key.
using WotId.Mailbox;

namespace WotId.Node.Profile;

/// <summary>Where the profile's hosted mailbox lives and which mailbox it is.</summary>
/// <param name="HostAddress">The host's multiaddr, ending in <c>/p2p/&lt;peer id&gt;</c>.</param>
/// <param name="Handle">The mailbox and its cap id on that host.</param>
public sealed record HostedMailboxSettings(string HostAddress, MailboxHandle Handle);
