// Seeds for the Signal decoders: a real PQXDH session between two in-memory stores (libsignal's session flow), whose
// bundle, first (prekey) message, reply, session record and key records are the seeds; plus a scannable fingerprint.
using System.Collections.Generic;
using System.Threading.Tasks;
using WotId.Signal;
using WotId.Signal.Fingerprints;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Stores;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static List<Seed> Signal() => SignalAsync().GetAwaiter().GetResult();

    private static async Task<List<Seed>> SignalAsync()
    {
        var seeds = new List<Seed>();
        var aliceAddress = new ProtocolAddress("alice", 1);
        var bobAddress = new ProtocolAddress("bob", 1);
        using IdentityKeyPair aliceIdentity = IdentityKeyPair.Generate();
        using IdentityKeyPair bobIdentity = IdentityKeyPair.Generate();
        using var alice = new InMemorySignalProtocolStore(aliceIdentity, 1);
        using var bob = new InMemorySignalProtocolStore(bobIdentity, 2);

        using SignedPreKeyRecord signed = SignedPreKeyRecord.Generate(bobIdentity, 1, 1_700_000_000_000);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(bobIdentity, 2, 1_700_000_000_000);
        using PreKeyRecord oneTime = PreKeyRecord.Generate(3);
        await bob.StoreSignedPreKeyAsync(1, signed).ConfigureAwait(false);
        await bob.StoreKyberPreKeyAsync(2, kyber).ConfigureAwait(false);
        await bob.StorePreKeyAsync(3, oneTime).ConfigureAwait(false);
        var bundle = new PreKeyBundle(
            2, 1, 3, oneTime.KeyPair.PublicKey, 1, signed.KeyPair.PublicKey, signed.Signature,
            bobIdentity.PublicKey, 2, kyber.KeyPair.PublicKey, kyber.Signature);
        seeds.Add(new Seed("signal-bundle", "bundle", bundle.Serialize()));
        seeds.Add(new Seed("signal-ec-public-key", "identity", bobIdentity.PublicKey.Serialize()));
        seeds.Add(new Seed("signal-kyber-public-key", "kyber1024", kyber.KeyPair.PublicKey.Serialize()));
        seeds.Add(new Seed("signal-prekey-records", "identity", [0, .. aliceIdentity.Serialize()]));
        seeds.Add(new Seed("signal-prekey-records", "prekey", [1, .. oneTime.Serialize()]));
        seeds.Add(new Seed("signal-prekey-records", "signed-prekey", [2, .. signed.Serialize()]));
        seeds.Add(new Seed("signal-prekey-records", "kyber-prekey", [3, .. kyber.Serialize()]));

        await new SessionBuilder(alice, bobAddress).ProcessPreKeyBundleAsync(bundle).ConfigureAwait(false);
        var aliceCipher = new SessionCipher(alice, bobAddress);
        var bobCipher = new SessionCipher(bob, aliceAddress);
        CiphertextMessage first = await aliceCipher.EncryptAsync("hello bob"u8.ToArray()).ConfigureAwait(false);
        seeds.Add(new Seed("signal-prekey-message", "first", first.Serialized));
        await bobCipher.DecryptAsync(first).ConfigureAwait(false);
        CiphertextMessage reply = await bobCipher.EncryptAsync("hello alice"u8.ToArray()).ConfigureAwait(false);
        seeds.Add(new Seed("signal-message", "reply", reply.Serialized));
        await aliceCipher.DecryptAsync(reply).ConfigureAwait(false);
        CiphertextMessage second = await aliceCipher.EncryptAsync("and again"u8.ToArray()).ConfigureAwait(false);
        seeds.Add(new Seed("signal-message", "second", second.Serialized));
        using (var record = await alice.LoadSessionAsync(bobAddress).ConfigureAwait(false))
        {
            seeds.Add(new Seed("signal-session-record", "alice", record!.Serialize()));
        }

        Fingerprint fingerprint = Fingerprint.Create(2, 2, "alice"u8, aliceIdentity.PublicKey, "bob"u8, bobIdentity.PublicKey);
        seeds.Add(new Seed("signal-fingerprint", "v2", fingerprint.Scannable.Serialize()));
        return seeds;
    }
}
