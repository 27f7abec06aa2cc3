// The embedded mailbox: a local SQLite database with the objects, ownership rules, capability checks, size
// limits and abort codes of move/wotid_mailbox/sources/mailbox.move (keep the two in step).
// Crash safety: every operation is one SQLite transaction (BEGIN IMMEDIATE, WAL journal), so a process killed at
// any instant leaves each send or claim either fully done or not done. The store assigns each send the next
// sequence number of (mailbox, sender) inside the send's transaction, so numbers are never skipped, reused or
// used up by a failed send.
using System;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Embedded;

/// <summary>Opens (and creates) an embedded mailbox database; hands out <see cref="IMailbox"/> views per caller.</summary>
public sealed class EmbeddedMailboxStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS mailboxes(
            id BLOB PRIMARY KEY, owner_hint BLOB NOT NULL, encryption_key BLOB NOT NULL,
            max_payload INTEGER NOT NULL, stored_count INTEGER NOT NULL, version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS caps(id BLOB PRIMARY KEY, mailbox_id BLOB NOT NULL, owner BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS blocked(mailbox_id BLOB NOT NULL, sender BLOB NOT NULL, PRIMARY KEY(mailbox_id, sender));
        CREATE TABLE IF NOT EXISTS messages(
            pos INTEGER PRIMARY KEY AUTOINCREMENT, id BLOB NOT NULL UNIQUE, mailbox_id BLOB NOT NULL,
            sender BLOB NOT NULL, sent_at_ms INTEGER NOT NULL, seq INTEGER NOT NULL, payload BLOB NOT NULL,
            owner BLOB, archived_in BLOB);
        CREATE INDEX IF NOT EXISTS messages_owner ON messages(owner);
        CREATE INDEX IF NOT EXISTS messages_archived ON messages(archived_in);
        CREATE TABLE IF NOT EXISTS deliveries(
            recipient BLOB NOT NULL, sender BLOB NOT NULL, seq INTEGER NOT NULL, message_id BLOB NOT NULL,
            PRIMARY KEY(recipient, sender, seq));
        CREATE TABLE IF NOT EXISTS events(
            seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, mailbox_id BLOB NOT NULL, object_id BLOB,
            sender BLOB, at_ms INTEGER NOT NULL);
        """;

    private readonly string _connectionString;
    private SqliteConnection? _shared;

    private EmbeddedMailboxStore(string path, TimeProvider time, ILogger logger)
    {
        Path = path;
        Time = time;
        Logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Serialises in-process operations on the shared connection (other processes use SQLite's locks).</summary>
    internal object Gate { get; } = new();

    /// <summary>The long-lived connection whose prepared statements are reused (use only under <see cref="Gate"/>).</summary>
    internal SqliteConnection Shared => _shared ??= OpenConnection();

    /// <summary>Opens or creates the database at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="time">Clock for send times and events (default: the system clock).</param>
    /// <param name="logger">Logs refused operations (Debug) and storage failures; never payloads.</param>
    public static EmbeddedMailboxStore Open(string path, TimeProvider? time = null, ILogger<EmbeddedMailboxStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var store = new EmbeddedMailboxStore(path, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        using SqliteConnection c = store.OpenConnection();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = Schema;
        cmd.ExecuteNonQuery();
        return store;
    }

    /// <summary>A view of the mailbox that acts as <paramref name="caller"/>.</summary>
    public IMailbox As(IotaAddress caller) => new EmbeddedMailbox(this, caller);

    /// <summary>Number of events recorded (MailboxCreated, MessageSent, MessageClaimed, MessageDeleted, SenderBlocked).</summary>
    public long CountEvents(string kind)
    {
        using SqliteConnection c = OpenConnection();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM events WHERE kind = $k";
        cmd.Parameters.AddWithValue("$k", kind);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (Gate)
        {
            if (_shared is not null)
            {
                EmbeddedMailbox.ForgetCommands(_shared);
                _shared.Dispose();
                _shared = null;
            }
        }

        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    internal SqliteConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        // WAL + NORMAL: a committed transaction survives the process being killed (it is in the WAL file);
        // only an OS crash or power loss can lose the last commits. FULL would fsync every commit.
        cmd.CommandText = "PRAGMA synchronous=NORMAL;";
        cmd.ExecuteNonQuery();
        return c;
    }
}
