using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>
/// The mailbox operations of <c>move/wotid_mailbox</c>, acting as one caller (<see cref="Caller"/>). Implemented by
/// the embedded SQLite mailbox (default) and by the IOTA chain client. Failures throw <see cref="MailboxException"/>.
/// </summary>
public interface IMailbox
{
    /// <summary>The address this instance acts as (transaction sender).</summary>
    IotaAddress Caller { get; }

    /// <summary>Creates a mailbox; the caller receives its cap.</summary>
    Task<MailboxHandle> CreateAsync(ReadOnlyMemory<byte> encryptionKey, ulong maxPayloadBytes, CancellationToken cancellationToken);

    /// <summary>Reads a mailbox's policy.</summary>
    Task<MailboxInfo> GetMailboxAsync(IotaAddress mailboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="payload"/> (already encrypted). The implementation assigns the next sequence number of
    /// the pair (caller, mailbox) in the same durable step that stores or queues the message, and returns it in
    /// <see cref="SendResult.Seq"/>. A send either stores (or durably queues) its payload or throws; a send that
    /// throws uses up no sequence number.
    /// </summary>
    Task<SendResult> SendAsync(IotaAddress mailboxId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the messages of a mailbox: pending ones first, then archived ones. Pass <c>null</c> as
    /// <paramref name="cursor"/> for the first page and <see cref="MessagePage.NextCursor"/> afterwards; the listing
    /// ends when it is <c>null</c>. <paramref name="pageSize"/> is 1..<see cref="MailboxLimits.MaxListPageSize"/>; a
    /// page may hold fewer messages than that before the end.
    /// </summary>
    Task<MessagePage> ListAsync(IotaAddress mailboxId, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>Claims a pending message (archives it).</summary>
    Task ClaimAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken);

    /// <summary>Reads an archived message.</summary>
    Task<MailboxMessage> ReadAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken);

    /// <summary>Deletes an archived message.</summary>
    Task DeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken);

    /// <summary>Reads a pending message and deletes it in one step (never archived).</summary>
    Task<MailboxMessage> ReceiveAndDeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken);

    /// <summary>Blocks or unblocks a sender.</summary>
    Task SetBlockedAsync(MailboxHandle mailbox, IotaAddress sender, bool blocked, CancellationToken cancellationToken);
}
