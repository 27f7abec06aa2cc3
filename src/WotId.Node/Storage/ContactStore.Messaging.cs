// Contact fields the messaging layer needs (schema v3): the prekey bundle from the invitation (to start a session
// while the contact is offline), the contact's mailbox (kind, id, hint), the time of the last verification, and the
// lookup by DID hash that opening a sealed envelope starts with.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using WotId.Node.Messaging;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

internal sealed partial class ContactStore
{
    /// <summary>The prekey bundle stored for the contact (public data), or null.</summary>
    internal byte[]? GetPreKeyBundle(long id) => _db.Read(c =>
    {
        object? value = ProfileDatabase.Scalar(c, null, "SELECT prekey_bundle FROM contacts WHERE id = $1", id);
        return value switch
        {
            null => null,
            byte[] { Length: > 0 and <= MaxPreKeyBundleLength } b => b,
            _ => throw new ProfileException(ProfileError.Corrupt, "stored prekey bundle is malformed"),
        };
    });

    /// <summary>Stores (or with null clears) the contact's prekey bundle, the serialized <c>PreKeyBundle</c> (1..4096 bytes).</summary>
    internal void SetPreKeyBundle(long id, ReadOnlySpan<byte> bundle)
    {
        if (bundle.Length > MaxPreKeyBundleLength)
        {
            throw new ProfileException(ProfileError.InvalidInput, $"a prekey bundle has at most {MaxPreKeyBundleLength} bytes");
        }

        byte[]? value = bundle.IsEmpty ? null : bundle.ToArray();
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Not durable: a lost update leaves the previous bundle, and the contact's next handshake hands out a new one.
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t, "UPDATE contacts SET prekey_bundle = $2, updated_at = $3 WHERE id = $1", id, value, now)), durable: false);
    }

    /// <summary>
    /// Marks the contact's stored bundle spent after a session was built from <paramref name="used"/>, in the caller's
    /// transaction (the one that stores the session). Signal PQXDH §3.3: the owner deletes a one-time prekey on first
    /// use, so a bundle naming one-time prekeys starts one session only and is cleared here (the next session needs a
    /// fresh bundle: a handshake this node initiates, or the DHT record). A bundle without a one-time EC prekey is kept:
    /// invitations and DHT records carry only the signed and the last-resort Kyber prekey (PreKeyManager.Shared), and a
    /// handshake bundle lacks a one-time EC prekey only when both pools (of equal size, handed out together) are empty,
    /// so its Kyber prekey is then the last-resort one too. A stored bundle other than <paramref name="used"/> (a newer
    /// one) is left alone. Returns true when the stored bundle was cleared.
    /// </summary>
    internal bool SpendPreKeyBundle(SqliteConnection c, SqliteTransaction t, long id, WotId.Signal.Keys.PreKeyBundle used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (used.PreKeyId is null
            || ProfileDatabase.Scalar(c, t, "SELECT prekey_bundle FROM contacts WHERE id = $1", id) is not byte[] stored
            || !stored.AsSpan().SequenceEqual(used.Serialize()))
        {
            return false;
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return ProfileDatabase.Execute(c, t, "UPDATE contacts SET prekey_bundle = NULL, updated_at = $2 WHERE id = $1", id, now) == 1;
    }

    /// <summary>Replaces the contact's addresses (with those of its newer DHT record).</summary>
    internal void SetAddresses(long id, IReadOnlyList<string> addresses)
    {
        CheckAddresses(addresses);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Not durable: a lost update leaves the old addresses, and the next failed dial resolves the DID again.
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t,
            "UPDATE contacts SET addresses = $2, updated_at = $3 WHERE id = $1", id, string.Join('\n', addresses), now)), durable: false);
    }

    /// <summary>Sets the contact's mailbox: its kind (e.g. <c>embedded</c>), object id and hint (null clears each).</summary>
    internal void SetMailbox(long id, string? kind, string? mailboxId, string? hint)
    {
        if (kind is { Length: 0 or > MaxMailboxKindLength } || hint is { Length: 0 or > MaxIdLength })
        {
            throw new ProfileException(ProfileError.InvalidInput, $"mailbox kind must be 1..{MaxMailboxKindLength} characters and hint 1..{MaxIdLength}");
        }

        if (mailboxId is not null)
        {
            CheckId(mailboxId, "mailbox id");
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t,
            "UPDATE contacts SET mailbox_kind = $2, mailbox_id = $3, mailbox_hint = $4, updated_at = $5 WHERE id = $1", id, kind, mailboxId, hint, now)));
    }

    /// <summary>Records that a handshake verified the contact at <paramref name="at"/>; a recorded refusal is cleared.</summary>
    internal void MarkVerified(long id, DateTimeOffset at, bool clearsRefusal = false)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        // Not durable unless it clears a refusal: the timestamp is for display (a lost update shows the previous
        // handshake's time), but a lost clearing would refuse the contact's next mailbox messages.
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t,
            "UPDATE contacts SET last_verified_at = $2, refused_reason = NULL, refused_at = NULL, updated_at = $3 WHERE id = $1",
            id, at.ToUnixTimeMilliseconds(), now)), durable: clearsRefusal);
    }

    /// <summary>
    /// Records that this node's handshake check of the contact's credential failed with <paramref name="reason"/> (a
    /// handshake reason token) at <paramref name="at"/>: its mailbox messages are refused until a handshake verifies it
    /// (docs/node.md "Refused contacts").
    /// </summary>
    internal void MarkRefused(long id, string reason, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxRefusalLength || reason.Any(char.IsControl))
        {
            throw new ProfileException(ProfileError.InvalidInput, $"a refusal reason has 1..{MaxRefusalLength} characters");
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.Write((c, t) => Require(ProfileDatabase.Execute(c, t,
            "UPDATE contacts SET refused_reason = $2, refused_at = $3, updated_at = $4 WHERE id = $1", id, reason, at.ToUnixTimeMilliseconds(), now)));
    }

    /// <summary>The contact whose DID hashes (SHA-256, UTF-8) to <paramref name="didHash"/>, or null.</summary>
    internal Contact? GetByDidHash(ReadOnlySpan<byte> didHash)
    {
        if (didHash.Length != SealedEnvelopeCodec.DidHashLength)
        {
            return null;
        }

        foreach (Contact contact in List())
        {
            if (CryptographicOperations.FixedTimeEquals(SealedEnvelopeCodec.HashDid(contact.Did), didHash))
            {
                return contact;
            }
        }

        return null;
    }

    /// <summary>Reads a contact in the caller's transaction.</summary>
    internal static Contact? Get(SqliteConnection c, SqliteTransaction t, long id) => Find(c, t, "id", id);
}
