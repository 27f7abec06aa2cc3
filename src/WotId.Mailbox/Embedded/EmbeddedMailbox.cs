// One caller's view of the embedded mailbox. Each public operation mirrors one function of
// move/wotid_mailbox/sources/mailbox.move, with the same check order and the same abort codes, plus the
// transaction-level rules the chain applies before Move runs (inputs must exist; owned inputs must be owned
// by the sender; a receiving ticket must name an object currently owned by the mailbox address).
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Embedded;

/// <summary>The embedded <see cref="IMailbox"/>.</summary>
internal sealed partial class EmbeddedMailbox : IMailbox
{
    private readonly EmbeddedMailboxStore _store;

    public EmbeddedMailbox(EmbeddedMailboxStore store, IotaAddress caller)
    {
        _store = store;
        Caller = caller;
    }

    public IotaAddress Caller { get; }

    public Task<MailboxHandle> CreateAsync(ReadOnlyMemory<byte> encryptionKey, ulong maxPayloadBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Create(encryptionKey.Span, maxPayloadBytes));
    }

    public Task<MailboxInfo> GetMailboxAsync(IotaAddress mailboxId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Info(mailboxId));
    }

    /// <summary>The mailbox's policy and counters.</summary>
    internal MailboxInfo Info(IotaAddress mailboxId) => Run(false, (c, t) => LoadMailbox(c, t, mailboxId));

    public Task<SendResult> SendAsync(IotaAddress mailboxId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (IotaAddress id, ulong seq) = Send(mailboxId, payload.Span);
        return Task.FromResult(new SendResult(true, id, seq));
    }

    public Task<MessagePage> ListAsync(IotaAddress mailboxId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ListPage(mailboxId, cursor, pageSize));
    }

    public Task ClaimAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Claim(mailbox, messageId);
        return Task.CompletedTask;
    }

    public Task<MailboxMessage> ReadAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(mailbox, messageId));
    }

    public Task DeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delete(mailbox, messageId);
        return Task.CompletedTask;
    }

    public Task<MailboxMessage> ReceiveAndDeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(ReceiveAndDelete(mailbox, messageId));
    }

    public Task SetBlockedAsync(MailboxHandle mailbox, IotaAddress sender, bool blocked, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SetBlocked(mailbox, sender, blocked);
        return Task.CompletedTask;
    }

    /// <summary><c>create_mailbox</c>.</summary>
    internal MailboxHandle Create(ReadOnlySpan<byte> encryptionKey, ulong maxPayloadBytes)
    {
        CheckPolicy(encryptionKey.Length, maxPayloadBytes);
        byte[] key = encryptionKey.ToArray();
        var mailboxId = new IotaAddress(RandomBytes.Get(32));
        var capId = new IotaAddress(RandomBytes.Get(32));
        return Run(true, (c, t) =>
        {
            CheckCreateQuota(c, t);
            Exec(c, t, "INSERT INTO mailboxes(id, owner_hint, encryption_key, max_payload, stored_count, version) VALUES($id, $o, $k, $m, 0, $v)",
                ("$id", mailboxId), ("$o", Caller), ("$k", key), ("$m", (long)maxPayloadBytes), ("$v", (long)MailboxLimits.Version));
            Exec(c, t, "INSERT INTO caps(id, mailbox_id, owner) VALUES($id, $m, $o)", ("$id", capId), ("$m", mailboxId), ("$o", Caller));
            Event(c, t, "MailboxCreated", mailboxId, capId);
            return new MailboxHandle(mailboxId, capId);
        });
    }

    /// <summary><c>send</c>: checks blocked, empty, too large (in that order), then transfers to the mailbox address.</summary>
    internal (IotaAddress Id, ulong Seq) Send(IotaAddress mailboxId, ReadOnlySpan<byte> payload)
    {
        byte[] copy = payload.ToArray();
        return Run(true, (c, t) => SendIn(c, t, mailboxId, copy));
    }

    /// <summary>Several <c>send</c> calls in one transaction (one PTB on chain): all or nothing.</summary>
    internal IReadOnlyList<(IotaAddress Id, ulong Seq)> SendBatch(IotaAddress mailboxId, IReadOnlyList<byte[]> payloads) =>
        Run(true, (c, t) =>
        {
            var sent = new List<(IotaAddress, ulong)>(payloads.Count);
            foreach (byte[] payload in payloads)
            {
                sent.Add(SendIn(c, t, mailboxId, payload));
            }

            return (IReadOnlyList<(IotaAddress, ulong)>)sent;
        });

    private (IotaAddress Id, ulong Seq) SendIn(SqliteConnection c, SqliteTransaction t, IotaAddress mailboxId, byte[] payload)
    {
        ulong max;
        SqliteCommand maxQuery = Cmd(c, t, "SELECT max_payload FROM mailboxes WHERE id = $id", ("$id", mailboxId));
        max = maxQuery.ExecuteScalar() is long m ? (ulong)m : throw Abort(MailboxError.ObjectNotFound, "no such mailbox " + mailboxId);

        if (IsBlocked(c, t, mailboxId, Caller))
        {
            throw Abort(MailboxError.SenderBlocked, "sender is blocked by this mailbox");
        }

        CheckSize(payload.Length, max);
        CheckSendQuota(c, t, mailboxId, payload.Length);
        return Mint(c, t, mailboxId, mailboxId, payload);
    }

    /// <summary><c>new_message</c> + <c>TransferObjects</c>: global size limit only, block list not consulted.</summary>
    internal (IotaAddress Id, ulong Seq) SendNewMessage(IotaAddress intendedMailboxId, IotaAddress recipient, ReadOnlySpan<byte> payload)
    {
        CheckSize(payload.Length, MailboxLimits.MaxPayloadBytes);
        byte[] copy = payload.ToArray();
        return Run(true, (c, t) => Mint(c, t, intendedMailboxId, recipient, copy));
    }

    private static void CheckPolicy(int keyLength, ulong maxPayloadBytes)
    {
        if (maxPayloadBytes == 0 || maxPayloadBytes > MailboxLimits.MaxPayloadBytes || keyLength > MailboxLimits.MaxKeyBytes)
        {
            throw Abort(MailboxError.InvalidPolicy, $"max payload must be 1..{MailboxLimits.MaxPayloadBytes} and the key at most {MailboxLimits.MaxKeyBytes} bytes");
        }
    }

    private static void CheckSize(int size, ulong max)
    {
        if (size == 0)
        {
            throw Abort(MailboxError.PayloadEmpty, "empty payload");
        }

        if ((ulong)size > max)
        {
            throw Abort(MailboxError.PayloadTooLarge, $"payload of {size} bytes exceeds the limit of {max}");
        }
    }

    /// <summary>
    /// Stores the message with the next sequence number of (recipient, caller), inside the caller's transaction: the
    /// number and the message commit together, and a failed send rolls both back, so numbers are never skipped or
    /// reused (deleted messages keep their row in <c>deliveries</c>).
    /// </summary>
    private (IotaAddress Id, ulong Seq) Mint(SqliteConnection c, SqliteTransaction t, IotaAddress intendedMailboxId, IotaAddress recipient, byte[] payload)
    {
        SqliteCommand next = Cmd(c, t, "SELECT COALESCE(MAX(seq), 0) + 1 FROM deliveries WHERE recipient=$r AND sender=$s",
            ("$r", recipient), ("$s", Caller));
        long seq = (long)next.ExecuteScalar()!;
        var id = new IotaAddress(RandomBytes.Get(32));
        long now = _store.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Exec(c, t, "INSERT INTO messages(id, mailbox_id, sender, sent_at_ms, seq, payload, owner, archived_in) VALUES($id, $m, $s, $at, $q, $p, $o, NULL)",
            ("$id", id), ("$m", intendedMailboxId), ("$s", Caller), ("$at", now), ("$q", seq), ("$p", payload), ("$o", recipient));
        // The primary key (recipient, sender, seq) makes a reused number fail loudly instead of returning an old message.
        Exec(c, t, "INSERT INTO deliveries(recipient, sender, seq, message_id) VALUES($r, $s, $q, $id)",
            ("$r", recipient), ("$s", Caller), ("$q", seq), ("$id", id));
        Event(c, t, "MessageSent", intendedMailboxId, id);
        return (id, (ulong)seq);
    }
}
