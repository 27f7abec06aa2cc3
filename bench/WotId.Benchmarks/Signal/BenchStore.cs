// A store for benchmarks: the in-memory store, except that used prekeys stay (so one bundle serves every iteration).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Benchmarks.Signal;

/// <summary>Delegates to <see cref="InMemorySignalProtocolStore"/> but never deletes prekeys.</summary>
internal sealed class BenchStore(InMemorySignalProtocolStore inner) : ISignalProtocolStore
{
    public InMemorySignalProtocolStore Inner { get; } = inner;

    public ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default) => Inner.GetIdentityKeyPairAsync(cancellationToken);

    public ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default) => Inner.GetLocalRegistrationIdAsync(cancellationToken);

    public ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default) => Inner.SaveIdentityAsync(address, identityKey, cancellationToken);

    public ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    public ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default) => Inner.GetIdentityAsync(address, cancellationToken);

    public ValueTask<PreKeyRecord?> LoadPreKeyAsync(uint id, CancellationToken cancellationToken = default) => Inner.LoadPreKeyAsync(id, cancellationToken);

    public ValueTask StorePreKeyAsync(uint id, PreKeyRecord record, CancellationToken cancellationToken = default) => Inner.StorePreKeyAsync(id, record, cancellationToken);

    public ValueTask RemovePreKeyAsync(uint id, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<SignedPreKeyRecord?> LoadSignedPreKeyAsync(uint id, CancellationToken cancellationToken = default) => Inner.LoadSignedPreKeyAsync(id, cancellationToken);

    public ValueTask StoreSignedPreKeyAsync(uint id, SignedPreKeyRecord record, CancellationToken cancellationToken = default) => Inner.StoreSignedPreKeyAsync(id, record, cancellationToken);

    public ValueTask<KyberPreKeyRecord?> LoadKyberPreKeyAsync(uint id, CancellationToken cancellationToken = default) => Inner.LoadKyberPreKeyAsync(id, cancellationToken);

    public ValueTask StoreKyberPreKeyAsync(uint id, KyberPreKeyRecord record, CancellationToken cancellationToken = default) => Inner.StoreKyberPreKeyAsync(id, record, cancellationToken);

    public ValueTask MarkKyberPreKeyUsedAsync(uint id, uint signedPreKeyId, EcPublicKey baseKey, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default) => Inner.LoadSessionAsync(address, cancellationToken);

    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default) => Inner.StoreSessionAsync(address, record, cancellationToken);
}
