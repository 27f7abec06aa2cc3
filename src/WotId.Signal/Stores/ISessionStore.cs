// Session store contract (libsignal storage/traits.rs SessionStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.State;

namespace WotId.Signal.Stores;

/// <summary>Session records per remote device.</summary>
public interface ISessionStore
{
    /// <summary>The record for <paramref name="address"/>, or null. The caller may keep using the returned object.</summary>
    ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default);

    /// <summary>Stores the record for <paramref name="address"/>.</summary>
    ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default);
}
