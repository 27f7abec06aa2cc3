using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Signal.Tests.Support;

/// <summary>
/// The in-memory store, recording every record it hands out so tests can check that its caller disposed them.
/// With <see cref="TrustIncoming"/> it trusts every identity on receipt, as Signal's own apps do.
/// </summary>
internal sealed class RecordingStore(InMemorySignalProtocolStore inner) : ISignalProtocolStore
{
    internal InMemorySignalProtocolStore Inner { get; } = inner;

    internal bool TrustIncoming { get; init; }

    internal ConcurrentQueue<SessionRecord> LoadedSessions { get; } = [];

    /// <summary>The root key of each loaded record's current session, as loaded.</summary>
    internal ConcurrentQueue<RatchetSecret> LoadedRootKeys { get; } = [];

    internal ConcurrentQueue<System.IDisposable> LoadedPreKeys { get; } = [];

    public ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default) => Inner.GetIdentityKeyPairAsync(cancellationToken);

    public ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default) => Inner.GetLocalRegistrationIdAsync(cancellationToken);

    public ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default) =>
        Inner.SaveIdentityAsync(address, identityKey, cancellationToken);

    public ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default) =>
        TrustIncoming && direction == Direction.Receiving ? ValueTask.FromResult(true) : Inner.IsTrustedIdentityAsync(address, identityKey, direction, cancellationToken);

    public ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default) => Inner.GetIdentityAsync(address, cancellationToken);

    public async ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        Record(await Inner.LoadPreKeyAsync(id, cancellationToken));

    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default) => Inner.StorePreKeyAsync(id, record, cancellationToken);

    public ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default) => Inner.RemovePreKeyAsync(id, cancellationToken);

    public async ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        Record(await Inner.LoadSignedPreKeyAsync(id, cancellationToken));

    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default) =>
        Inner.StoreSignedPreKeyAsync(id, record, cancellationToken);

    public async ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default) =>
        Record(await Inner.LoadKyberPreKeyAsync(id, cancellationToken));

    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default) =>
        Inner.StoreKyberPreKeyAsync(id, record, cancellationToken);

    public ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default) =>
        Inner.MarkKyberPreKeyUsedAsync(id, signedPreKeyId, baseKey, cancellationToken);

    public async ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default)
    {
        SessionRecord? record = await Inner.LoadSessionAsync(address, cancellationToken);
        if (record is not null)
        {
            LoadedSessions.Enqueue(record);
            if (record.Current is { } current)
            {
                LoadedRootKeys.Enqueue(current.RootKey);
            }
        }

        return record;
    }

    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default) =>
        Inner.StoreSessionAsync(address, record, cancellationToken);

    private T? Record<T>(T? record)
        where T : class, System.IDisposable
    {
        if (record is not null)
        {
            LoadedPreKeys.Enqueue(record);
        }

        return record;
    }
}
