// Two real nodes (profiles in SQLite, TCP on 127.0.0.1) where Bob's mailbox is an IOTA mailbox: the JSON-RPC node is
// the scripted node on a real 127.0.0.1 socket answering from ChainModel, the model of the wotid_mailbox package the
// mailbox contract suite runs against. No live IOTA network is contacted (docs/mailbox.md "The IOTA mailbox in the
// node").
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Contract;
using WotId.Mailbox.Tests.Rpc;
using WotId.Mailbox.Types;
using WotId.Node.Api;
using WotId.Node.IotaMailboxes;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.IotaMailboxes;

public sealed class NodeIotaMailboxTests
{
    private static readonly IotaAddress Package = IotaAddress.Parse(DocumentedResponses.Package);

    [Fact]
    public async Task MessageToAStoppedNodeGoesToItsIotaMailboxAndIsClaimedOnceWithAReceipt()
    {
        using var world = new RuntimeWorld();
        var chain = new ChainModel(Package);
        await using ScriptedNode rpc = ScriptedNode.Start(chain);
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        IotaMailboxSettings bobIota = await IotaMailboxSetup.UseIotaAsync(bobPro, rpc.Endpoint, Package, TestProfiles.Ct);
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            NodeStatus status = await bobFirst.GetStatusAsync(TestProfiles.Ct);
            Assert.Equal(("iota", bobIota.Handle.MailboxId.ToString(), rpc.Endpoint.ToString()), (status.Mailbox!.Kind, status.Mailbox.Id, status.Mailbox.Location));
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        int executedBefore = rpc.Methods.Count(m => m == "iota_executeTransactionBlock");
        SentMessage sent = await alice.SendTextAsync("bob", "left on chain", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);
        Assert.Equal(executedBefore + 1, rpc.Methods.Count(m => m == "iota_executeTransactionBlock"));
        Assert.Equal(1, await PendingOnChainAsync(rpc, bobIota.Handle.MailboxId));

        await using (WotIdNode bob = await world.StartAsync(await world.OpenAsync("bob")))
        {
            await WaitUntilAsync(async () => (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Count > 0);
            await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
            InboxMessage only = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
            Assert.Equal((sent.Id, "left on chain", DeliveryRoutes.Mailbox), (only.Id, only.Text, only.Via));
            // Claimed, read and deleted (the storage rebate): nothing is left in the mailbox, pending or archived.
            await WaitUntilAsync(async () => await AllOnChainAsync(rpc, bobIota.Handle.MailboxId) == 0);
        }

        await using WotIdNode bobAgain = await world.StartAsync(await world.OpenAsync("bob"));
        Assert.Single(await bobAgain.GetInboxAsync("alice", TestProfiles.Ct));
    }

    [Fact]
    public async Task DepositQueuedWhileTheRpcNodeIsDownIsDeliveredWhenItReturns()
    {
        using var world = new RuntimeWorld();
        var chain = new ChainModel(Package);
        ScriptedNode rpc = ScriptedNode.Start(chain);
        int port = rpc.Endpoint.Port;
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        IotaMailboxSettings bobIota = await IotaMailboxSetup.UseIotaAsync(bobPro, rpc.Endpoint, Package, TestProfiles.Ct);
        NodeOptions options = world.Options;
        options = new NodeOptions
        {
            StatusLists = options.StatusLists,
            DirectDeliveryTimeout = TimeSpan.FromSeconds(2),
            MailboxPollInterval = options.MailboxPollInterval,
            OutboxRetryInterval = TimeSpan.FromMilliseconds(500),
        };
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, options, TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bobFirst = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        await rpc.DisposeAsync(); // the JSON-RPC node is down: connections to its port are refused
        NodeException queued = await Assert.ThrowsAsync<NodeException>(() => alice.SendTextAsync("bob", "sent while the chain was away", TestProfiles.Ct));
        Assert.Equal(NodeError.Unreachable, queued.Error);
        string id = (await aliceEvents.WaitAsync(NodeEventKinds.MessageQueued)).MessageId!;
        Assert.Equal(1, (await alice.GetStatusAsync(TestProfiles.Ct)).Outbox);

        await using ScriptedNode back = ScriptedNode.StartAt(chain, port);
        NodeEvent deposited = await aliceEvents.WaitAsync(NodeEventKinds.MessageSent, e => e.MessageId == id);
        Assert.Equal(DeliveryRoutes.Mailbox, deposited.Via);
        // The queued row was sent once after the node came back: one transaction, one message object.
        Assert.Equal(1, back.Methods.Count(m => m == "iota_executeTransactionBlock"));
        Assert.Equal(1, await PendingOnChainAsync(back, bobIota.Handle.MailboxId));

        await using WotIdNode bob = await world.StartAsync(await world.OpenAsync("bob"));
        await WaitUntilAsync(async () => (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Count > 0);
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == id);
        InboxMessage only = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
        Assert.Equal("sent while the chain was away", only.Text);
        await WaitUntilAsync(async () => await AllOnChainAsync(back, bobIota.Handle.MailboxId) == 0);
    }

    [Fact]
    public async Task InvitationNamesTheIotaMailboxWithItsPackageAndEndpoint()
    {
        using var world = new RuntimeWorld();
        await using ScriptedNode rpc = ScriptedNode.Start(new ChainModel(Package));
        (NodeProfile bobPro, _) = await world.CreateAsync("bob", mailbox: false);
        IotaMailboxSettings settings = await IotaMailboxSetup.UseIotaAsync(bobPro, rpc.Endpoint, Package, TestProfiles.Ct);
        await using WotIdNode bob = await world.StartAsync(bobPro);

        WotId.Node.Invitations.DecodedInvitation decoded = WotId.Node.Invitations.InvitationCodec.Decode(await bob.CreateInvitationAsync(TestProfiles.Ct));

        Assert.Equal(WotId.Node.Invitations.InvitationMailboxKind.Iota, decoded.Invitation.Mailbox!.Kind);
        Assert.Equal(settings.Handle.MailboxId, decoded.Invitation.Mailbox.MailboxId);
        Assert.Equal($"{Package}@{rpc.Endpoint}", decoded.Invitation.Mailbox.Hint);
    }

    private static async Task<int> PendingOnChainAsync(ScriptedNode node, IotaAddress mailbox) =>
        (await ListAsync(node, mailbox)).Count(m => m.State == MessageState.Pending);

    private static async Task<int> AllOnChainAsync(ScriptedNode node, IotaAddress mailbox) => (await ListAsync(node, mailbox)).Length;

    /// <summary>The mailbox's messages as any reader of the chain sees them (listing needs no cap).</summary>
    private static async Task<MessageInfo[]> ListAsync(ScriptedNode node, IotaAddress mailbox)
    {
        using var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(30));
        using IotaKeyPair reader = IotaKeyPair.Generate();
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wotid-reader-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        using var outbox = Outbox.Open(System.IO.Path.Combine(folder, "outbox.db"));
        using var chain = new IotaMailbox(client, reader, Package, outbox);
        MessagePage page = await chain.ListAsync(mailbox, null, MailboxLimits.MaxListPageSize, TestProfiles.Ct);
        return [.. page.Messages];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }
}
