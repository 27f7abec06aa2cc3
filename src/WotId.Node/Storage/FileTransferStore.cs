// The file_transfers and file_auto_accept tables (docs/files.md "States", "Resume"). Every change is one statement
// guarded by the states it may leave, so a late or repeated message never moves a transfer backwards and a finished
// transfer never changes again. The file key is sealed with the at-rest key under (file_transfers, file_key, id).
//
// | limit           | value                                   |
// |-----------------|-----------------------------------------|
// | id              | 1..128 characters (the wot.id id)       |
// | name            | 1..255 characters                       |
// | reason          | 1..64 characters                        |
using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using WotId.Node.Api;

namespace WotId.Node.Storage;

/// <summary>File transfer repository.</summary>
internal sealed partial class FileTransferStore
{
    private const string Columns = "id, contact_id, direction, name, size, media_type, blake3, chunk_size, state, transferred, path, directory, reason, created_at, updated_at";
    private readonly ProfileDatabase _db;
    private readonly TimeProvider _time;

    internal FileTransferStore(ProfileDatabase db, TimeProvider? time = null)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The states a transfer is still moving in.</summary>
    internal static string[] Open { get; } = [FileTransferStates.Queued, FileTransferStates.Offered, FileTransferStates.Transferring, FileTransferStates.Interrupted];

    /// <summary>Stores a new transfer with its key (state from <paramref name="record"/>); false when the id exists.</summary>
    internal bool Insert(FileTransferRecord record, ReadOnlySpan<byte> key)
    {
        byte[] sealedKey = SealKey(record.Id, key);
        return _db.Write((c, t) => Insert(c, t, record, sealedKey));
    }

    /// <summary>As <see cref="Insert(FileTransferRecord, ReadOnlySpan{byte})"/> in the caller's transaction, with a sealed key.</summary>
    internal bool Insert(SqliteConnection c, SqliteTransaction t, FileTransferRecord record, byte[] sealedKey)
    {
        ArgumentNullException.ThrowIfNull(record);
        MessageStore.CheckText(record.Id, MessageStore.MaxMessageIdLength, "transfer id");
        long now = Now();
        return ProfileDatabase.Execute(c, t,
            "INSERT OR IGNORE INTO file_transfers(" + Columns + ", file_key) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)",
            record.Id, record.ContactId, record.Direction, record.Name, record.Size, record.MediaType, record.Blake3, (long)record.ChunkSize,
            record.State, record.Transferred, record.Path, record.Directory, record.Reason, now, sealedKey) == 1;
    }

    /// <summary>Seals a file key for the row <paramref name="id"/>.</summary>
    internal byte[] SealKey(string id, ReadOnlySpan<byte> key) => _db.Key.Seal("file_transfers", "file_key", id, key);

    /// <summary>The transfer <paramref name="id"/>, or null.</summary>
    internal FileTransferRecord? Get(string id) => _db.Read(c => Get(c, null, id));

    /// <summary>As <see cref="Get(string)"/> in the caller's transaction.</summary>
    internal static FileTransferRecord? Get(SqliteConnection c, SqliteTransaction? t, string id)
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, t, "SELECT " + Columns + " FROM file_transfers WHERE id = $1", id);
        using SqliteDataReader r = cmd.ExecuteReader();
        return r.Read() ? ReadRow(r) : null;
    }

    /// <summary>The file key of <paramref name="id"/> (the caller zeroes it after use).</summary>
    internal byte[] Key(string id) => _db.Read(c =>
    {
        object? sealedKey = ProfileDatabase.Scalar(c, null, "SELECT file_key FROM file_transfers WHERE id = $1", id);
        return sealedKey is byte[] b ? _db.Key.Open("file_transfers", "file_key", id, b) : throw new Profile.ProfileException(Profile.ProfileError.InvalidInput, "no such transfer");
    });

    /// <summary>Every transfer, newest first (at most <paramref name="limit"/>).</summary>
    internal IReadOnlyList<FileTransferRecord> List(int limit = 10_000) => Query("SELECT " + Columns + " FROM file_transfers ORDER BY created_at DESC, id DESC LIMIT $1", (long)limit);

    /// <summary>Transfers not finished, oldest first.</summary>
    internal IReadOnlyList<FileTransferRecord> Unfinished() => Query(
        "SELECT " + Columns + " FROM file_transfers WHERE state IN ($1, $2, $3, $4) ORDER BY created_at, id", Open[0], Open[1], Open[2], Open[3]);

    /// <summary>Incoming offers of <paramref name="contactId"/> waiting for a decision.</summary>
    internal static long PendingOffers(SqliteConnection c, SqliteTransaction? t, long contactId) =>
        (long)ProfileDatabase.Scalar(c, t, "SELECT count(*) FROM file_transfers WHERE contact_id = $1 AND direction = $2 AND state = $3",
            contactId, FileTransferDirections.Incoming, FileTransferStates.Offered)!;

    /// <summary>
    /// Moves <paramref name="id"/> to <paramref name="state"/> if it is now in one of <paramref name="from"/>; sets the
    /// optional columns (null leaves a column as it is). A move to transferring clears the reason (an interrupted
    /// transfer's disk_full, say, no longer holds once it runs again). Returns whether it moved.
    /// </summary>
    internal bool Move(string id, string[] from, string state, string? reason = null, long? transferred = null, string? path = null, string? directory = null) =>
        _db.Write((c, t) => Move(c, t, id, null, null, from, state, reason, transferred, path, directory));

    /// <summary>
    /// As <see cref="Move(string, string[], string, string?, long?, string?, string?)"/> in the caller's transaction, and
    /// only when the transfer belongs to <paramref name="contactId"/> and has <paramref name="direction"/> (each when given).
    /// </summary>
    internal bool Move(SqliteConnection c, SqliteTransaction t, string id, long? contactId, string? direction, string[] from, string state,
        string? reason = null, long? transferred = null, string? path = null, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        FileTransferRecord? row = Get(c, t, id);
        if (row is null || Array.IndexOf(from, row.State) < 0 || (contactId is { } owner && owner != row.ContactId)
            || (direction is not null && direction != row.Direction))
        {
            return false;
        }

        ProfileDatabase.Execute(c, t,
            "UPDATE file_transfers SET state = $2, reason = CASE WHEN $2 = '" + FileTransferStates.Transferring + "' THEN $3 ELSE coalesce($3, reason) END, transferred = coalesce($4, transferred), " +
            "path = coalesce($5, path), directory = coalesce($6, directory), updated_at = $7 WHERE id = $1",
            id, state, reason, transferred, path, directory, Now());
        return true;
    }

    /// <summary>
    /// Moves an interrupted outgoing transfer back to transferring when its stream starts, unless the receiver paused it
    /// (<see cref="PausedByReceiver"/>: only its file.accept resumes it); returns whether it moved.
    /// </summary>
    internal bool TryResumeSending(string id) => _db.Write((c, t) => ProfileDatabase.Execute(c, t,
        "UPDATE file_transfers SET state = $2, reason = NULL, updated_at = $3 WHERE id = $1 AND state = $4 AND (reason IS NULL OR substr(reason, 1, length($5)) <> $5)",
        id, FileTransferStates.Transferring, Now(), FileTransferStates.Interrupted, PausedByReceiver) == 1);

    /// <summary>Clears the reason of an interrupted transfer (a disk_full that no longer holds); returns whether it had one.</summary>
    internal bool ClearReason(string id) => _db.Write((c, t) => ProfileDatabase.Execute(c, t,
        "UPDATE file_transfers SET reason = NULL, updated_at = $2 WHERE id = $1 AND state = $3 AND reason IS NOT NULL",
        id, Now(), FileTransferStates.Interrupted) == 1);

    /// <summary>Records progress of an unfinished transfer: bytes durable (incoming) or acknowledged (outgoing).</summary>
    internal bool SetTransferred(string id, long transferred) => _db.Write((c, t) => ProfileDatabase.Execute(c, t,
        "UPDATE file_transfers SET transferred = $2, updated_at = $3 WHERE id = $1 AND state IN ($4, $5)",
        id, transferred, Now(), FileTransferStates.Transferring, FileTransferStates.Interrupted) == 1);

    /// <summary>
    /// Records the whole-file BLAKE3-256 of a transfer whose hash was not known yet (an offer without one; docs/files.md
    /// "Messages"): the sender's once it has hashed the last byte, the receiver's once the file verified. A known hash is
    /// never replaced. Returns whether the row now holds <paramref name="blake3"/>.
    /// </summary>
    internal bool SetBlake3(string id, string blake3) => _db.Write((c, t) =>
    {
        ProfileDatabase.Execute(c, t, "UPDATE file_transfers SET blake3 = $2, updated_at = $3 WHERE id = $1 AND blake3 = ''", id, blake3, Now());
        return string.Equals(ProfileDatabase.Scalar(c, t, "SELECT blake3 FROM file_transfers WHERE id = $1", id) as string, blake3, StringComparison.Ordinal);
    });

    /// <summary>
    /// Records the destination a verified incoming file is about to be moved to, before the move (docs/files.md
    /// "Destination"): a restart after the move but before the transfer is recorded completed finds the file there and
    /// completes the record instead of receiving the file again. Only for an unfinished incoming transfer.
    /// </summary>
    internal bool SetDestination(string id, string path) => _db.Write((c, t) => ProfileDatabase.Execute(c, t,
        "UPDATE file_transfers SET path = $2, updated_at = $3 WHERE id = $1 AND direction = $4 AND state IN ($5, $6)",
        id, path, Now(), Api.FileTransferDirections.Incoming, FileTransferStates.Transferring, FileTransferStates.Interrupted) == 1);

    /// <summary>Whether files from <paramref name="contactId"/> are accepted without asking.</summary>
    internal bool AutoAccept(long contactId) => _db.Read(c =>
        ProfileDatabase.Scalar(c, null, "SELECT 1 FROM file_auto_accept WHERE contact_id = $1", contactId) is not null);

    /// <summary>Turns auto-accept for <paramref name="contactId"/> on or off.</summary>
    internal void SetAutoAccept(long contactId, bool enabled) => _db.Write((c, t) =>
    {
        MessageStore.RequireContact(c, t, contactId);
        ProfileDatabase.Execute(c, t, enabled
            ? "INSERT OR IGNORE INTO file_auto_accept(contact_id, since) VALUES($1, $2)"
            : "DELETE FROM file_auto_accept WHERE contact_id = $1 AND $2 IS NOT NULL", contactId, Now());
    });

    private List<FileTransferRecord> Query(string sql, params object?[] args) => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null, sql, args);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<FileTransferRecord>();
        while (r.Read())
        {
            list.Add(ReadRow(r));
        }

        return list;
    });

    private static FileTransferRecord ReadRow(SqliteDataReader r) => MessageStore.Row(() => new FileTransferRecord(
        r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6), checked((int)r.GetInt64(7)),
        r.GetString(8), r.GetInt64(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(14))));

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
