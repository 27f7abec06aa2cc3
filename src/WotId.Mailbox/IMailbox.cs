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

    /// <summary>Sends <paramref name="payload"/> (already encrypted) with the caller's sequence number <paramref name="seq"/>.</summary>
    Task<SendResult> SendAsync(IotaAddress mailboxId, ulong seq, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Lists pending and archived messages of a mailbox, oldest first.</summary>
    Task<IReadOnlyList<MessageInfo>> ListAsync(IotaAddress mailboxId, CancellationToken cancellationToken);

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
