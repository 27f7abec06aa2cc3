// A bundle's one-time prekeys start one session only (Signal PQXDH §3.3, docs/node.md "Sessions"): the stored bundle
// is cleared in the transaction that stores the session built from it, a shared bundle (signed and last-resort Kyber
// prekey only) is kept, and a PreKey message that names a used one-time prekey is refused with its own reason.
using System.Threading.Tasks;
using WotId.Node.Messaging;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Tests.Messaging;

public sealed class MessageSpentBundleTests
{
    [Fact]
    public async Task AStoredBundleWithOneTimePrekeysIsClearedOnceASessionIsBuiltFromIt()
    {
        using MessagingPair p = await MessagingPair.CreateAsync(session: false);
        PreKeyBundle bundle = await p.Bob.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        Assert.NotNull(bundle.PreKeyId);
        p.Alice.Contacts.SetPreKeyBundle(p.BobAtAlice.Id, bundle.Serialize());

        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, bundle, TestProfiles.Ct));

        Assert.Null(p.Alice.Contacts.GetPreKeyBundle(p.BobAtAlice.Id));
    }

    [Fact]
    public async Task ASharedBundleIsKeptAndStartsASecondSessionThatStillOpens()
    {
        using MessagingPair p = await MessagingPair.CreateAsync(session: false);
        PreKeyBundle shared = await p.Bob.PreKeys.CreateSharedBundleAsync(TestProfiles.Ct);
        p.Alice.Contacts.SetPreKeyBundle(p.BobAtAlice.Id, shared.Serialize());
        for (int i = 0; i < 2; i++)
        {
            await DeleteAliceSessionAsync(p);
            Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, shared, TestProfiles.Ct));
            Assert.Equal(shared.Serialize(), p.Alice.Contacts.GetPreKeyBundle(p.BobAtAlice.Id));
            string id = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("shared " + i), TestProfiles.Ct);
            Assert.False((await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, id), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        }

        Assert.Equal(2, p.Bob.Messages.Inbox(p.AliceAtBob.Id).Count);
    }

    [Fact]
    public async Task APreKeyMessageNamingAUsedOneTimePrekeyIsRefusedAsUnknownPrekeyAndStoresNothing()
    {
        using MessagingPair p = await MessagingPair.CreateAsync(session: false);
        PreKeyBundle bundle = await p.Bob.PreKeys.CreateBundleAsync(TestProfiles.Ct);
        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, bundle, TestProfiles.Ct));
        string first = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("first"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, first), MessageSealer.ViaDirect, TestProfiles.Ct);

        // The session is lost and the same bundle is used again (what the node no longer does).
        await DeleteAliceSessionAsync(p);
        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, bundle, TestProfiles.Ct));
        string again = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("again"), TestProfiles.Ct);

        var e = await Assert.ThrowsAsync<MessagingException>(async () =>
            await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, again), MessageSealer.ViaDirect, TestProfiles.Ct));
        Assert.Equal(MessageRejectReason.UnknownPreKey, e.Reason);
        Assert.Equal("unknown_prekey", MessagingException.Token(e.Reason));
        Assert.Single(p.Bob.Messages.Inbox(p.AliceAtBob.Id));

        // A session from a fresh bundle works again.
        await DeleteAliceSessionAsync(p);
        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, await p.Bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct));
        string fresh = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("fresh"), TestProfiles.Ct);
        Assert.False((await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, fresh), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        Assert.Equal(2, p.Bob.Messages.Inbox(p.AliceAtBob.Id).Count);
    }

    private static Task DeleteAliceSessionAsync(MessagingPair p)
    {
        string row = MessageSealer.Address(p.BobAtAlice).ToString();
        p.Alice.Database.Write((db, t) => WotId.Node.Storage.ProfileDatabase.Execute(db, t, "DELETE FROM signal_sessions WHERE address = $1", row));
        return Task.CompletedTask;
    }
}
