// Session store contract (libsignal rust/protocol/src/storage/traits.rs SessionStore). libsignal's stores serialize
// records on store and parse them on load (storage/inmem.rs keeps SessionRecord values and hands out clones); the
// contract below states the same ownership so that an in-memory and a persistent store behave alike.
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.State;

namespace WotId.Signal.Stores;

/// <summary>
/// Session records per remote device.
/// <para>
/// Ownership: <see cref="LoadSessionAsync"/> returns a new, independent record (a deep copy, as parsing stored bytes
/// gives) that the caller owns and disposes; <see cref="StoreSessionAsync"/> keeps a copy of the state of the record
/// it is given (as serializing it would) and never keeps or disposes the argument, which stays the caller's. A store
/// disposes its own copies when it replaces them and when it is itself disposed.
/// </para>
/// <para>
/// Concurrency: implementations must be safe to call from several threads. They need not serialize whole operations:
/// <see cref="SessionCipher"/> and <see cref="SessionBuilder"/> run at most one operation per address at a time for
/// each store object (load, change, store), and operations on different addresses run in parallel. Two store objects
/// over the same database (or two processes) do not share that lock; a persistent store used that way must add its
/// own (for example a transaction per operation). The lock is not re-entrant: a store must not call back into a
/// cipher or builder over itself.
/// </para>
/// </summary>
public interface ISessionStore
{
    /// <summary>A new copy of the record for <paramref name="address"/>, owned by the caller (who disposes it), or null.</summary>
    ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a copy of <paramref name="record"/> for <paramref name="address"/>, replacing (and disposing) the previous
    /// copy. The caller keeps ownership of <paramref name="record"/>; changing or disposing it later does not affect the store.
    /// </summary>
    ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default);
}
