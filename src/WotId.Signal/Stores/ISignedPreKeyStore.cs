// Signed prekey store contract (libsignal storage/traits.rs SignedPreKeyStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>Signed EC prekeys.</summary>
public interface ISignedPreKeyStore
{
    /// <summary>The signed prekey with <paramref name="id"/>, or null.</summary>
    ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default);

    /// <summary>Stores a signed prekey.</summary>
    ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default);
}
