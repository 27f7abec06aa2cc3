namespace WotId.Mailbox;

/// <summary>Where a message is.</summary>
public enum MessageState
{
    /// <summary>Transferred to the mailbox address, not yet claimed.</summary>
    Pending,

    /// <summary>Claimed: kept as a dynamic object field of the mailbox.</summary>
    Archived,
}
