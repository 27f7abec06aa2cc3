// Identity store contract (libsignal rust/protocol/src/storage/traits.rs IdentityKeyStore).
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Signal.Stores;

/// <summary>Our identity and registration id, and the remote identities we have seen.</summary>
public interface IIdentityKeyStore
{
    /// <summary>Our identity key pair. The store owns it for as long as the store lives: callers use it and never dispose it.</summary>
    ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default);

    /// <summary>Our registration id.</summary>
    ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="identityKey"/> for <paramref name="address"/>; reports whether it replaced another key.</summary>
    ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="identityKey"/> is acceptable for <paramref name="address"/>.</summary>
    ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default);

    /// <summary>The stored identity of <paramref name="address"/>, if any.</summary>
    ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default);
}
