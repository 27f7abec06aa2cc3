// All stores a Signal session needs (libsignal storage/traits.rs ProtocolStore).
namespace WotId.Signal.Stores;

/// <summary>
/// The union of the identity, prekey, signed prekey, Kyber prekey and session stores. Every record a load returns is a
/// new copy owned by the caller, and every record passed to a store method stays the caller's (see
/// <see cref="ISessionStore"/> for the ownership and concurrency contract); the identity key pair belongs to the store.
/// </summary>
public interface ISignalProtocolStore : IIdentityKeyStore, IPreKeyStore, ISignedPreKeyStore, IKyberPreKeyStore, ISessionStore
{
}
