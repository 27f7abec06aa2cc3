// All stores a Signal session needs (libsignal storage/traits.rs ProtocolStore).
namespace WotId.Signal.Stores;

/// <summary>The union of the identity, prekey, signed prekey, Kyber prekey and session stores.</summary>
public interface ISignalProtocolStore : IIdentityKeyStore, IPreKeyStore, ISignedPreKeyStore, IKyberPreKeyStore, ISessionStore
{
}
