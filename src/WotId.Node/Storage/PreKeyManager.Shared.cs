// The bundle of an invitation (docs/node.md "Invitations": "an invitation shown to many should leave the one-time
// prekey out"): the newest signed prekey and the newest last-resort Kyber prekey, no one-time keys at all, so that
// every contact who uses the invitation can start a session from it (a one-time Kyber key would work only once).
// Nothing is marked handed out.
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;

namespace WotId.Node.Storage;

internal sealed partial class PreKeyManager
{
    /// <summary>A bundle for many readers: signed prekey and last-resort Kyber prekey, no one-time prekey.</summary>
    /// <exception cref="System.InvalidOperationException">No signed or last-resort prekey yet (run <see cref="ReplenishAsync"/> first).</exception>
    internal async Task<PreKeyBundle> CreateSharedBundleAsync(CancellationToken cancellationToken = default)
    {
        IdentityKeyPair identity = await _store.GetIdentityKeyPairAsync(cancellationToken).ConfigureAwait(false);
        uint registrationId = await _store.GetLocalRegistrationIdAsync(cancellationToken).ConfigureAwait(false);
        (long? spkId, long? kyberId) = _db.Read(c => (
            ProfileDatabase.Scalar(c, null, "SELECT id FROM signal_signed_prekeys ORDER BY created_at DESC, id DESC LIMIT 1") as long?,
            ProfileDatabase.Scalar(c, null, "SELECT id FROM signal_kyber_prekeys WHERE last_resort = 1 ORDER BY created_at DESC, id DESC LIMIT 1") as long?));
        if (spkId is null || kyberId is null)
        {
            throw new System.InvalidOperationException("no signed or last-resort prekey yet: replenish the prekeys first");
        }

        using SignedPreKeyRecord spk = await _store.LoadSignedPreKeyAsync((uint)spkId.Value, cancellationToken).ConfigureAwait(false) ?? throw Vanished();
        using KyberPreKeyRecord kyber = await _store.LoadKyberPreKeyAsync((uint)kyberId.Value, cancellationToken).ConfigureAwait(false) ?? throw Vanished();
        return new PreKeyBundle(
            registrationId, DeviceId, null, null, spk.Id, spk.KeyPair.PublicKey, spk.Signature,
            identity.PublicKey, kyber.Id, kyber.KeyPair.PublicKey, kyber.Signature);
    }
}
