// The writes of the Signal store inside a caller's transaction, so that a session change can commit together with
// the message rows it belongs to (docs/node.md "Messaging", "Exactly once"; BufferedSignalStore collects them).
using System;
using Microsoft.Data.Sqlite;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Stores;

namespace WotId.Node.Storage;

internal sealed partial class SqliteSignalProtocolStore
{
    /// <summary>The database the store writes to.</summary>
    internal ProfileDatabase Database => _db;

    /// <summary>Stores a serialized session record in the caller's transaction; wipes <paramref name="serialized"/>.</summary>
    internal void WriteSession(SqliteConnection c, SqliteTransaction t, ProtocolAddress address, byte[] serialized)
    {
        string row = address.ToString();
        byte[] sealedRecord = SealRecord(Sessions, row, serialized);
        ProfileDatabase.Execute(c, t, "INSERT INTO signal_sessions(address, record) VALUES($1, $2) ON CONFLICT(address) DO UPDATE SET record = $2", row, sealedRecord);
    }

    /// <summary>Stores a remote identity in the caller's transaction; reports whether it replaced another key.</summary>
    internal IdentityChange WriteIdentity(SqliteConnection c, SqliteTransaction t, ProtocolAddress address, EcPublicKey identityKey)
    {
        string row = address.ToString();
        EcPublicKey? old = LoadIdentity(c, t, row);
        byte[] sealedKey = _db.Key.Seal(Identities, "identity_key", row, identityKey.Serialize());
        ProfileDatabase.Execute(c, t, "INSERT INTO signal_identities(address, identity_key) VALUES($1, $2) ON CONFLICT(address) DO UPDATE SET identity_key = $2", row, sealedKey);
        return old is not null && !old.Equals(identityKey) ? IdentityChange.ReplacedExisting : IdentityChange.NewOrUnchanged;
    }

    /// <summary>Deletes a used one-time prekey in the caller's transaction.</summary>
    internal static void DeletePreKey(SqliteConnection c, SqliteTransaction t, uint id) =>
        ProfileDatabase.Execute(c, t, "DELETE FROM signal_prekeys WHERE id = $1", (long)id);

    /// <summary>
    /// Records the use of a Kyber prekey in the caller's transaction: a one-time key is deleted; for a last-resort key a
    /// repeated (key id, signed prekey id, base key) throws <see cref="SignalError.ReusedBaseKey"/>.
    /// </summary>
    internal static void MarkKyberUsed(SqliteConnection c, SqliteTransaction? t, uint id, uint signedPreKeyId, EcPublicKey baseKey)
    {
        ArgumentNullException.ThrowIfNull(baseKey);
        object? lastResort = ProfileDatabase.Scalar(c, t, "SELECT last_resort FROM signal_kyber_prekeys WHERE id = $1", (long)id);
        if (lastResort is null)
        {
            return;
        }

        if ((long)lastResort == 0)
        {
            ProfileDatabase.Execute(c, t, "DELETE FROM signal_kyber_prekeys WHERE id = $1", (long)id);
            return;
        }

        int added = ProfileDatabase.Execute(c, t,
            "INSERT OR IGNORE INTO signal_kyber_used(kyber_id, signed_prekey_id, base_key) VALUES($1, $2, $3)",
            (long)id, (long)signedPreKeyId, baseKey.Serialize());
        if (added == 0)
        {
            throw new SignalProtocolException(SignalError.ReusedBaseKey, "reused base key");
        }
    }

    /// <summary>Whether a last-resort Kyber key was already used with this (signed prekey id, base key).</summary>
    internal bool KyberBaseKeyUsed(uint id, uint signedPreKeyId, EcPublicKey baseKey) => _db.Read(c =>
        ProfileDatabase.Scalar(c, null, "SELECT 1 FROM signal_kyber_used WHERE kyber_id = $1 AND signed_prekey_id = $2 AND base_key = $3",
            (long)id, (long)signedPreKeyId, baseKey.Serialize()) is not null);
}
