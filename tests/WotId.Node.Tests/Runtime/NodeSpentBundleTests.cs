// A stored prekey bundle's one-time prekeys are used at most once (docs/node.md "Sessions"; Signal PQXDH §3.3: the
// one-time prekey is deleted by its owner after use). A node that lost its session with a contact and whose stored
// bundle already started a session must not send a second PreKey message with the same one-time prekeys (the contact
// would answer InvalidPreKeyId); it gets a fresh bundle instead, and the message arrives.
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeSpentBundleTests
{
    [Fact]
    public async Task ASessionLostTwiceAfterTheContactDialledStillDeliversTheNextMessage()
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await world.StartIntroducedPairAsync();
        await using (alice)
        await using (bob)
        {
            await using var aliceEvents = new EventRecorder(alice);
            await using var bobEvents = new EventRecorder(bob);

            // Alice dials: her handshake stores bob's bundle (one-time prekeys included); her session came first.
            SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == first.Id);
            await RuntimeWorld.CloseConnectionsAsync(alice, bob);

            // Bob dials: alice is the responder and gets no new bundle.
            SentMessage hello = await bob.SendTextAsync("alice", "hello", TestProfiles.Ct);
            await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == hello.Id);

            // Lost session: the stored bundle starts a new one (its one-time prekeys are now used).
            await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
            SentMessage second = await alice.SendTextAsync("bob", "second", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == second.Id);

            // Lost again: the stored bundle is spent and must not be used a second time.
            await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
            SentMessage third = await alice.SendTextAsync("bob", "third", TestProfiles.Ct);
            NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == third.Id);
            Assert.Equal("third", received.Text);
        }
    }

    [Fact]
    public async Task ASessionBuiltFromTheInvitationBundleAndLostStillDeliversTheNextMessage()
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await world.StartIntroducedPairAsync();
        await using (alice)
        await using (bob)
        {
            await using var bobEvents = new EventRecorder(bob);

            // The first session comes from the invitation bundle (alice has not met bob yet).
            SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == first.Id);
            for (int i = 0; i < 2; i++)
            {
                await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
                SentMessage next = await alice.SendTextAsync("bob", "again " + i, TestProfiles.Ct);
                NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == next.Id);
                Assert.Equal("again " + i, received.Text);
            }
        }
    }
}
