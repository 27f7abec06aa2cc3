using WotId.Mailbox.Types;

namespace WotId.Node.Invitations;

/// <summary>The inviter's mailbox, so a contact can write while the inviter is offline.</summary>
/// <param name="Kind">Embedded SQLite mailbox or IOTA Move mailbox.</param>
/// <param name="MailboxId">The 32-byte mailbox id (the Mailbox object id for both kinds).</param>
/// <param name="Hint">
/// Optional: for <see cref="InvitationMailboxKind.Embedded"/> a hint naming the database (a path or a name);
/// for <see cref="InvitationMailboxKind.Iota"/> free text such as the network name; for
/// <see cref="InvitationMailboxKind.Hosted"/> (required) the host's multiaddr ending in <c>/p2p/&lt;peer id&gt;</c>. At most
/// <see cref="InvitationLimits.MaxMailboxHintBytes"/> UTF-8 bytes, no control characters.
/// </param>
public sealed record InvitationMailbox(InvitationMailboxKind Kind, IotaAddress MailboxId, string? Hint = null);
