// Contacts of a profile. Limits (checked on write and again on read, since the file may have been edited):
//
// | field        | limit                                  |
// |--------------|----------------------------------------|
// | name         | 1..64 characters, no control characters |
// | DID, peer id | 1..4096 characters                      |
// | addresses    | at most 32, each 1..1024 characters     |
// | identity key | 33 bytes (libsignal's serialized form)  |
// | prekey bundle| 1..4096 bytes (PreKeyBundle.Serialize)   |
// | mailbox kind | 1..32 characters                        |
// | mailbox hint | 1..4096 characters                      |
// | refusal      | 1..32 characters, no control characters |
using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>Adds, finds and updates contacts; each change is one transaction.</summary>
internal sealed partial class ContactStore
{
    internal const int MaxNameLength = 64;
    internal const int MaxIdLength = 4096;
    internal const int MaxAddresses = 32;
    internal const int MaxAddressLength = 1024;
    internal const int IdentityKeyLength = 33;
    internal const int MaxPreKeyBundleLength = 4096;
    internal const int MaxMailboxKindLength = 32;
    internal const int MaxRefusalLength = 32;
    private const string Columns = "id, name, did, peer_id, addresses, mailbox_id, identity_key, pending_identity_key, verification, added_at, updated_at, mailbox_kind, mailbox_hint, last_verified_at, refused_reason, refused_at";

    private readonly ProfileDatabase _db;
    private readonly TimeProvider _time;

    internal ContactStore(ProfileDatabase db, TimeProvider? time = null)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Adds a contact; a name, DID or peer id already in use is <see cref="ProfileError.InvalidInput"/>.</summary>
    internal Contact Add(string name, string did, string peerId, IReadOnlyList<string> addresses, string? mailboxId = null, ContactVerification verification = ContactVerification.Unverified)
    {
        CheckName(name);
        CheckId(did, "DID");
        CheckId(peerId, "peer id");
        CheckAddresses(addresses);
        if (mailboxId is not null)
        {
            CheckId(mailboxId, "mailbox id");
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _db.Write((c, t) =>
        {
            if (ProfileDatabase.Scalar(c, t, "SELECT id FROM contacts WHERE name = $1 OR did = $2 OR peer_id = $3", name, did, peerId) is not null)
            {
                throw new ProfileException(ProfileError.InvalidInput, "a contact with this name, DID or peer id exists");
            }

            long id = (long)ProfileDatabase.Scalar(c, t,
                "INSERT INTO contacts(name, did, peer_id, addresses, mailbox_id, verification, added_at, updated_at) VALUES($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                name, did, peerId, string.Join('\n', addresses), mailboxId, (long)verification, now)!;
            return Find(c, t, "id", id)!;
        });
    }

    internal Contact? Get(long id) => _db.Read(c => Find(c, null, "id", id));

    internal Contact? GetByName(string name) => _db.Read(c => Find(c, null, "name", name));

    internal Contact? GetByDid(string did) => _db.Read(c => Find(c, null, "did", did));

    internal Contact? GetByPeerId(string peerId) => _db.Read(c => Find(c, null, "peer_id", peerId));

    internal IReadOnlyList<Contact> List() => _db.Read(c =>
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, null, $"SELECT {Columns} FROM contacts ORDER BY name");
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<Contact>();
        while (r.Read())
        {
            list.Add(ReadRow(r));
        }

        return list;
    });

    /// <summary>Sets the verification state.</summary>
    internal void SetVerification(long id, ContactVerification verification)
    {
        if (!Enum.IsDefined(verification))
        {
            throw new ArgumentOutOfRangeException(nameof(verification));
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t, "UPDATE contacts SET verification = $2, updated_at = $3 WHERE id = $1", id, (long)verification, now)));
    }

    /// <summary>
    /// Records the identity key the contact presented: the first key is stored; the same key changes nothing; a
    /// different key is kept aside and the contact goes to <see cref="ContactVerification.KeyChangedHeld"/>.
    /// </summary>
    internal ContactVerification ObserveIdentityKey(long id, ReadOnlySpan<byte> identityKey)
    {
        if (identityKey.Length != IdentityKeyLength)
        {
            throw new ProfileException(ProfileError.InvalidInput, "identity key must be 33 bytes");
        }

        byte[] key = identityKey.ToArray();
        return _db.Write((c, t) => ObserveIdentityKey(c, t, id, key));
    }

    /// <summary>As <see cref="ObserveIdentityKey(long, ReadOnlySpan{byte})"/>, in the caller's transaction.</summary>
    internal ContactVerification ObserveIdentityKey(SqliteConnection c, SqliteTransaction t, long id, byte[] key)
    {
        if (key.Length != IdentityKeyLength)
        {
            throw new ProfileException(ProfileError.InvalidInput, "identity key must be 33 bytes");
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        Contact contact = Find(c, t, "id", id) ?? throw new ProfileException(ProfileError.InvalidInput, "no such contact");
        if (contact.IdentityKey is null)
        {
            ProfileDatabase.Execute(c, t, "UPDATE contacts SET identity_key = $2, updated_at = $3 WHERE id = $1", id, key, now);
            return contact.Verification;
        }

        if (contact.IdentityKey.AsSpan().SequenceEqual(key) ||
            (contact.Verification == ContactVerification.KeyChangedHeld && contact.PendingIdentityKey is not null && contact.PendingIdentityKey.AsSpan().SequenceEqual(key)))
        {
            return contact.Verification;
        }

        ProfileDatabase.Execute(c, t, "UPDATE contacts SET pending_identity_key = $2, verification = $3, updated_at = $4 WHERE id = $1",
            id, key, (long)ContactVerification.KeyChangedHeld, now);
        return ContactVerification.KeyChangedHeld;
    }

    /// <summary>Accepts a held identity key change: the new key becomes the contact's key and the contact is verified.</summary>
    internal void AcceptKeyChange(long id)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t,
            "UPDATE contacts SET identity_key = pending_identity_key, pending_identity_key = NULL, verification = $2, updated_at = $3 " +
            "WHERE id = $1 AND pending_identity_key IS NOT NULL", id, (long)ContactVerification.Verified, now)));
    }

    private static void Require(int changed)
    {
        if (changed != 1)
        {
            throw new ProfileException(ProfileError.InvalidInput, "no such contact (or nothing to accept)");
        }
    }

    internal static Contact? Find(SqliteConnection c, SqliteTransaction? t, string column, object value)
    {
        using SqliteCommand cmd = ProfileDatabase.Command(c, t, $"SELECT {Columns} FROM contacts WHERE {column} = $1", value);
        using SqliteDataReader r = cmd.ExecuteReader();
        return r.Read() ? ReadRow(r) : null;
    }

    /// <summary>Reads one row, checking every field as untrusted input.</summary>
    private static Contact ReadRow(SqliteDataReader r)
    {
        try
        {
            string name = r.GetString(1), did = r.GetString(2), peerId = r.GetString(3);
            string[] addresses = r.GetString(4).Length == 0 ? [] : r.GetString(4).Split('\n');
            string? mailbox = r.IsDBNull(5) ? null : r.GetString(5);
            byte[]? key = r.IsDBNull(6) ? null : (byte[])r.GetValue(6);
            byte[]? pending = r.IsDBNull(7) ? null : (byte[])r.GetValue(7);
            var verification = (ContactVerification)r.GetInt64(8);
            CheckName(name);
            CheckId(did, "DID");
            CheckId(peerId, "peer id");
            CheckAddresses(addresses);
            if (!Enum.IsDefined(verification) || key is { Length: not IdentityKeyLength } || pending is { Length: not IdentityKeyLength } || mailbox is { Length: 0 or > MaxIdLength })
            {
                throw new ProfileException(ProfileError.Corrupt, "stored contact is malformed");
            }

            string? mailboxKind = r.IsDBNull(11) ? null : r.GetString(11);
            string? mailboxHint = r.IsDBNull(12) ? null : r.GetString(12);
            DateTimeOffset? verifiedAt = r.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13));
            string? refusal = r.IsDBNull(14) ? null : r.GetString(14);
            DateTimeOffset? refusedAt = refusal is null || r.IsDBNull(15) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15));
            if (mailboxKind is { Length: 0 or > MaxMailboxKindLength } || mailboxHint is { Length: 0 or > MaxIdLength }
                || refusal is { Length: 0 or > MaxRefusalLength } || (refusal is not null && (refusedAt is null || refusal.Any(char.IsControl))))
            {
                throw new ProfileException(ProfileError.Corrupt, "stored contact is malformed");
            }

            return new Contact(r.GetInt64(0), name, did, peerId, addresses, mailbox, key, pending, verification,
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
                mailboxKind, mailboxHint, verifiedAt, refusal, refusedAt);
        }
        catch (ProfileException e) when (e.Error == ProfileError.InvalidInput)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored contact is malformed", e);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored contact is malformed", e);
        }
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ProfileException(ProfileError.InvalidInput, $"contact name must be 1..{MaxNameLength} characters without control characters");
        }
    }

    private static void CheckId(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            throw new ProfileException(ProfileError.InvalidInput, $"{what} must be 1..{MaxIdLength} characters");
        }
    }

    private static void CheckAddresses(IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count > MaxAddresses || addresses.Any(a => string.IsNullOrEmpty(a) || a.Length > MaxAddressLength || a.Any(char.IsControl)))
        {
            throw new ProfileException(ProfileError.InvalidInput, $"at most {MaxAddresses} addresses of 1..{MaxAddressLength} characters");
        }
    }
}
