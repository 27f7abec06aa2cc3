// A Signal store for one operation whose writes wait for the caller's transaction (docs/node.md "Messaging",
// "Exactly once"). Reads go to the profile's SqliteSignalProtocolStore (or to a write buffered by this operation);
// session records, identities and the use of prekeys are only collected, and Commit writes them in the transaction
// that also writes the outbox row (sending) or the inbox and dedup rows (receiving). A decryption whose message is
// never committed therefore leaves the ratchet as it was, and the retransmitted copy still decrypts.
//
// Trust: the messaging layer decides about identity keys itself (contacts go to key_changed), so this store trusts
// a key when receiving and, when sending, exactly the key given at construction (null: any key).
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Node.Storage;

/// <summary>
/// An <see cref="ISignalProtocolStore"/> whose changes are committed by <see cref="Commit"/> in a caller's transaction.
/// One operation at a time; the caller serializes operations on the profile (a store object has its own SessionLocks).
/// </summary>
internal sealed class BufferedSignalStore : ISignalProtocolStore, IDisposable
{
    private readonly SqliteSignalProtocolStore _inner;
    private readonly byte[]? _trustedForSending;
    private readonly Dictionary<ProtocolAddress, byte[]> _sessions = [];
    private readonly Dictionary<ProtocolAddress, EcPublicKey> _identities = [];
    private readonly List<uint> _removedPreKeys = [];
    private readonly List<(uint Id, uint SignedPreKeyId, EcPublicKey BaseKey)> _kyberUsed = [];

    /// <summary>Buffers writes over <paramref name="inner"/>; <paramref name="trustedForSending"/> is the only key trusted for sending (null: any).</summary>
    internal BufferedSignalStore(SqliteSignalProtocolStore inner, byte[]? trustedForSending)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _trustedForSending = trustedForSending;
    }

    /// <summary>The identities this operation saved, by address.</summary>
    internal IReadOnlyDictionary<ProtocolAddress, EcPublicKey> SavedIdentities => _identities;

    /// <summary>Whether anything waits to be committed.</summary>
    internal bool HasChanges => _sessions.Count + _identities.Count + _removedPreKeys.Count + _kyberUsed.Count > 0;

    /// <inheritdoc />
    public ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default) => _inner.GetIdentityKeyPairAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default) => _inner.GetLocalRegistrationIdAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default)
    {
        EcPublicKey? old = await GetIdentityAsync(address, cancellationToken).ConfigureAwait(false);
        _identities[address] = identityKey;
        return old is not null && !old.Equals(identityKey) ? IdentityChange.ReplacedExisting : IdentityChange.NewOrUnchanged;
    }

    /// <inheritdoc />
    public ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identityKey);
        bool trusted = direction == Direction.Receiving || _trustedForSending is null || identityKey.Serialize().AsSpan().SequenceEqual(_trustedForSending);
        return ValueTask.FromResult(trusted);
    }

    /// <inheritdoc />
    public ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default) =>
        _identities.TryGetValue(address, out EcPublicKey? key) ? ValueTask.FromResult<EcPublicKey?>(key) : _inner.GetIdentityAsync(address, cancellationToken);

    /// <inheritdoc />
    public ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default) =>
        _sessions.TryGetValue(address, out byte[]? serialized)
            ? ValueTask.FromResult<SessionRecord?>(SessionRecord.Deserialize(serialized))
            : _inner.LoadSessionAsync(address, cancellationToken);

    /// <inheritdoc />
    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using (record)
        {
            // The store owns the record from the call on (ISessionStore), also when it throws: it keeps the bytes only.
            ArgumentNullException.ThrowIfNull(address);
            if (_sessions.Remove(address, out byte[]? previous))
            {
                CryptographicOperations.ZeroMemory(previous);
            }

            _sessions[address] = record.Serialize();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        _removedPreKeys.Contains(id) ? ValueTask.FromResult<PreKeyRecord?>(null) : _inner.LoadPreKeyAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("prekeys are generated by PreKeyManager, not inside a message operation");

    /// <inheritdoc />
    public ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        _removedPreKeys.Add(id);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default) => _inner.LoadSignedPreKeyAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("prekeys are generated by PreKeyManager, not inside a message operation");

    /// <inheritdoc />
    public ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default) => _inner.LoadKyberPreKeyAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("prekeys are generated by PreKeyManager, not inside a message operation");

    /// <inheritdoc />
    public ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseKey);
        if (_inner.KyberBaseKeyUsed(id, signedPreKeyId, baseKey))
        {
            throw new SignalProtocolException(SignalError.ReusedBaseKey, "reused base key");
        }

        _kyberUsed.Add((id, signedPreKeyId, baseKey));
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes every buffered change in the caller's transaction (and forgets them).</summary>
    internal void Commit(SqliteConnection c, SqliteTransaction t)
    {
        foreach ((ProtocolAddress address, EcPublicKey key) in _identities)
        {
            _inner.WriteIdentity(c, t, address, key);
        }

        foreach ((ProtocolAddress address, byte[] serialized) in _sessions)
        {
            _inner.WriteSession(c, t, address, serialized);
        }

        foreach (uint id in _removedPreKeys)
        {
            SqliteSignalProtocolStore.DeletePreKey(c, t, id);
        }

        foreach ((uint id, uint spk, EcPublicKey baseKey) in _kyberUsed)
        {
            SqliteSignalProtocolStore.MarkKyberUsed(c, t, id, spk, baseKey);
        }

        _sessions.Clear();
        _identities.Clear();
        _removedPreKeys.Clear();
        _kyberUsed.Clear();
    }

    /// <summary>Wipes buffered session records that were not committed.</summary>
    public void Dispose()
    {
        foreach (byte[] serialized in _sessions.Values)
        {
            CryptographicOperations.ZeroMemory(serialized);
        }

        _sessions.Clear();
    }

    /// <inheritdoc />
    public override string ToString() => "BufferedSignalStore";
}
