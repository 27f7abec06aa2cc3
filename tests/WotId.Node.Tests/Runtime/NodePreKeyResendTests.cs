// A PreKey message refused with unknown_prekey is sent again, not lost (docs/node.md "Sessions", "A refused PreKey
// message"): the receiver's ACK says why (status 3), the sender drops the session and the spent bundle, gets a fresh
// bundle from a handshake it dials, seals the same message id again and sends it once more; the receiver's dedup table
// keeps the delivery exactly once.
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Signal.Keys;

namespace WotId.Node.Tests.Runtime;

public sealed class NodePreKeyResendTests
{
    [Fact]
    public async Task AMessageSealedFromASpentBundleIsRefusedThenResentAndArrivesExactlyOnce()
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await world.StartIntroducedPairAsync();
        await using (alice)
        await using (bob)
        {
            await using var bobEvents = new EventRecorder(bob);

            SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == first.Id);

            // A handshake alice dials while she has a session stores bob's bundle, one-time prekey included, unspent.
            await RuntimeWorld.CloseConnectionsAsync(alice, bob);
            SentMessage second = await alice.SendTextAsync("bob", "second", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == second.Id);
            byte[] kept = alice.StoredPreKeyBundle("bob") ?? throw new Xunit.Sdk.XunitException("no stored bundle");
            Assert.NotNull(PreKeyBundle.Deserialize(kept).PreKeyId);

            // The session lost: the stored bundle starts the next one, and bob uses up its one-time prekey.
            await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
            SentMessage third = await alice.SendTextAsync("bob", "third", TestProfiles.Ct);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == third.Id);

            // Lost again, with the spent bundle put back: bob refuses the first copy (unknown_prekey), the second arrives.
            await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
            alice.RestorePreKeyBundle("bob", kept);
            SentMessage fourth = await alice.SendTextAsync("bob", "fourth", TestProfiles.Ct);
            Assert.Equal(DeliveryRoutes.Direct, fourth.Delivered);
            NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == fourth.Id);
            Assert.Equal("fourth", received.Text);

            IReadOnlyList<InboxMessage> inbox = await bob.GetInboxAsync("alice", TestProfiles.Ct);
            Assert.Single(inbox, m => m.Id == fourth.Id);
            Assert.Equal(["first", "second", "third", "fourth"], inbox.Select(m => m.Text));
        }
    }
}
