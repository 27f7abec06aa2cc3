// In-memory implementation of every Signal store, with trust on first use (like libsignal's storage/inmem.rs, which
// also hands out clones). Session records come out as deep copies, exactly as a store that parses stored bytes would
// give; a stored session record is kept as it is (the store owns it from the call on, ISessionStore), so a message
// costs one deep copy instead of two.
// Prekey records are copied handle by handle (Copy: each copy owns its own secret), not through their storage form: a
// parse recomputes the X25519 public keys and re-checks the Kyber key, about 50 µs per PreKey message (issue 15); the
// stored and the returned record are equal in every serialized byte (InMemoryStoreCopyTests).
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.State;

namespace WotId.Signal.Stores;

/// <summary>
/// Keeps everything in dictionaries. Identities are trusted on first use; a changed identity is untrusted until
/// <see cref="SaveIdentityAsync"/> stores it (which reports <see cref="IdentityChange.ReplacedExisting"/>).
/// Loads return new copies that the caller owns and disposes. <see cref="StoreSessionAsync"/> keeps the record it is
/// given (the caller gives it up); the prekey store methods keep copies and leave the argument to the caller.
/// Replaced and removed records are disposed by the store, the rest by <see cref="Dispose"/>. Thread-safe.
/// </summary>
public sealed class InMemorySignalProtocolStore : ISignalProtocolStore, IDisposable
{
    private readonly Lock _lock = new();
    private readonly IdentityKeyPair _identity;
    private readonly uint _registrationId;
    private readonly Dictionary<ProtocolAddress, EcPublicKey> _identities = [];
    private readonly Dictionary<uint, PreKeyRecord> _preKeys = [];
    private readonly Dictionary<uint, SignedPreKeyRecord> _signedPreKeys = [];
    private readonly Dictionary<uint, KyberPreKeyRecord> _kyberPreKeys = [];
    private readonly HashSet<(uint, uint, EcPublicKey)> _usedLastResort = [];
    private readonly Dictionary<ProtocolAddress, SessionRecord> _sessions = [];

    /// <summary>Creates a store for <paramref name="identity"/> (owned by the store) and <paramref name="registrationId"/>.</summary>
    public InMemorySignalProtocolStore(IdentityKeyPair identity, uint registrationId)
    {
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _registrationId = registrationId;
    }

    /// <inheritdoc />
    public ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_identity);

    /// <inheritdoc />
    public ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_registrationId);

    /// <inheritdoc />
    public ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            bool replaced = _identities.TryGetValue(address, out EcPublicKey? old) && !old.Equals(identityKey);
            _identities[address] = identityKey;
            return ValueTask.FromResult(replaced ? IdentityChange.ReplacedExisting : IdentityChange.NewOrUnchanged);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(!_identities.TryGetValue(address, out EcPublicKey? old) || old.Equals(identityKey));
        }
    }

    /// <inheritdoc />
    public ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_identities.GetValueOrDefault(address));
        }
    }

    /// <inheritdoc />
    public ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_preKeys.TryGetValue(id, out PreKeyRecord? r) ? r.Copy() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Replace(_preKeys, id, record.Copy());
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_preKeys.Remove(id, out PreKeyRecord? r))
            {
                r.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_signedPreKeys.TryGetValue(id, out SignedPreKeyRecord? r) ? r.Copy() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Replace(_signedPreKeys, id, record.Copy());
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_kyberPreKeys.TryGetValue(id, out KyberPreKeyRecord? r) ? r.Copy() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Replace(_kyberPreKeys, id, record.Copy());
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_kyberPreKeys.TryGetValue(id, out KyberPreKeyRecord? record))
            {
                return ValueTask.CompletedTask;
            }

            if (record.IsLastResort)
            {
                if (!_usedLastResort.Add((id, signedPreKeyId, baseKey)))
                {
                    throw new SignalProtocolException(SignalError.ReusedBaseKey, "reused base key");
                }
            }
            else
            {
                _kyberPreKeys.Remove(id);
                record.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_sessions.TryGetValue(address, out SessionRecord? r) ? r.Clone() : null);
        }
    }

    /// <inheritdoc />
    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (address is null)
        {
            record.Dispose();
            throw new ArgumentNullException(nameof(address));
        }

        lock (_lock)
        {
            if (_sessions.TryGetValue(address, out SessionRecord? old) && ReferenceEquals(old, record))
            {
                return ValueTask.CompletedTask;
            }

            Replace(_sessions, address, record);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The store's own record for <paramref name="address"/> (not a copy), for tests of ownership.</summary>
    internal SessionRecord? StoredSession(ProtocolAddress address)
    {
        lock (_lock)
        {
            return _sessions.GetValueOrDefault(address);
        }
    }

    /// <summary>Disposes the identity and every stored prekey and session.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _identity.Dispose();
            foreach (PreKeyRecord r in _preKeys.Values)
            {
                r.Dispose();
            }

            foreach (SignedPreKeyRecord r in _signedPreKeys.Values)
            {
                r.Dispose();
            }

            foreach (KyberPreKeyRecord r in _kyberPreKeys.Values)
            {
                r.Dispose();
            }

            foreach (SessionRecord r in _sessions.Values)
            {
                r.Dispose();
            }
        }
    }

    private static void Replace<TKey, TRecord>(Dictionary<TKey, TRecord> map, TKey key, TRecord record)
        where TKey : notnull
        where TRecord : IDisposable
    {
        if (map.Remove(key, out TRecord? old))
        {
            old.Dispose();
        }

        map.Add(key, record);
    }

    /// <summary>Counts only.</summary>
    public override string ToString() => $"InMemorySignalProtocolStore({_sessions.Count} sessions)";
}
