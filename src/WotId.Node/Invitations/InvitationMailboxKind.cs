namespace WotId.Node.Invitations;

/// <summary>Where the inviter's mailbox lives (one byte in the binary form).</summary>
public enum InvitationMailboxKind : byte
{
    /// <summary>The embedded SQLite mailbox; the hint names the database.</summary>
    Embedded = 1,

    /// <summary>The IOTA Move mailbox; the id is the shared Mailbox object id.</summary>
    Iota = 2,

    /// <summary>A mailbox on a mailbox host (<c>/wotid/mailbox/1.0.0</c>); the hint is the host's multiaddr ending in <c>/p2p/&lt;peer id&gt;</c>.</summary>
    Hosted = 3,
}
