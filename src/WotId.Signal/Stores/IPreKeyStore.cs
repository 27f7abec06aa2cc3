// One-time prekey store contract (libsignal storage/traits.rs PreKeyStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>One-time EC prekeys.</summary>
public interface IPreKeyStore
{
    /// <summary>A new copy of the prekey with <paramref name="id"/>, owned by the caller (who disposes it), or null.</summary>
    ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default);

    /// <summary>Stores a copy of the prekey; the caller keeps ownership of <paramref name="record"/>.</summary>
    ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Removes a used prekey.</summary>
    ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default);
}
