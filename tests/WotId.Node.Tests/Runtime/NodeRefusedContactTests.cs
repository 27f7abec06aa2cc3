// Two real nodes (profiles in SQLite, TCP on 127.0.0.1, one shared embedded mailbox file) that are contacts: when
// Alice's own handshake check refuses Carol's credential, Carol's mailbox messages are deleted undelivered with
// message.refused until a handshake verifies Carol again; a transient failure marks nothing (docs/node.md "Refused
// contacts").
using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;
using WotId.Node.Api;
using WotId.Node.Handshake;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeRefusedContactTests
{
    [Fact]
    public async Task MailboxMessageOfAContactWhoseCredentialWasRevokedIsRefused()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile carolPro, string carolCredential) = await world.CreateAsync("carol");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode carol = await world.StartAsync(carolPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var carolEvents = new EventRecorder(carol);
        await RuntimeWorld.IntroduceAsync(alice, "carol", carol, "alice");
        SentMessage before = await SendBeforeRevocationAsync(world, alice, aliceEvents, carol, carolCredential);

        SentMessage after = await carol.SendTextAsync("alice", "still me", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Mailbox, after.Delivered);
        NodeEvent refused = await aliceEvents.WaitAsync(NodeEventKinds.MessageRefused, e => e.Contact == "carol");
        Assert.Equal(("revoked", DeliveryRoutes.Mailbox, carol.Host.PeerId.ToString()), (refused.Reason, refused.Via, refused.PeerId));
        Assert.Null(refused.Text);
        Assert.Null(refused.MessageId);
        Assert.Contains(aliceEvents.All, e => e.Kind == NodeEventKinds.HandshakeFailed && e.Contact == "carol" && e.Reason == "revoked");
        Assert.DoesNotContain(aliceEvents.All, e => e.Kind == NodeEventKinds.MessageReceived && e.MessageId == after.Id);
        Assert.Equal(0, await NodeTestWaits.MailboxCountAsync((await alice.GetStatusAsync(TestProfiles.Ct)).Mailbox!));

        // The message from before the revocation stays; the refused one never reached the inbox and owes no receipt.
        InboxMessage kept = Assert.Single(await alice.GetInboxAsync("carol", TestProfiles.Ct));
        Assert.Equal(before.Id, kept.Id);
        Assert.DoesNotContain(carolEvents.All, e => e.Kind == NodeEventKinds.ReceiptDelivered && e.MessageId == after.Id);
        ContactSummary shown = await alice.GetContactAsync("carol", TestProfiles.Ct);
        Assert.Equal("revoked", shown.Refusal);
        Assert.NotNull(shown.RefusedAt);
        Assert.Equal("revoked", (await alice.GetContactsAsync(TestProfiles.Ct)).Single().Refusal);

        // The peer that was refused records nothing: the failure was reported to it, its own check of Alice passed.
        Assert.Contains(carolEvents.All, e => e.Kind == NodeEventKinds.HandshakeFailed && e.Reason == "revoked");
        Assert.Null((await carol.GetContactAsync("alice", TestProfiles.Ct)).Refusal);
    }

    [Fact]
    public async Task AVerifiedHandshakeWithANewCredentialClearsTheRefusalAndMailboxMessagesArriveAgain()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile carolPro, string carolCredential) = await world.CreateAsync("carol");
        string carolDid = carolPro.Did;
        WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode carol = await world.StartAsync(carolPro);
        try
        {
            await using var aliceEvents = new EventRecorder(alice);
            await RuntimeWorld.IntroduceAsync(alice, "carol", carol, "alice");
            await SendBeforeRevocationAsync(world, alice, aliceEvents, carol, carolCredential);
            Assert.Equal(DeliveryRoutes.Mailbox, (await carol.SendTextAsync("alice", "refused", TestProfiles.Ct)).Delivered);
            await aliceEvents.WaitAsync(NodeEventKinds.MessageRefused, e => e.Contact == "carol");
            Assert.Equal("revoked", (await alice.GetContactAsync("carol", TestProfiles.Ct)).Refusal);

            // The issuer gives Carol a new credential; her next handshake with Alice verifies and clears the refusal.
            IssuedCredential fresh = world.Issuer.IssueVerifiedHuman(carolDid, TimeSpan.FromDays(30));
            world.Publish();
            await carol.ImportCredentialAsync(fresh.Jws, TestProfiles.Ct);
            SentMessage renewed = await carol.SendTextAsync("alice", "renewed", TestProfiles.Ct);
            Assert.Equal(DeliveryRoutes.Direct, renewed.Delivered);
            await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == renewed.Id);
            ContactSummary cleared = await alice.GetContactAsync("carol", TestProfiles.Ct);
            Assert.Equal((null, (DateTimeOffset?)null, "verified"), (cleared.Refusal, cleared.RefusedAt, cleared.Verification));
        }
        finally
        {
            await alice.DisposeAsync();
        }

        // Alice is away: Carol's message goes to the mailbox, and Alice's next start delivers it.
        SentMessage away = await carol.SendTextAsync("alice", "while you were away", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Mailbox, away.Delivered);
        await using WotIdNode aliceAgain = await world.StartAsync(await world.OpenAsync("alice"));
        await NodeTestWaits.WaitUntilAsync(async () => (await aliceAgain.GetInboxAsync("carol", TestProfiles.Ct)).Any(m => m.Id == away.Id));
        InboxMessage arrived = (await aliceAgain.GetInboxAsync("carol", TestProfiles.Ct)).Single(m => m.Id == away.Id);
        Assert.Equal(("while you were away", DeliveryRoutes.Mailbox), (arrived.Text, arrived.Via));
        Assert.Null((await aliceAgain.GetContactAsync("carol", TestProfiles.Ct)).Refusal);
    }

    [Fact]
    public async Task StatusUnavailableDoesNotMarkTheContactAndItsMailboxMessageIsDelivered()
    {
        using var world = new RuntimeWorld();
        // Carol's issuer is trusted by Alice but never publishes its status list: Alice cannot check Carol's status.
        using SigningKey silentKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        var silent = new CredentialIssuer(silentKey, new IssuerState(RuntimeWorld.ListUrl + "/never-published"));
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        alicePro.TrustIssuer(silent.Did);
        (NodeProfile carolPro, _) = await world.CreateAsync("carol", silent);
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode carol = await world.StartAsync(carolPro);
        await using var aliceEvents = new EventRecorder(alice);
        await RuntimeWorld.IntroduceAsync(alice, "carol", carol, "alice");

        SentMessage sent = await carol.SendTextAsync("alice", "can you check me?", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);
        NodeEvent failed = await aliceEvents.WaitAsync(NodeEventKinds.HandshakeFailed, e => e.Contact == "carol");
        Assert.Equal("status_unavailable", failed.Reason);
        NodeEvent received = await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal(DeliveryRoutes.Mailbox, received.Via);
        Assert.DoesNotContain(aliceEvents.All, e => e.Kind == NodeEventKinds.MessageRefused);
        ContactSummary shown = await alice.GetContactAsync("carol", TestProfiles.Ct);
        Assert.Equal((null, (DateTimeOffset?)null), (shown.Refusal, shown.RefusedAt));
    }

    // Only a verdict on the credential itself marks a contact. The same handshake reasons also come from failures
    // about the presentation (no credential named: a presentation too old or from the future) or from a transient
    // state (an issuer DID that did not resolve maps to untrusted_issuer, an unreachable status list): those must
    // not, since a refusal deletes the contact's mailbox messages.
    [Theory]
    [InlineData(VerificationFailure.Revoked, true, true)]
    [InlineData(VerificationFailure.Expired, true, true)]
    [InlineData(VerificationFailure.NotYetValid, true, true)]
    [InlineData(VerificationFailure.UnknownIssuer, true, true)]
    [InlineData(VerificationFailure.WrongType, true, true)]
    [InlineData(VerificationFailure.Expired, false, false)]
    [InlineData(VerificationFailure.NotYetValid, false, false)]
    [InlineData(VerificationFailure.WrongType, false, false)]
    [InlineData(VerificationFailure.DidUnresolvable, false, false)]
    [InlineData(VerificationFailure.DidUnresolvable, true, false)]
    [InlineData(VerificationFailure.StatusUnavailable, true, false)]
    [InlineData(VerificationFailure.BadSignature, true, false)]
    [InlineData(VerificationFailure.MalformedInput, false, false)]
    [InlineData(VerificationFailure.WrongSubject, true, false)]
    [InlineData(VerificationFailure.NotBound, false, false)]
    [InlineData(VerificationFailure.ReplayedNonce, false, false)]
    public void OnlyVerdictsOnTheCredentialItselfRefuseAContact(VerificationFailure failure, bool credentialNamed, bool refuses) =>
        Assert.Equal(refuses, HandshakeChecks.RefusesCredential(failure, credentialNamed));

    /// <summary>Carol's first message is verified and delivered; then her credential is revoked and the connections close.</summary>
    private static async Task<SentMessage> SendBeforeRevocationAsync(RuntimeWorld world, WotIdNode alice, EventRecorder aliceEvents, WotIdNode carol, string carolCredential)
    {
        SentMessage before = await carol.SendTextAsync("alice", "before", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, before.Delivered);
        await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == before.Id);
        Assert.True(world.Issuer.Revoke(carolCredential));
        world.Publish();
        await RuntimeWorld.CloseConnectionsAsync(carol, alice);
        await RuntimeWorld.CloseConnectionsAsync(alice, carol);
        await NodeTestWaits.WaitUntilAsync(() => Task.FromResult(!carol.Host.Connections.Any(c => c.RemotePeer == alice.Host.PeerId)));
        return before;
    }
}
