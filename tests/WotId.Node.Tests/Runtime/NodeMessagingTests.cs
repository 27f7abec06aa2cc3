// Two real nodes (profiles in SQLite, TCP on 127.0.0.1, one shared embedded mailbox file) that are contacts of each
// other: direct delivery with receipts, offline delivery through the mailbox, and handshake failures that push
// messages to the mailbox (docs/node.md "Messaging", "Offline delivery", "Node facade").
using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeMessagingTests
{
    [Fact]
    public async Task AContactNameInTheWrongCaseIsUnknownAndTheErrorNamesTheRightOne()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        NodeException wrongCase = await Assert.ThrowsAsync<NodeException>(() => alice.SendTextAsync("Bob", "hi", TestProfiles.Ct));
        Assert.Equal(NodeError.UnknownContact, wrongCase.Error);
        Assert.Contains("did you mean 'bob'?", wrongCase.Message, StringComparison.Ordinal);
        NodeException stranger = await Assert.ThrowsAsync<NodeException>(() => alice.GetContactAsync("carol", TestProfiles.Ct));
        Assert.Equal("no contact with this name or fingerprint", stranger.Message);
    }

    [Fact]
    public async Task DirectMessageIsAcknowledgedReceiptedAndRead()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage sent = await alice.SendTextAsync("bob", "hello bob", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        Assert.Equal("bob", sent.Contact);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
        await bobEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "alice");
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal("hello bob", received.Text);
        Assert.Equal(DeliveryRoutes.Direct, received.Via);
        Assert.Equal("alice", received.Contact);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);

        InboxMessage inbox = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
        Assert.Equal(("hello bob", DeliveryRoutes.Direct, false), (inbox.Text, inbox.Via, inbox.Read));
        await bob.MarkReadAsync("alice", sent.Id, TestProfiles.Ct);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptRead, e => e.MessageId == sent.Id);
        Assert.True(Assert.Single(await bob.GetInboxAsync(null, TestProfiles.Ct)).Read);

        ContactSummary bobAtAlice = await alice.GetContactAsync("bob", TestProfiles.Ct);
        ContactSummary aliceAtBob = await bob.GetContactAsync("alice", TestProfiles.Ct);
        Assert.Equal("verified", bobAtAlice.Verification);
        Assert.NotNull(bobAtAlice.SafetyNumber);
        Assert.Equal(bobAtAlice.SafetyNumber, aliceAtBob.SafetyNumber);
        NodeStatus status = await alice.GetStatusAsync(TestProfiles.Ct);
        Assert.Equal(1, status.Contacts);
        Assert.True(status.Connections >= 1);
        Assert.Equal(RuntimeWorldIssuer(world), status.Credential!.Issuer);
    }

    [Fact]
    public async Task MessageToAStoppedNodeGoesThroughTheMailboxAndArrivesOnce()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        SentMessage sent = await alice.SendTextAsync("bob", "while you were away", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);

        NodeStatus bobStatus;
        // The node claims its mailbox as it starts, before a reader can subscribe: watch the inbox and the mailbox.
        await using (WotIdNode bob = await world.StartAsync(await world.OpenAsync("bob")))
        {
            bobStatus = await bob.GetStatusAsync(TestProfiles.Ct);
            await NodeTestWaits.WaitUntilAsync(async () => (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Count > 0);
            await NodeTestWaits.WaitUntilAsync(async () => await NodeTestWaits.MailboxCountAsync(bobStatus.Mailbox!) == 0);
            await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
            InboxMessage only = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
            Assert.Equal((sent.Id, "while you were away", DeliveryRoutes.Mailbox), (only.Id, only.Text, only.Via));
        }

        // A second start finds nothing new.
        await using WotIdNode bobAgain = await world.StartAsync(await world.OpenAsync("bob"));
        Assert.Single(await bobAgain.GetInboxAsync("alice", TestProfiles.Ct));
        Assert.Equal(0, await NodeTestWaits.MailboxCountAsync(bobStatus.Mailbox!));
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("untrusted_issuer")]
    public async Task FailedHandshakeIsReportedOnBothSidesAndTheMessageGoesToTheMailbox(string reason)
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, string bobCredential) = await world.CreateAsync("bob", reason == "untrusted_issuer" ? world.OtherIssuer : null);
        if (reason == "revoked")
        {
            Assert.True(world.Issuer.Revoke(bobCredential));
            world.Publish();
        }

        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage sent = await alice.SendTextAsync("bob", "are you real?", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);
        Assert.Equal(reason, (await aliceEvents.WaitAsync(NodeEventKinds.HandshakeFailed)).Reason);
        Assert.Equal(reason, (await bobEvents.WaitAsync(NodeEventKinds.HandshakeFailed)).Reason);
        Assert.DoesNotContain(aliceEvents.All, e => e.Kind == NodeEventKinds.HandshakeVerified);
    }

    [Fact]
    public async Task IssuerTrustedWhileTheNodeRunsCountsAtTheNextHandshake()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob", world.OtherIssuer);
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        Assert.Equal(DeliveryRoutes.Mailbox, (await alice.SendTextAsync("bob", "first", TestProfiles.Ct)).Delivered);
        Assert.Equal("untrusted_issuer", (await aliceEvents.WaitAsync(NodeEventKinds.HandshakeFailed)).Reason);

        // What `wotid trust add` does while the node runs: a write to the profile database.
        using (NodeProfile sameFile = await world.OpenAsync("alice"))
        {
            sameFile.TrustIssuer(world.OtherIssuer.Did);
        }

        Assert.Equal(DeliveryRoutes.Direct, (await alice.SendTextAsync("bob", "second", TestProfiles.Ct)).Delivered);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
    }

    private static string RuntimeWorldIssuer(RuntimeWorld world) => world.Issuer.Did;
}
