using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Node.Profile;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Contacts: add, find, verification, identity key changes held.</summary>
public sealed class ContactStoreTests
{
    private static readonly byte[] s_key1 = [0x05, .. new byte[31], 1];
    private static readonly byte[] s_key2 = [0x05, .. new byte[31], 2];

    [Fact]
    public async Task ContactIsFoundByNameDidAndPeerIdAndSurvivesReopening()
    {
        using var t = new TestProfiles();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        long id;
        using (NodeProfile p = await t.CreateAsync("alice", time, mailbox: false))
        {
            Contact bob = p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", ["/ip4/127.0.0.1/tcp/4001", "/ip4/10.0.0.2/tcp/4001"], "0x" + new string('a', 64));
            id = bob.Id;
            p.Contacts.Add("carol", "did:key:zCarol", "12D3KooWCarol", []);
            Assert.Equal(bob, p.Contacts.GetByDid("did:key:zBob")! with { Addresses = bob.Addresses });
            Assert.Equal(id, p.Contacts.GetByPeerId("12D3KooWBob")!.Id);
            Assert.Null(p.Contacts.GetByName("dave"));
        }

        using NodeProfile q = await t.OpenAsync("alice", time);
        Contact again = q.Contacts.GetByName("bob")!;
        Assert.Equal(id, again.Id);
        Assert.Equal(["/ip4/127.0.0.1/tcp/4001", "/ip4/10.0.0.2/tcp/4001"], again.Addresses);
        Assert.Equal(time.GetUtcNow(), again.AddedAt);
        Assert.Equal(["bob", "carol"], q.Contacts.List().Select(c => c.Name));
    }

    [Fact]
    public async Task DuplicateNameDidOrPeerIdIsRefused()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", []);
        foreach ((string name, string did, string peer) in new[] { ("bob", "did:key:zX", "P1"), ("x", "did:key:zBob", "P2"), ("y", "did:key:zY", "12D3KooWBob") })
        {
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.Add(name, did, peer, [])).Error);
        }

        Assert.Single(p.Contacts.List());
    }

    [Fact]
    public async Task LimitsAreEnforcedOnWrite()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        Action[] bad =
        [
            () => p.Contacts.Add("", "did:key:z1", "P1", []),
            () => p.Contacts.Add(new string('n', ContactStore.MaxNameLength + 1), "did:key:z1", "P1", []),
            () => p.Contacts.Add("line\nbreak", "did:key:z1", "P1", []),
            () => p.Contacts.Add("n", new string('d', ContactStore.MaxIdLength + 1), "P1", []),
            () => p.Contacts.Add("n", "did:key:z1", "P1", new string[ContactStore.MaxAddresses + 1].Select(_ => "/ip4/1.2.3.4/tcp/1").ToArray()),
            () => p.Contacts.Add("n", "did:key:z1", "P1", ["a\nb"]),
        ];
        foreach (Action a in bad)
        {
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(a).Error);
        }

        Assert.Empty(p.Contacts.List());
    }

    [Fact]
    public async Task ChangedIdentityKeyIsHeldUntilAccepted()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long id = p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", []).Id;
        p.Contacts.SetVerification(id, ContactVerification.Verified);

        Assert.Equal(ContactVerification.Verified, p.Contacts.ObserveIdentityKey(id, s_key1));
        Assert.Equal(ContactVerification.Verified, p.Contacts.ObserveIdentityKey(id, s_key1));
        Assert.Equal(ContactVerification.KeyChangedHeld, p.Contacts.ObserveIdentityKey(id, s_key2));
        Contact held = p.Contacts.Get(id)!;
        Assert.Equal(s_key1, held.IdentityKey);
        Assert.Equal(s_key2, held.PendingIdentityKey);
        Assert.Equal(ContactVerification.KeyChangedHeld, held.Verification);

        p.Contacts.AcceptKeyChange(id);
        Contact accepted = p.Contacts.Get(id)!;
        Assert.Equal(s_key2, accepted.IdentityKey);
        Assert.Null(accepted.PendingIdentityKey);
        Assert.Equal(ContactVerification.Verified, accepted.Verification);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.AcceptKeyChange(id)).Error);
    }

    [Fact]
    public async Task EditedContactRowIsCorrupt()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long id = p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", []).Id;
        foreach (string sql in new[] { "UPDATE contacts SET verification = 42", "UPDATE contacts SET identity_key = X'0102'", "UPDATE contacts SET name = ''" })
        {
            p.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, sql));
            Assert.Equal(ProfileError.Corrupt, Assert.Throws<ProfileException>(() => p.Contacts.Get(id)).Error);
            p.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, "UPDATE contacts SET verification = 0, identity_key = NULL, name = 'bob'"));
        }

        Assert.Equal("bob", p.Contacts.Get(id)!.Name);
    }
}
