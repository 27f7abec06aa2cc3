// Storage quotas of a mailbox host (src/WotId.Mailbox/Hosted): checked inside the send's or create's own SQLite
// transaction, after the mailbox's own checks (blocked, empty, too large), so a refused send stores nothing and uses
// up no sequence number. A plain embedded mailbox has no quota.
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Hosted;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Embedded;

/// <summary>Quota checks.</summary>
internal sealed partial class EmbeddedMailbox
{
    /// <summary>The host's limits, or null for none.</summary>
    internal MailboxHostOptions? Quota { get; init; }

    private void CheckSendQuota(SqliteConnection c, SqliteTransaction t, IotaAddress mailboxId, int size)
    {
        if (Quota is not { } q)
        {
            return;
        }

        SqliteCommand mine = Cmd(c, t,
            "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM messages WHERE owner = $m OR archived_in = $m", ("$m", mailboxId));
        long count;
        long bytes;
        using (SqliteDataReader r = mine.ExecuteReader())
        {
            r.Read();
            count = r.GetInt64(0);
            bytes = r.GetInt64(1);
        }

        if (count + 1 > q.MaxMessagesPerMailbox || bytes + size > q.MaxBytesPerMailbox)
        {
            throw Abort(MailboxError.QuotaExceeded, $"the mailbox holds {count} messages of {bytes} bytes; the host allows {q.MaxMessagesPerMailbox} and {q.MaxBytesPerMailbox}");
        }

        SqliteCommand all = Cmd(c, t, "SELECT COALESCE(SUM(length(payload)), 0) FROM messages");
        if ((long)all.ExecuteScalar()! + size > q.MaxTotalBytes)
        {
            throw Abort(MailboxError.QuotaExceeded, "the host's storage is full");
        }
    }

    private void CheckCreateQuota(SqliteConnection c, SqliteTransaction t)
    {
        if (Quota is not { } q)
        {
            return;
        }

        SqliteCommand mine = Cmd(c, t, "SELECT COUNT(*) FROM caps WHERE owner = $o", ("$o", Caller));
        if ((long)mine.ExecuteScalar()! >= q.MaxMailboxesPerOwner)
        {
            throw Abort(MailboxError.QuotaExceeded, $"this key already owns {q.MaxMailboxesPerOwner} mailboxes on this host");
        }

        SqliteCommand all = Cmd(c, t, "SELECT COUNT(*) FROM mailboxes");
        if ((long)all.ExecuteScalar()! >= q.MaxMailboxes)
        {
            throw Abort(MailboxError.QuotaExceeded, "the host holds its maximum number of mailboxes");
        }
    }
}
