namespace WotId.Node.Invitations;

/// <summary>Where the inviter's mailbox lives (one byte in the binary form).</summary>
public enum InvitationMailboxKind : byte
{
    /// <summary>The embedded SQLite mailbox; the hint names the database.</summary>
    Embedded = 1,

    /// <summary>The IOTA Move mailbox; the id is the shared Mailbox object id.</summary>
    Iota = 2,
}
