// Versioned schema of the profile database. The version lives in SQLite's header field user_version
// (sqlite.org/pragma.html#pragma_user_version); each step runs in its own transaction together with the version bump,
// so a crash leaves the database at the previous or the next version, never in between. Steps are only ever appended.
//
// | version | adds                                                                                           |
// |---------|------------------------------------------------------------------------------------------------|
// | 1       | profile (key/value), trusted_issuers, contacts, Signal identities/sessions/prekeys/signed/kyber |
// | 2       | outbox, inbox, dedup, message_states                                                           |
// | 3       | contacts: prekey_bundle, mailbox_kind, mailbox_hint, last_verified_at; outbox: type, body,       |
// |         | sent_at; inbox: type, sent_at (conversation order: docs/node.md "Messaging", "Order")           |
// | 4       | inbox: receipt_pending (a delivery receipt owed, set in the transaction that stores the message) |
// | 5       | file_transfers (docs/files.md "States"), file_auto_accept                                      |
// | 6       | file_transfers: sha256 becomes blake3, emptied (/wotid/file/4.0.0 hashes files with BLAKE3;     |
// |         | docs/files.md "Changes from earlier versions": unfinished transfers go on from their durable    |
// |         | offset and both ends hash again)                                                                |
// | 7       | contacts: refused_reason, refused_at (this node's handshake refused the contact's credential;    |
// |         | docs/node.md "Offline delivery", "Refused contacts")                                            |
//
// handed_out is 0 for a prekey not yet in a bundle, else the Unix time in milliseconds when a bundle named it.
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>The ordered migration steps and the code that applies them.</summary>
internal static class SchemaMigrations
{
    private const string V1 = """
        CREATE TABLE profile(key TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
        CREATE TABLE trusted_issuers(did TEXT PRIMARY KEY, added_at INTEGER NOT NULL) STRICT;
        CREATE TABLE contacts(
            id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, did TEXT NOT NULL UNIQUE,
            peer_id TEXT NOT NULL UNIQUE, addresses TEXT NOT NULL, mailbox_id TEXT, identity_key BLOB,
            pending_identity_key BLOB, verification INTEGER NOT NULL, added_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
        CREATE TABLE signal_identities(address TEXT PRIMARY KEY, identity_key BLOB NOT NULL) STRICT;
        CREATE TABLE signal_sessions(address TEXT PRIMARY KEY, record BLOB NOT NULL) STRICT;
        CREATE TABLE signal_prekeys(
            id INTEGER PRIMARY KEY, record BLOB NOT NULL, created_at INTEGER NOT NULL, handed_out INTEGER NOT NULL DEFAULT 0) STRICT;
        CREATE TABLE signal_signed_prekeys(id INTEGER PRIMARY KEY, record BLOB NOT NULL, created_at INTEGER NOT NULL) STRICT;
        CREATE TABLE signal_kyber_prekeys(
            id INTEGER PRIMARY KEY, record BLOB NOT NULL, last_resort INTEGER NOT NULL, created_at INTEGER NOT NULL,
            handed_out INTEGER NOT NULL DEFAULT 0) STRICT;
        CREATE TABLE signal_kyber_used(
            kyber_id INTEGER NOT NULL, signed_prekey_id INTEGER NOT NULL, base_key BLOB NOT NULL,
            PRIMARY KEY(kyber_id, signed_prekey_id, base_key)) STRICT;
        """;

    private const string V2 = """
        CREATE TABLE outbox(
            message_id TEXT PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            envelope BLOB NOT NULL, state INTEGER NOT NULL, attempts INTEGER NOT NULL,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
        CREATE INDEX outbox_state ON outbox(state, updated_at);
        CREATE TABLE inbox(
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, message_id TEXT NOT NULL,
            body BLOB NOT NULL, via TEXT NOT NULL, received_at INTEGER NOT NULL, state INTEGER NOT NULL,
            PRIMARY KEY(contact_id, message_id)) STRICT;
        CREATE TABLE dedup(
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, message_id TEXT NOT NULL,
            seen_at INTEGER NOT NULL, PRIMARY KEY(contact_id, message_id)) STRICT;
        CREATE INDEX dedup_seen ON dedup(seen_at);
        CREATE TABLE message_states(
            seq INTEGER PRIMARY KEY AUTOINCREMENT, box TEXT NOT NULL, contact_id INTEGER NOT NULL, message_id TEXT NOT NULL,
            state INTEGER NOT NULL, at INTEGER NOT NULL) STRICT;
        """;

    private const string V3 = """
        ALTER TABLE contacts ADD COLUMN prekey_bundle BLOB;
        ALTER TABLE contacts ADD COLUMN mailbox_kind TEXT;
        ALTER TABLE contacts ADD COLUMN mailbox_hint TEXT;
        ALTER TABLE contacts ADD COLUMN last_verified_at INTEGER;
        ALTER TABLE outbox ADD COLUMN type TEXT NOT NULL DEFAULT '';
        ALTER TABLE outbox ADD COLUMN body BLOB;
        ALTER TABLE outbox ADD COLUMN sent_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE inbox ADD COLUMN type TEXT NOT NULL DEFAULT '';
        ALTER TABLE inbox ADD COLUMN sent_at INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX outbox_conversation ON outbox(contact_id, sent_at);
        CREATE INDEX inbox_conversation ON inbox(contact_id, sent_at);
        """;

    private const string V4 = """
        ALTER TABLE inbox ADD COLUMN receipt_pending INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX inbox_receipt_pending ON inbox(receipt_pending) WHERE receipt_pending = 1;
        """;

    private const string V5 = """
        CREATE TABLE file_transfers(
            id TEXT PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            direction TEXT NOT NULL, name TEXT NOT NULL, size INTEGER NOT NULL, media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL, chunk_size INTEGER NOT NULL, file_key BLOB NOT NULL, state TEXT NOT NULL,
            transferred INTEGER NOT NULL, path TEXT, directory TEXT, reason TEXT,
            created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
        CREATE INDEX file_transfers_state ON file_transfers(state);
        CREATE TABLE file_auto_accept(
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE, since INTEGER NOT NULL) STRICT;
        """;

    // A SHA-256 recorded by /wotid/file/3.0.0 must never be taken for a BLAKE3-256: the sender would seal it into the
    // final chunk, the receiver would compare its own BLAKE3 with it. Every transfer forgets it; an unfinished one keeps
    // its durable offset and partial file (plain file bytes, whatever the hash) and is hashed again as any resume is.
    private const string V6 = """
        ALTER TABLE file_transfers RENAME COLUMN sha256 TO blake3;
        UPDATE file_transfers SET blake3 = '';
        """;

    private const string V7 = """
        ALTER TABLE contacts ADD COLUMN refused_reason TEXT;
        ALTER TABLE contacts ADD COLUMN refused_at INTEGER;
        """;

    /// <summary>The steps; step i (0-based) takes the schema from version i to i + 1.</summary>
    internal static IReadOnlyList<string> Steps { get; } = [V1, V2, V3, V4, V5, V6, V7];

    /// <summary>The version this code writes.</summary>
    internal static int Latest => Steps.Count;

    /// <summary>The schema version stored in <paramref name="connection"/>.</summary>
    /// <remarks>Inside a transaction of the connection, the read is part of it (CreateCommand enlists the command).</remarks>
    internal static int CurrentVersion(SqliteConnection connection)
    {
        using SqliteCommand c = connection.CreateCommand();
        c.CommandText = "PRAGMA user_version";
        return (int)(long)c.ExecuteScalar()!;
    }

    /// <summary>Migrates up to <paramref name="target"/> (default: <see cref="Latest"/>); refuses a newer database.</summary>
    internal static void Apply(SqliteConnection connection, int? target = null)
    {
        int to = target ?? Latest;
        int current = CurrentVersion(connection);
        if (current > Latest || current < 0)
        {
            throw new ProfileException(ProfileError.SchemaTooNew, $"profile schema version {current} is newer than this software's {Latest}");
        }

        while (current < to)
        {
            // Each step in a write transaction (BEGIN IMMEDIATE), the version read again inside it: a second process or
            // connection opening the same profile at the same moment waits, then finds the step done instead of
            // applying it twice (an ALTER TABLE ADD COLUMN would fail with "duplicate column name").
            using SqliteTransaction t = connection.BeginTransaction(deferred: false);
            current = CurrentVersion(connection);
            if (current >= to)
            {
                break;
            }

            using SqliteCommand c = connection.CreateCommand();
            c.Transaction = t;
            c.CommandText = Steps[current] + $"\nPRAGMA user_version = {current + 1};";
            c.ExecuteNonQuery();
            t.Commit();
            current++;
        }
    }
}
