using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WotId.Node.Profile;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.State;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Signal sessions whose every store is the SQLite profile store.</summary>
public sealed class SqliteSignalSessionTests
{
    private static readonly ProtocolAddress s_alice = new("alice", 1);
    private static readonly ProtocolAddress s_bob = new("bob", 1);

    [Fact]
    public async Task PqxdhSessionCarriesTwoHundredMessagesAndContinuesAfterBothStoresReopen()
    {
        using var t = new TestProfiles();
        int n = 0;
        using (NodeProfile alice = await t.CreateAsync("alice", mailbox: false))
        using (NodeProfile bob = await t.CreateAsync("bob", mailbox: false))
        {
            PreKeyBundle bundle = await bob.PreKeys.CreateBundleAsync(TestProfiles.Ct);
            await new SessionBuilder(alice.SignalStore, s_bob).ProcessPreKeyBundleAsync(bundle, TestProfiles.Ct);
            n = await ExchangeAsync(alice, bob, n, 200);

            // The one-time keys of the bundle were used and removed; the signed prekey stays.
            Assert.Null(await bob.SignalStore.LoadPreKeyAsync(bundle.PreKeyId!.Value, TestProfiles.Ct));
            Assert.Null(await bob.SignalStore.LoadKyberPreKeyAsync(bundle.KyberPreKeyId, TestProfiles.Ct));
            using SignedPreKeyRecord? spk = await bob.SignalStore.LoadSignedPreKeyAsync(bundle.SignedPreKeyId, TestProfiles.Ct);
            Assert.NotNull(spk);
        }

        using (NodeProfile alice = await t.OpenAsync("alice"))
        using (NodeProfile bob = await t.OpenAsync("bob"))
        {
            n = await ExchangeAsync(alice, bob, n, 60);
            using SessionRecord? record = await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct);
            Assert.True(record!.HasCurrentState);
            Assert.Equal(bob.RegistrationId, record.RemoteRegistrationId);
            Assert.Equal(bob.SignalIdentityKey, await alice.SignalStore.GetIdentityAsync(s_bob, TestProfiles.Ct));
        }

        Assert.Equal(260, n);
    }

    [Fact]
    public async Task LoadsReturnIndependentCopies()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        using NodeProfile bob = await t.CreateAsync("bob", mailbox: false);
        await new SessionBuilder(alice.SignalStore, s_bob).ProcessPreKeyBundleAsync(await bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct);
        SessionRecord first = (await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct))!;
        byte[] stored = first.Serialize();
        first.ArchiveCurrentState();
        first.Dispose();
        using SessionRecord second = (await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct))!;
        Assert.Equal(stored, second.Serialize());
        Assert.True(second.HasCurrentState);
    }

    [Fact]
    public async Task StoringARecordWritesItsBytesAndDisposesTheRecordItTookOver()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        using NodeProfile bob = await t.CreateAsync("bob", mailbox: false);
        await new SessionBuilder(alice.SignalStore, s_bob).ProcessPreKeyBundleAsync(await bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct);
        SessionRecord given = (await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct))!;
        byte[] bytes = given.Serialize();

        await alice.SignalStore.StoreSessionAsync(s_bob, given, TestProfiles.Ct);

        Assert.False(given.HasCurrentState);
        using SessionRecord loaded = (await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct))!;
        Assert.Equal(bytes, loaded.Serialize());
    }

    [Fact]
    public async Task ChangedRemoteIdentityIsReportedAndUntrustedUntilSaved()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        using var k1 = IdentityKeyPair.Generate();
        using var k2 = IdentityKeyPair.Generate();
        Assert.True(await alice.SignalStore.IsTrustedIdentityAsync(s_bob, k1.PublicKey, WotId.Signal.Stores.Direction.Sending, TestProfiles.Ct));
        Assert.Equal(WotId.Signal.Stores.IdentityChange.NewOrUnchanged, await alice.SignalStore.SaveIdentityAsync(s_bob, k1.PublicKey, TestProfiles.Ct));
        Assert.False(await alice.SignalStore.IsTrustedIdentityAsync(s_bob, k2.PublicKey, WotId.Signal.Stores.Direction.Receiving, TestProfiles.Ct));
        Assert.Equal(WotId.Signal.Stores.IdentityChange.ReplacedExisting, await alice.SignalStore.SaveIdentityAsync(s_bob, k2.PublicKey, TestProfiles.Ct));
        Assert.Equal(k2.PublicKey, await alice.SignalStore.GetIdentityAsync(s_bob, TestProfiles.Ct));
    }

    [Fact]
    public async Task LastResortKyberKeyRefusesAReusedBaseKeyAndOneTimeKeysAreDeleted()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        IdentityKeyPair id = await alice.SignalStore.GetIdentityKeyPairAsync(TestProfiles.Ct);
        using KyberPreKeyRecord lastResort = KyberPreKeyRecord.Generate(id, 9_000_001, 1, isLastResort: true);
        using KyberPreKeyRecord oneTime = KyberPreKeyRecord.Generate(id, 9_000_002, 1);
        await alice.SignalStore.StoreKyberPreKeyAsync(lastResort.Id, lastResort, TestProfiles.Ct);
        await alice.SignalStore.StoreKyberPreKeyAsync(oneTime.Id, oneTime, TestProfiles.Ct);
        using var baseKey = EcKeyPair.Generate();

        await alice.SignalStore.MarkKyberPreKeyUsedAsync(lastResort.Id, 7, baseKey.PublicKey, TestProfiles.Ct);
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await alice.SignalStore.MarkKyberPreKeyUsedAsync(lastResort.Id, 7, baseKey.PublicKey, TestProfiles.Ct));
        Assert.Equal(SignalError.ReusedBaseKey, e.Error);
        using (KyberPreKeyRecord? kept = await alice.SignalStore.LoadKyberPreKeyAsync(lastResort.Id, TestProfiles.Ct))
        {
            Assert.True(kept!.IsLastResort);
        }

        await alice.SignalStore.MarkKyberPreKeyUsedAsync(oneTime.Id, 7, baseKey.PublicKey, TestProfiles.Ct);
        Assert.Null(await alice.SignalStore.LoadKyberPreKeyAsync(oneTime.Id, TestProfiles.Ct));
    }

    [Fact]
    public async Task TamperedSessionRowIsCorruptNotAProtocolError()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        using NodeProfile bob = await t.CreateAsync("bob", mailbox: false);
        await new SessionBuilder(alice.SignalStore, s_bob).ProcessPreKeyBundleAsync(await bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct);
        alice.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, "UPDATE signal_sessions SET record = substr(record, 1, length(record) - 1)"));
        var e = await Assert.ThrowsAsync<ProfileException>(async () => await alice.SignalStore.LoadSessionAsync(s_bob, TestProfiles.Ct));
        Assert.Equal(ProfileError.Corrupt, e.Error);
    }

    [Fact]
    public async Task ParallelWritesFromManyThreadsAllLand()
    {
        using var t = new TestProfiles();
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        IdentityKeyPair[] identities = Enumerable.Range(0, 32).Select(_ => IdentityKeyPair.Generate()).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, 32), TestProfiles.Ct, async (i, ct) =>
        {
            await alice.SignalStore.SaveIdentityAsync(new ProtocolAddress("peer" + i, 1), identities[i].PublicKey, ct);
            using PreKeyRecord r = PreKeyRecord.Generate((uint)(8_000_000 + i));
            await alice.SignalStore.StorePreKeyAsync(r.Id, r, ct);
        });
        for (int i = 0; i < 32; i++)
        {
            Assert.Equal(identities[i].PublicKey, await alice.SignalStore.GetIdentityAsync(new ProtocolAddress("peer" + i, 1), TestProfiles.Ct));
            using PreKeyRecord? r = await alice.SignalStore.LoadPreKeyAsync((uint)(8_000_000 + i), TestProfiles.Ct);
            Assert.NotNull(r);
            identities[i].Dispose();
        }
    }

    /// <summary>Alternates <paramref name="count"/> messages between the two profiles, checking every plaintext.</summary>
    private static async Task<int> ExchangeAsync(NodeProfile alice, NodeProfile bob, int n, int count)
    {
        var aliceCipher = new SessionCipher(alice.SignalStore, s_bob);
        var bobCipher = new SessionCipher(bob.SignalStore, s_alice);
        for (int i = 0; i < count; i++, n++)
        {
            bool fromAlice = n % 2 == 0;
            byte[] plain = Encoding.UTF8.GetBytes("message " + n + " " + new string('x', n % 37));
            CiphertextMessage m = await (fromAlice ? aliceCipher : bobCipher).EncryptAsync(plain, TestProfiles.Ct);
            Assert.Equal(plain, await (fromAlice ? bobCipher : aliceCipher).DecryptAsync(m, TestProfiles.Ct));
        }

        return n;
    }
}
