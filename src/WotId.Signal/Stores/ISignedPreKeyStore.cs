// Signed prekey store contract (libsignal storage/traits.rs SignedPreKeyStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>Signed EC prekeys.</summary>
public interface ISignedPreKeyStore
{
    /// <summary>A new copy of the signed prekey with <paramref name="id"/>, owned by the caller (who disposes it), or null.</summary>
    ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default);

    /// <summary>Stores a copy of the signed prekey; the caller keeps ownership of <paramref name="record"/>.</summary>
    ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default);
}
