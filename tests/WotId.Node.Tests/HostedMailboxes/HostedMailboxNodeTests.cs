// Three real nodes on 127.0.0.1 (docs/mailbox.md "Hosted mailboxes"): H runs with HostMailboxes, Bob keeps his
// mailbox on H (no embedded mailbox anywhere, so nothing is shared through a file), Alice and Bob are contacts
// through invitations that name H. Bob stops; Alice's message goes to H; Bob starts, claims it from H, and Alice
// gets the delivery receipt.
using System;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.HostedMailboxes;
using WotId.Node.Invitations;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.HostedMailboxes;

public sealed class HostedMailboxNodeTests
{
    [Fact]
    public async Task AMessageForAStoppedContactWaitsOnTheHostAndArrivesWhenItReturns()
    {
        using var world = new RuntimeWorld();
        (NodeProfile hostPro, _) = await world.CreateAsync("host", mailbox: false);
        (NodeProfile alicePro, _) = await world.CreateAsync("alice", mailbox: false);
        (NodeProfile bobPro, _) = await world.CreateAsync("bob", mailbox: false);
        NodeOptions hostOptions = world.Options;
        await using WotIdNode host = await WotIdNode.StartAsync(hostPro, new NodeOptions
        {
            StatusLists = hostOptions.StatusLists,
            HostMailboxes = true,
        }, TestProfiles.Ct);
        Assert.True(host.HostsMailboxes);
        string hostAddress = (await host.GetStatusAsync(TestProfiles.Ct)).Addresses[0];

        HostedMailboxSettings bobs = await HostedMailboxSetup.UseHostAsync(bobPro, hostAddress, cancellationToken: TestProfiles.Ct);
        Assert.Equal(bobs, bobPro.HostedMailbox);

        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            string invitation = await bobFirst.CreateInvitationAsync(TestProfiles.Ct);
            Assert.Equal(InvitationMailboxKind.Hosted, InvitationCodec.Decode(invitation).Invitation.Mailbox!.Kind);
            MailboxSummary own = (await bobFirst.GetStatusAsync(TestProfiles.Ct)).Mailbox!;
            Assert.Equal(("hosted", bobs.Handle.MailboxId.ToString(), hostAddress), (own.Kind, own.Id, own.Location));
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        SentMessage sent = await alice.SendTextAsync("bob", "kept for you on the host", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);

        await using (WotIdNode bob = await world.StartAsync(await world.OpenAsync("bob")))
        {
            await WaitUntilAsync(async () => (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Count > 0);
            InboxMessage only = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
            Assert.Equal((sent.Id, "kept for you on the host", DeliveryRoutes.Mailbox), (only.Id, only.Text, only.Via));
            await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }
}
