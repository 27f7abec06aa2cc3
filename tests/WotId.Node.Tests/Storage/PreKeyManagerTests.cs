using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Node.Storage;
using WotId.Signal.Keys;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Prekey pools, bundles and rotation with a fake clock.</summary>
public sealed class PreKeyManagerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NewProfileHasFullPoolsASignedPrekeyAndALastResortKey()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", new FakeTimeProvider(s_start), mailbox: false);
        (long oneTime, long kyber, long lastResort, long signed) = Counts(p);
        Assert.Equal((5L, 5L, 1L, 1L), (oneTime, kyber, lastResort, signed));
    }

    [Fact]
    public void DefaultPolicyMatchesTheSignalApps()
    {
        PreKeyPolicy d = PreKeyPolicy.Default;
        Assert.Equal((100, 100, 10), (d.OneTimePoolSize, d.KyberPoolSize, d.RefillBelow));
        Assert.Equal(TimeSpan.FromDays(2), d.RotateAfter);
        Assert.Equal(TimeSpan.FromDays(30), d.KeepReplacedFor);
    }

    [Fact]
    public async Task BundlesHandOutEachOneTimeKeyOnceThenFallBackToTheLastResortKey()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", new FakeTimeProvider(s_start), mailbox: false);
        var preKeys = new HashSet<uint>();
        var kyberKeys = new HashSet<uint>();
        for (int i = 0; i < 5; i++)
        {
            PreKeyBundle b = await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
            Assert.True(preKeys.Add(b.PreKeyId!.Value));
            Assert.True(kyberKeys.Add(b.KyberPreKeyId));
            Assert.Equal(p.SignalIdentityKey, b.IdentityKey);
            Assert.Equal(p.RegistrationId, b.RegistrationId);
            Assert.True(b.IdentityKey.VerifySignature(b.SignedPreKey.Serialize(), b.SignedPreKeySignature));
            Assert.True(b.IdentityKey.VerifySignature(b.KyberPreKey.Serialize(), b.KyberPreKeySignature));
        }

        PreKeyBundle exhausted = await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        Assert.Null(exhausted.PreKeyId);
        using KyberPreKeyRecord? lastResort = await p.SignalStore.LoadKyberPreKeyAsync(exhausted.KyberPreKeyId, TestProfiles.Ct);
        Assert.True(lastResort!.IsLastResort);
        Assert.Equal(lastResort.Id, (await p.PreKeys.CreateBundleAsync(TestProfiles.Ct)).KyberPreKeyId);
    }

    [Fact]
    public async Task ReplenishTopsUpOnlyBelowTheThreshold()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", new FakeTimeProvider(s_start), mailbox: false);
        for (int i = 0; i < 3; i++)
        {
            await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        }

        PreKeyMaintenance none = await p.PreKeys.ReplenishAsync(TestProfiles.Ct);
        Assert.Equal(new PreKeyMaintenance(0, 0, false, false, 0), none);

        await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        PreKeyMaintenance refill = await p.PreKeys.ReplenishAsync(TestProfiles.Ct);
        Assert.Equal(new PreKeyMaintenance(4, 4, false, false, 0), refill);
        Assert.Equal(5, p.Database.Read(c => (long)ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_prekeys WHERE handed_out = 0")!));
    }

    [Fact]
    public async Task SignedAndLastResortKeysRotateAfterTwoDaysAndOldOnesGoAfterThirtyDays()
    {
        using var t = new TestProfiles();
        var time = new FakeTimeProvider(s_start);
        using NodeProfile p = await t.CreateAsync("alice", time, mailbox: false);
        PreKeyBundle first = await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);

        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.False((await p.PreKeys.ReplenishAsync(TestProfiles.Ct)).SignedRotated);

        time.Advance(TimeSpan.FromMinutes(1));
        PreKeyMaintenance rotated = await p.PreKeys.ReplenishAsync(TestProfiles.Ct);
        Assert.True(rotated.SignedRotated);
        Assert.True(rotated.LastResortRotated);
        PreKeyBundle second = await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        Assert.NotEqual(first.SignedPreKeyId, second.SignedPreKeyId);
        Assert.Equal((2L, 2L), (Counts(p).Signed, Counts(p).LastResort));

        // The replaced keys stay for messages in flight, then go; the newest of each is never removed.
        using (SignedPreKeyRecord? old = await p.SignalStore.LoadSignedPreKeyAsync(first.SignedPreKeyId, TestProfiles.Ct))
        {
            Assert.NotNull(old);
        }

        // Day 31: the day-0 keys are past 30 days and go; the day-2 keys stay; a third pair is made (day 2 + 29 >= 2 days).
        time.Advance(TimeSpan.FromDays(29));
        PreKeyMaintenance cleaned = await p.PreKeys.ReplenishAsync(TestProfiles.Ct);
        Assert.Equal(2, cleaned.Removed);
        Assert.True(cleaned.SignedRotated);
        Assert.Null(await p.SignalStore.LoadSignedPreKeyAsync(first.SignedPreKeyId, TestProfiles.Ct));

        // The one-time keys handed out on day 0 and never used are gone too; those of day 2 wait for their peer.
        Assert.Null(await p.SignalStore.LoadPreKeyAsync(first.PreKeyId!.Value, TestProfiles.Ct));
        Assert.Null(await p.SignalStore.LoadKyberPreKeyAsync(first.KyberPreKeyId, TestProfiles.Ct));
        using (PreKeyRecord? waiting = await p.SignalStore.LoadPreKeyAsync(second.PreKeyId!.Value, TestProfiles.Ct))
        {
            Assert.NotNull(waiting);
        }

        using (SignedPreKeyRecord? kept = await p.SignalStore.LoadSignedPreKeyAsync(second.SignedPreKeyId, TestProfiles.Ct))
        {
            Assert.NotNull(kept);
        }

        Assert.Equal((2L, 2L), (Counts(p).Signed, Counts(p).LastResort));
    }

    [Fact]
    public async Task PrekeyIdsSurviveReopeningWithoutCollisions()
    {
        using var t = new TestProfiles();
        var ids = new HashSet<uint>();
        using (NodeProfile p = await t.CreateAsync("alice", new FakeTimeProvider(s_start), mailbox: false))
        {
            for (int i = 0; i < 4; i++)
            {
                ids.Add((await p.PreKeys.CreateBundleAsync(TestProfiles.Ct)).PreKeyId!.Value);
            }
        }

        using NodeProfile q = await t.OpenAsync("alice", new FakeTimeProvider(s_start));
        await q.PreKeys.ReplenishAsync(TestProfiles.Ct);
        for (int i = 0; i < 5; i++)
        {
            uint id = (await q.PreKeys.CreateBundleAsync(TestProfiles.Ct)).PreKeyId!.Value;
            Assert.True(ids.Add(id), "prekey id " + id + " handed out twice");
            Assert.InRange(id, 1u, PreKeyManager.MaxId);
        }
    }

    private static (long OneTime, long Kyber, long LastResort, long Signed) Counts(NodeProfile p) => p.Database.Read(c => (
        (long)ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_prekeys")!,
        (long)ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_kyber_prekeys WHERE last_resort = 0")!,
        (long)ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_kyber_prekeys WHERE last_resort = 1")!,
        (long)ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_signed_prekeys")!));
}
