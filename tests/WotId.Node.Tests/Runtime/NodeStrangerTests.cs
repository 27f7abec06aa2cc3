// A verified peer that is not a contact (docs/node.md "WotIdNode"): its handshake passes, no contact is created, and
// its messages are refused (unknown_sender), so the sender's node reports a failure instead of a mailbox fallback.
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeStrangerTests
{
    [Fact]
    public async Task VerifiedStrangerIsNotAddedAndItsMessageIsRefused()
    {
        using var world = new RuntimeWorld();
        (NodeProfile carolPro, _) = await world.CreateAsync("carol");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode carol = await world.StartAsync(carolPro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var bobEvents = new EventRecorder(bob);
        await carol.AddContactAsync(await bob.CreateInvitationAsync(TestProfiles.Ct), "bob", TestProfiles.Ct);

        NodeException refused = await Assert.ThrowsAsync<NodeException>(() => carol.SendTextAsync("bob", "hi, you do not know me", TestProfiles.Ct));

        Assert.Equal(NodeError.Failed, refused.Error);
        NodeEvent verified = await bobEvents.WaitAsync(NodeEventKinds.HandshakeVerified);
        Assert.Null(verified.Contact);
        Assert.Equal((await carol.GetStatusAsync(TestProfiles.Ct)).Fingerprint, verified.Fingerprint);
        Assert.Empty(await bob.GetContactsAsync(TestProfiles.Ct));
        Assert.Empty(await bob.GetInboxAsync(null, TestProfiles.Ct));
        ConversationEntry failed = Assert.Single(await carol.GetConversationAsync("bob", 10, TestProfiles.Ct));
        Assert.Equal("failed", failed.State);
    }
}
