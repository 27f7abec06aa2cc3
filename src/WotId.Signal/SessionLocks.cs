// One asynchronous lock per remote address, per store object. libsignal gets the same guarantee from Rust's borrow
// rules: every session operation takes the store as `&mut dyn SessionStore` (rust/protocol/src/session_cipher.rs,
// session.rs), so two operations on one store never interleave. Here operations on one address run one at a time and
// operations on different addresses run in parallel. A second, store-wide lock covers the consumption of prekeys by
// PreKey messages that create sessions, so one one-time prekey cannot be consumed by two senders at once.
//
// | limit | value |
// | --- | --- |
// | entries in the table | one per address with an operation in flight (an entry is removed with its last user) |
// | waiters per address | unbounded, as the callers' own operations are; each waiter can be cancelled |
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Stores;

namespace WotId.Signal;

/// <summary>The per-address locks of one store: <see cref="SessionCipher"/> and <see cref="SessionBuilder"/> take them.</summary>
internal sealed class SessionLocks
{
    private static readonly ConditionalWeakTable<ISignalProtocolStore, SessionLocks> s_byStore = [];

    private readonly Lock _gate = new();
    private readonly Dictionary<ProtocolAddress, Entry> _entries = [];
    private readonly Entry _preKeys = new();

    /// <summary>Number of addresses with an operation in flight (the table's size).</summary>
    internal int ActiveAddresses
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The locks shared by every cipher and builder over <paramref name="store"/> (kept as long as the store lives).</summary>
    internal static SessionLocks For(ISignalProtocolStore store) => s_byStore.GetValue(store, static _ => new SessionLocks());

    /// <summary>Waits until no other operation on <paramref name="address"/> runs; dispose the result to let the next one in.</summary>
    internal async ValueTask<Releaser> AcquireAsync(ProtocolAddress address, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(address, out Entry? existing))
            {
                existing = new Entry();
                _entries.Add(address, existing);
            }

            entry = existing;
            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(address, entry);
            throw;
        }

        return new Releaser(this, address, entry);
    }

    /// <summary>Waits for the store-wide prekey lock (taken after an address lock, never before one).</summary>
    internal async ValueTask<Releaser> AcquirePreKeysAsync(CancellationToken cancellationToken)
    {
        await _preKeys.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(this, null, _preKeys);
    }

    private void Leave(ProtocolAddress address, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(address);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Releases a lock taken by <see cref="AcquireAsync"/> or <see cref="AcquirePreKeysAsync"/>.</summary>
    internal readonly struct Releaser(SessionLocks owner, ProtocolAddress? address, Entry entry) : System.IDisposable
    {
        public void Dispose()
        {
            entry.Semaphore.Release();
            if (address is not null)
            {
                owner.Leave(address, entry);
            }
        }
    }

    /// <summary>A semaphore and the number of operations holding or waiting for it.</summary>
    internal sealed class Entry
    {
        internal SemaphoreSlim Semaphore { get; } = new(1, 1);

        internal int Users { get; set; }
    }
}
