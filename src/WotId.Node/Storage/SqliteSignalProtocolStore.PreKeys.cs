// Prekey parts of the Signal store (libsignal storage/traits.rs PreKeyStore, SignedPreKeyStore, KyberPreKeyStore).
// One-time keys are deleted once used; for the last-resort Kyber key a repeated (kyber id, signed prekey id, base key)
// triple is refused (libsignal storage/inmem.rs "reused base key").
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Storage;

internal sealed partial class SqliteSignalProtocolStore
{
    internal const string PreKeys = "signal_prekeys";
    internal const string SignedPreKeys = "signal_signed_prekeys";
    internal const string KyberPreKeys = "signal_kyber_prekeys";

    /// <inheritdoc />
    public ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Load(PreKeys, id, b => PreKeyRecord.Deserialize(b), cancellationToken));

    /// <inheritdoc />
    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        _db.Write((c, t) => InsertPreKey(c, t, id, record));
        return ValueTask.CompletedTask;
    }

    /// <summary>Stores a one-time prekey inside the caller's transaction (not yet handed out).</summary>
    internal void InsertPreKey(SqliteConnection c, SqliteTransaction t, uint id, PreKeyRecord record)
    {
        byte[] sealedRecord = SealRecord(PreKeys, Row(id), record.Serialize());
        ProfileDatabase.Execute(c, t,
            "INSERT INTO signal_prekeys(id, record, created_at) VALUES($1, $2, $3) ON CONFLICT(id) DO UPDATE SET record = $2, created_at = $3, handed_out = 0",
            (long)id, sealedRecord, _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <inheritdoc />
    public ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _db.Write((c, t) => DeletePreKey(c, t, id));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Load(SignedPreKeys, id, b => SignedPreKeyRecord.Deserialize(b), cancellationToken));

    /// <inheritdoc />
    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        _db.Write((c, t) => InsertSignedPreKey(c, t, id, record));
        return ValueTask.CompletedTask;
    }

    /// <summary>Stores a signed prekey inside the caller's transaction.</summary>
    internal void InsertSignedPreKey(SqliteConnection c, SqliteTransaction t, uint id, SignedPreKeyRecord record)
    {
        byte[] sealedRecord = SealRecord(SignedPreKeys, Row(id), record.Serialize());
        ProfileDatabase.Execute(c, t,
            "INSERT INTO signal_signed_prekeys(id, record, created_at) VALUES($1, $2, $3) ON CONFLICT(id) DO UPDATE SET record = $2, created_at = $3",
            (long)id, sealedRecord, (long)record.Timestamp);
    }

    /// <inheritdoc />
    public ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Load(KyberPreKeys, id, b => KyberPreKeyRecord.Deserialize(b), cancellationToken));

    /// <inheritdoc />
    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        _db.Write((c, t) => InsertKyberPreKey(c, t, id, record));
        return ValueTask.CompletedTask;
    }

    /// <summary>Stores a Kyber prekey inside the caller's transaction (not yet handed out).</summary>
    internal void InsertKyberPreKey(SqliteConnection c, SqliteTransaction t, uint id, KyberPreKeyRecord record)
    {
        byte[] sealedRecord = SealRecord(KyberPreKeys, Row(id), record.Serialize());
        ProfileDatabase.Execute(c, t,
            "INSERT INTO signal_kyber_prekeys(id, record, last_resort, created_at) VALUES($1, $2, $3, $4) " +
            "ON CONFLICT(id) DO UPDATE SET record = $2, last_resort = $3, created_at = $4, handed_out = 0",
            (long)id, sealedRecord, record.IsLastResort ? 1L : 0L, (long)record.Timestamp);
    }

    /// <inheritdoc />
    public ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseKey);
        cancellationToken.ThrowIfCancellationRequested();
        _db.Write((c, t) => MarkKyberUsed(c, t, id, signedPreKeyId, baseKey));
        return ValueTask.CompletedTask;
    }

    internal static string Row(uint id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens and parses a sealed prekey row read by the caller.</summary>
    internal T DecodeRecord<T>(string table, uint id, byte[] sealedRecord, Func<byte[], T> parse) => Decode(table, Row(id), sealedRecord, parse);

    private T? Load<T>(string table, uint id, Func<byte[], T> parse, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[]? sealedRecord = _db.Read(c => ProfileDatabase.Scalar(c, null, $"SELECT record FROM {table} WHERE id = $1", (long)id) as byte[]);
        return sealedRecord is null ? null : Decode(table, Row(id), sealedRecord, parse);
    }
}
