using System;
using System.Threading.Tasks;
using WotId.Node.Messaging;
using WotId.Node.Profile;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Schema v3 contact fields: prekey bundle, mailbox, last verification, lookup by DID hash.</summary>
public sealed class ContactMessagingFieldsTests
{
    [Fact]
    public async Task BundleMailboxAndVerificationTimeAreStoredAndSurviveReopening()
    {
        using var t = new TestProfiles();
        long id;
        byte[] bundle;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);
        using (NodeProfile p = await t.CreateAsync("p", mailbox: false))
        {
            bundle = (await p.PreKeys.CreateBundleAsync(TestProfiles.Ct)).Serialize();
            id = p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", []).Id;
            Assert.Null(p.Contacts.GetPreKeyBundle(id));
            p.Contacts.SetPreKeyBundle(id, bundle);
            p.Contacts.SetMailbox(id, "embedded", "0xabc", "bob/mailbox/mailbox.db");
            p.Contacts.MarkVerified(id, at);
            Assert.Equal(id, p.Contacts.GetByDidHash(SealedEnvelopeCodec.HashDid("did:key:zBob"))!.Id);
            Assert.Null(p.Contacts.GetByDidHash(SealedEnvelopeCodec.HashDid("did:key:zCarol")));
        }

        using (NodeProfile p = await t.OpenAsync("p"))
        {
            Contact c = p.Contacts.Get(id)!;
            Assert.Equal(("embedded", "0xabc", "bob/mailbox/mailbox.db", at), (c.MailboxKind, c.MailboxId, c.MailboxHint, c.LastVerifiedAt));
            Assert.Equal(bundle, p.Contacts.GetPreKeyBundle(id));
            p.Contacts.SetPreKeyBundle(id, []);
            Assert.Null(p.Contacts.GetPreKeyBundle(id));
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.SetPreKeyBundle(id, new byte[ContactStore.MaxPreKeyBundleLength + 1])).Error);
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.SetMailbox(id, "", null, null)).Error);
            Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Contacts.MarkVerified(id + 1, at)).Error);
        }
    }
}
