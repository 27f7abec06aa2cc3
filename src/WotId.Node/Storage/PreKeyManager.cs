// Prekey life cycle as the Signal apps run it over libsignal: an initial signed prekey, a pool of one-time EC and
// Kyber-1024 prekeys plus a last-resort Kyber prekey (libsignal rust/protocol/src/state/kyber_prekey.rs); pools are
// refilled below a threshold, the signed and last-resort keys rotate after an age and replaced ones are kept for a
// while for messages in flight (see PreKeyPolicy). A bundle hands out the newest signed key, one unused one-time EC
// key if any, and one unused one-time Kyber key or else the last-resort one; handed-out keys are marked so that no
// two peers get the same one, and used one-time keys are removed by the store (SessionBuilder calls
// RemovePreKeyAsync and MarkKyberPreKeyUsedAsync). Ids are 24-bit like the Signal apps' (Medium.MAX_VALUE) and wrap.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Signal.Keys;
using WotId.Signal.Stores;

namespace WotId.Node.Storage;

/// <summary>Keeps the profile's prekeys topped up and rotated, and builds bundles.</summary>
internal sealed partial class PreKeyManager : IDisposable
{
    /// <summary>Largest prekey id (24 bits).</summary>
    internal const uint MaxId = 0xFFFFFF;

    /// <summary>The device id every bundle names (one device per profile).</summary>
    internal const uint DeviceId = 1;

    private readonly ProfileDatabase _db;
    private readonly SqliteSignalProtocolStore _store;
    private readonly PreKeyPolicy _policy;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    internal PreKeyManager(ProfileDatabase db, SqliteSignalProtocolStore store, PreKeyPolicy? policy = null, TimeProvider? time = null)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _policy = policy ?? PreKeyPolicy.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Tops up the pools, rotates old signed and last-resort keys, and deletes replaced keys past the keep period.</summary>
    internal async Task<PreKeyMaintenance> ReplenishAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IdentityKeyPair identity = await _store.GetIdentityKeyPairAsync(cancellationToken).ConfigureAwait(false);
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            (long unusedOneTime, long unusedKyber, long? signedAt, long? lastResortAt) = _db.Read(c => (
                Count(c, "SELECT COUNT(*) FROM signal_prekeys WHERE handed_out = 0"),
                Count(c, "SELECT COUNT(*) FROM signal_kyber_prekeys WHERE last_resort = 0 AND handed_out = 0"),
                ProfileDatabase.Scalar(c, null, "SELECT MAX(created_at) FROM signal_signed_prekeys") as long?,
                ProfileDatabase.Scalar(c, null, "SELECT MAX(created_at) FROM signal_kyber_prekeys WHERE last_resort = 1") as long?));

            int addOneTime = unusedOneTime < _policy.RefillBelow ? _policy.OneTimePoolSize - (int)unusedOneTime : 0;
            int addKyber = unusedKyber < _policy.RefillBelow ? _policy.KyberPoolSize - (int)unusedKyber : 0;
            long rotateMs = (long)_policy.RotateAfter.TotalMilliseconds;
            bool rotateSigned = signedAt is not long s || now - s >= rotateMs;
            bool rotateLastResort = lastResortAt is not long l || now - l >= rotateMs;

            // Key generation (Kyber-1024 especially) is CPU work done before the transaction, not inside it.
            var oneTime = new List<PreKeyRecord>();
            var kyber = new List<KyberPreKeyRecord>();
            var signed = new List<SignedPreKeyRecord>();
            try
            {
                uint nextPreKey = NextId("prekeys.next_id.one_time"), nextKyber = NextId("prekeys.next_id.kyber"), nextSigned = NextId("prekeys.next_id.signed");
                for (int i = 0; i < addOneTime; i++)
                {
                    oneTime.Add(PreKeyRecord.Generate(nextPreKey));
                    nextPreKey = Following(nextPreKey);
                }

                for (int i = 0; i < addKyber + (rotateLastResort ? 1 : 0); i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    bool lastResort = rotateLastResort && i == addKyber;
                    kyber.Add(KyberPreKeyRecord.Generate(identity, nextKyber, (ulong)now, lastResort));
                    nextKyber = Following(nextKyber);
                }

                if (rotateSigned)
                {
                    signed.Add(SignedPreKeyRecord.Generate(identity, nextSigned, (ulong)now));
                    nextSigned = Following(nextSigned);
                }

                int removed = _db.Write((c, t) =>
                {
                    foreach (PreKeyRecord r in oneTime)
                    {
                        _store.InsertPreKey(c, t, r.Id, r);
                    }

                    foreach (KyberPreKeyRecord r in kyber)
                    {
                        _store.InsertKyberPreKey(c, t, r.Id, r);
                    }

                    foreach (SignedPreKeyRecord r in signed)
                    {
                        _store.InsertSignedPreKey(c, t, r.Id, r);
                    }

                    ProfileValues.SetInt64(c, t, "prekeys.next_id.one_time", nextPreKey);
                    ProfileValues.SetInt64(c, t, "prekeys.next_id.kyber", nextKyber);
                    ProfileValues.SetInt64(c, t, "prekeys.next_id.signed", nextSigned);
                    return RemoveReplaced(c, t, now - (long)_policy.KeepReplacedFor.TotalMilliseconds);
                });
                return new PreKeyMaintenance(oneTime.Count, addKyber, rotateSigned, rotateLastResort, removed);
            }
            finally
            {
                oneTime.ForEach(r => r.Dispose());
                kyber.ForEach(r => r.Dispose());
                signed.ForEach(r => r.Dispose());
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The current bundle: newest signed prekey, one unused one-time EC prekey (if any), one unused one-time Kyber
    /// prekey or else the newest last-resort one. The one-time keys it names are marked as handed out.
    /// </summary>
    /// <exception cref="InvalidOperationException">No signed or last-resort prekey yet (run <see cref="ReplenishAsync"/> first).</exception>
    internal async Task<PreKeyBundle> CreateBundleAsync(CancellationToken cancellationToken = default)
    {
        IdentityKeyPair identity = await _store.GetIdentityKeyPairAsync(cancellationToken).ConfigureAwait(false);
        uint registrationId = await _store.GetLocalRegistrationIdAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            (long? spkId, long? opkId, long? kyberId) = _db.Write((c, t) =>
            {
                long? spk = ProfileDatabase.Scalar(c, t, "SELECT id FROM signal_signed_prekeys ORDER BY created_at DESC, id DESC LIMIT 1") as long?;
                long? opk = ProfileDatabase.Scalar(c, t, "SELECT id FROM signal_prekeys WHERE handed_out = 0 ORDER BY created_at, id LIMIT 1") as long?;
                long? kyb = ProfileDatabase.Scalar(c, t, "SELECT id FROM signal_kyber_prekeys WHERE last_resort = 0 AND handed_out = 0 ORDER BY created_at, id LIMIT 1") as long?;
                if (opk is long o)
                {
                    ProfileDatabase.Execute(c, t, "UPDATE signal_prekeys SET handed_out = $2 WHERE id = $1", o, now);
                }

                if (kyb is long k)
                {
                    ProfileDatabase.Execute(c, t, "UPDATE signal_kyber_prekeys SET handed_out = $2 WHERE id = $1", k, now);
                }
                else
                {
                    kyb = ProfileDatabase.Scalar(c, t, "SELECT id FROM signal_kyber_prekeys WHERE last_resort = 1 ORDER BY created_at DESC, id DESC LIMIT 1") as long?;
                }

                return (spk, opk, kyb);
            }, durable: false); // a hint: if lost, a one-time key may be handed out twice, and the second use fails cleanly
            if (spkId is null || kyberId is null)
            {
                throw new InvalidOperationException("no signed or last-resort prekey yet: replenish the prekeys first");
            }

            using SignedPreKeyRecord spk = await _store.LoadSignedPreKeyAsync((uint)spkId.Value, cancellationToken).ConfigureAwait(false) ?? throw Vanished();
            using KyberPreKeyRecord kyber = await _store.LoadKyberPreKeyAsync((uint)kyberId.Value, cancellationToken).ConfigureAwait(false) ?? throw Vanished();
            using PreKeyRecord? opk = opkId is long id ? await _store.LoadPreKeyAsync((uint)id, cancellationToken).ConfigureAwait(false) ?? throw Vanished() : null;
            return new PreKeyBundle(
                registrationId, DeviceId, opk?.Id, opk?.KeyPair.PublicKey, spk.Id, spk.KeyPair.PublicKey, spk.Signature,
                identity.PublicKey, kyber.Id, kyber.KeyPair.PublicKey, kyber.Signature);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public override string ToString() => "PreKeyManager";

    private static long Count(SqliteConnection c, string sql) => (long)ProfileDatabase.Scalar(c, null, sql)!;

    private static uint Following(uint id) => id >= MaxId ? 1 : id + 1;

    /// <summary>A prekey row chosen for the bundle was deleted before it was read (another writer on the same file).</summary>
    private static WotId.Node.Profile.ProfileException Vanished() =>
        new(WotId.Node.Profile.ProfileError.Corrupt, "a prekey disappeared while the bundle was built");

    /// <summary>
    /// Deletes signed and last-resort keys created before <paramref name="cutoff"/> (never the newest of each), and
    /// one-time keys handed out before it that were never used.
    /// </summary>
    private static int RemoveReplaced(SqliteConnection c, SqliteTransaction t, long cutoff)
    {
        ProfileDatabase.Execute(c, t, "DELETE FROM signal_prekeys WHERE handed_out <> 0 AND handed_out < $1", cutoff);
        ProfileDatabase.Execute(c, t, "DELETE FROM signal_kyber_prekeys WHERE last_resort = 0 AND handed_out <> 0 AND handed_out < $1", cutoff);
        int n = ProfileDatabase.Execute(c, t,
            "DELETE FROM signal_signed_prekeys WHERE created_at < $1 AND id <> (SELECT id FROM signal_signed_prekeys ORDER BY created_at DESC, id DESC LIMIT 1)", cutoff);
        n += ProfileDatabase.Execute(c, t,
            "DELETE FROM signal_kyber_prekeys WHERE last_resort = 1 AND created_at < $1 AND id <> " +
            "(SELECT id FROM signal_kyber_prekeys WHERE last_resort = 1 ORDER BY created_at DESC, id DESC LIMIT 1)", cutoff);
        ProfileDatabase.Execute(c, t, "DELETE FROM signal_kyber_used WHERE kyber_id NOT IN (SELECT id FROM signal_kyber_prekeys)");
        return n;
    }

    private uint NextId(string key)
    {
        long? stored = _db.Read(c => ProfileValues.GetInt64(c, null, key));
        return stored switch
        {
            null => (uint)System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, (int)MaxId),
            >= 1 and <= MaxId => (uint)stored.Value,
            _ => throw new WotId.Node.Profile.ProfileException(WotId.Node.Profile.ProfileError.Corrupt, "stored prekey id counter is out of range"),
        };
    }
}
