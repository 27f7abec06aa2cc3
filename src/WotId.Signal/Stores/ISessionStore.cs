// Session store contract (libsignal rust/protocol/src/storage/traits.rs SessionStore). libsignal's stores serialize
// records on store and parse them on load (storage/inmem.rs keeps SessionRecord values and hands out clones). Loads
// behave the same here; a store call, unlike libsignal's (which borrows the record), takes the record over, so an
// in-memory store keeps it as it is instead of copying it (issue 15: two deep copies fewer per message) and a
// persistent store serializes it and disposes it at once.
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.State;

namespace WotId.Signal.Stores;

/// <summary>
/// Session records per remote device.
/// <para>
/// Ownership: <see cref="LoadSessionAsync"/> returns a new, independent record (a deep copy, as parsing stored bytes
/// gives) that the caller owns and disposes. <see cref="StoreSessionAsync"/> takes ownership of the record it is given,
/// whether it completes or throws: the store may keep that very object (an in-memory store does) or serialize it and
/// dispose it (a persistent store does), and the caller must neither use nor dispose it afterwards. A store disposes
/// the records it holds when it replaces them and when it is itself disposed.
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
    /// Stores <paramref name="record"/> for <paramref name="address"/>, replacing (and disposing) the previous one, and
    /// takes ownership of it even when the call throws: the caller must not use or dispose <paramref name="record"/>
    /// afterwards (load a new copy instead).
    /// </summary>
    ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default);
}
