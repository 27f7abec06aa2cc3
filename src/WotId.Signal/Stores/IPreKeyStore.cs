// One-time prekey store contract (libsignal storage/traits.rs PreKeyStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>One-time EC prekeys.</summary>
public interface IPreKeyStore
{
    /// <summary>The prekey with <paramref name="id"/>, or null.</summary>
    ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default);

    /// <summary>Stores a prekey.</summary>
    ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Removes a used prekey.</summary>
    ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default);
}
