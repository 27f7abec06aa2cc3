// A contact whose Signal identity key differs from the one on record (docs/node.md "Sessions"): messages to it are
// held (KeyChangeHeld) until the change is accepted, then sealed for the accepted key and delivered.
using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeKeyChangeTests
{
    [Fact]
    public async Task MessagesToAContactWithAChangedKeyAreHeldUntilAccepted()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        // Alice's record of Bob's identity key is another key (as after Bob reinstalled): Bob's real key is a change.
        byte[] otherKey = [0x05, .. RandomBytes.Get(32)];
        alicePro.Database.Write((c, t) => ProfileDatabase.Execute(c, t, "UPDATE contacts SET identity_key = $1 WHERE name = 'bob'", otherKey));

        NodeException held = await Assert.ThrowsAsync<NodeException>(() => alice.SendTextAsync("bob", "still you?", TestProfiles.Ct));

        Assert.Equal(NodeError.KeyChangeHeld, held.Error);
        await aliceEvents.WaitAsync(NodeEventKinds.KeyChanged, e => e.Contact == "bob");
        Assert.Equal("key_changed", (await alice.GetContactAsync("bob", TestProfiles.Ct)).Verification);
        ConversationEntry waiting = Assert.Single(await alice.GetConversationAsync("bob", 10, TestProfiles.Ct));
        Assert.Equal(("still you?", "held", true), (waiting.Text, waiting.State, waiting.Outgoing));

        ContactSummary accepted = await alice.AcceptKeyChangeAsync("bob", TestProfiles.Ct);

        Assert.Equal("verified", accepted.Verification);
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == waiting.Id);
        Assert.Equal("still you?", received.Text);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == waiting.Id);
        Assert.Contains(await alice.GetConversationAsync("bob", 10, TestProfiles.Ct), e => e.Id == waiting.Id && e.State is "delivered" or "read");
    }
}
