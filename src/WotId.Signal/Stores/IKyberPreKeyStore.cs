// Kyber prekey store contract (libsignal storage/traits.rs KyberPreKeyStore): one-time keys are deleted after use;
// for last-resort keys a repeated (kyber id, signed prekey id, base key) triple must be refused (libsignal
// storage/inmem.rs: "reused base key"). Called with the store-wide prekey lock held (see SessionCipher).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>Signed Kyber-1024 prekeys.</summary>
public interface IKyberPreKeyStore
{
    /// <summary>A new copy of the Kyber prekey with <paramref name="id"/>, owned by the caller (who disposes it), or null.</summary>
    ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default);

    /// <summary>Stores a copy of the Kyber prekey; the caller keeps ownership of <paramref name="record"/>.</summary>
    ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called after a PreKey message decrypted: delete a one-time key; for a last-resort key throw
    /// <see cref="SignalProtocolException"/> (<see cref="SignalError.ReusedBaseKey"/>) when this base key was seen before.
    /// </summary>
    ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default);
}
