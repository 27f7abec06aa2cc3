namespace WotId.Mailbox;

/// <summary>The constants of <c>move/wotid_mailbox/sources/mailbox.move</c>, shared by both implementations.</summary>
public static class MailboxLimits
{
    /// <summary>Largest payload any mailbox accepts (below the 16 384-byte pure-argument limit).</summary>
    public const ulong MaxPayloadBytes = 16_000;

    /// <summary>Largest published encryption key.</summary>
    public const int MaxKeyBytes = 1_024;

    /// <summary>Largest block list.</summary>
    public const int MaxBlocked = 256;

    /// <summary>Largest page of <see cref="IMailbox.ListAsync"/> (the JSON-RPC node's own page limit is 50).</summary>
    public const int MaxListPageSize = 50;

    /// <summary>Mailbox layout version.</summary>
    public const ulong Version = 1;
}
