// In-memory implementation of every Signal store, with trust on first use (like libsignal's storage/inmem.rs).
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
            return ValueTask.FromResult(_preKeys.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _preKeys[id] = record;
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
            return ValueTask.FromResult(_signedPreKeys.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _signedPreKeys[id] = record;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_kyberPreKeys.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _kyberPreKeys[id] = record;
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
            return ValueTask.FromResult(_sessions.GetValueOrDefault(address));
        }
    }

    /// <inheritdoc />
    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _sessions[address] = record;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Disposes the identity and every stored prekey.</summary>
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

    /// <summary>Counts only.</summary>
    public override string ToString() => $"InMemorySignalProtocolStore({_sessions.Count} sessions)";
}
