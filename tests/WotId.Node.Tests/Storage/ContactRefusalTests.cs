using System;
using System.IO;
using System.Threading.Tasks;
using WotId.Node.Profile;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Schema v7: the refusal recorded on a contact (docs/node.md "Refused contacts").</summary>
public sealed class ContactRefusalTests
{
    [Fact]
    public void VersionSixDatabaseIsMigratedAndItsContactsCarryNoRefusal()
    {
        using var t = new TestProfiles();
        string path = Path.Combine(t.Root, "v6.db");
        using (ProfileDatabase v6 = ProfileDatabase.CreateNew(path, targetVersion: 6))
        {
            v6.Write((c, tx) =>
            {
                Assert.Equal(6, SchemaMigrations.CurrentVersion(c));
                ProfileDatabase.Execute(c, tx,
                    "INSERT INTO contacts(name, did, peer_id, addresses, verification, added_at, updated_at, last_verified_at) " +
                    "VALUES('carol', 'did:key:zCarol', '12D3KooWCarol', '', 1, 1, 1, 1790000000123)");
            });
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_500_000);
        using ProfileDatabase latest = ProfileDatabase.OpenExisting(path);
        Assert.Equal(7, SchemaMigrations.Latest);
        Assert.Equal(SchemaMigrations.Latest, latest.Read(SchemaMigrations.CurrentVersion));
        var contacts = new ContactStore(latest);
        Contact carol = contacts.GetByName("carol")!;
        Assert.Equal((ContactVerification.Verified, DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123)), (carol.Verification, carol.LastVerifiedAt));
        Assert.Equal((null, (DateTimeOffset?)null), (carol.RefusedReason, carol.RefusedAt));

        contacts.MarkRefused(carol.Id, "revoked", at);
        Assert.Equal(("revoked", (DateTimeOffset?)at), (contacts.Get(carol.Id)!.RefusedReason, contacts.Get(carol.Id)!.RefusedAt));
    }

    [Fact]
    public async Task RefusalSurvivesReopeningAndAVerifiedHandshakeClearsIt()
    {
        using var t = new TestProfiles();
        var refusedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
        long id;
        using (NodeProfile p = await t.CreateAsync("p", mailbox: false))
        {
            id = p.Contacts.Add("carol", "did:key:zCarol", "12D3KooWCarol", []).Id;
            p.Contacts.MarkRefused(id, "expired", refusedAt);
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.MarkRefused(id, "", refusedAt)).Error);
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.MarkRefused(id, new string('x', ContactStore.MaxRefusalLength + 1), refusedAt)).Error);
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.MarkRefused(id + 1, "revoked", refusedAt)).Error);
        }

        using (NodeProfile p = await t.OpenAsync("p"))
        {
            Contact c = p.Contacts.Get(id)!;
            Assert.Equal(("expired", (DateTimeOffset?)refusedAt), (c.RefusedReason, c.RefusedAt));
            DateTimeOffset verifiedAt = refusedAt.AddMinutes(5);
            p.Contacts.MarkVerified(id, verifiedAt, clearsRefusal: true);
            c = p.Contacts.Get(id)!;
            Assert.Equal((null, (DateTimeOffset?)null, (DateTimeOffset?)verifiedAt), (c.RefusedReason, c.RefusedAt, c.LastVerifiedAt));
        }
    }

    [Fact]
    public async Task AStoredRefusalWithoutItsTimeIsCorrupt()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("p", mailbox: false);
        long id = p.Contacts.Add("carol", "did:key:zCarol", "12D3KooWCarol", []).Id;
        p.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, "UPDATE contacts SET refused_reason = 'revoked', refused_at = NULL WHERE id = $1", id));

        Assert.Equal(ProfileError.Corrupt, Assert.Throws<ProfileException>(() => p.Contacts.Get(id)).Error);
    }
}
