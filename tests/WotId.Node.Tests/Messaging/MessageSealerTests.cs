using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Signal.Protocol;
using WotId.Tsp.Messages;

namespace WotId.Node.Tests.Messaging;

/// <summary>MessageSealer over two real profiles: sessions, both directions, duplicates, order, receipts.</summary>
public sealed class MessageSealerTests
{
    [Fact]
    public async Task PreKeyThenNormalMessagesFlowBothWaysAndTheConversationKeepsTheirOrder()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        Assert.True(p.AliceSealer.HasSession(p.BobAtAlice));
        Assert.False(p.BobSealer.HasSession(p.AliceAtBob));
        Assert.False(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, await p.Bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct));

        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("hello bob"), TestProfiles.Ct);
        byte[] e1 = MessagingPair.Envelope(p.Alice, a1);
        Assert.Equal(CiphertextMessageType.PreKey, SealedEnvelopeCodec.Decode(e1).SignalType);
        Assert.Equal(OutboxState.Queued, p.Alice.Messages.GetOutgoing(a1)!.State);

        OpenedMessage o1 = await p.BobSealer.OpenAndStoreAsync(e1, MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.False(o1.Duplicate);
        Assert.Equal(a1, o1.Message!.Id);
        Assert.Equal("alice", o1.Contact.Name);
        Assert.Equal(p.Alice.SignalIdentityKey.Serialize(), o1.Contact.IdentityKey);

        string b1 = await p.BobSealer.SealAndQueueAsync(p.AliceAtBob, MessagingPair.Chat("hi alice"), TestProfiles.Ct);
        byte[] e2 = MessagingPair.Envelope(p.Bob, b1);
        Assert.Equal(CiphertextMessageType.Whisper, SealedEnvelopeCodec.Decode(e2).SignalType);
        Assert.False((await p.AliceSealer.OpenAndStoreAsync(e2, MessageSealer.ViaMailbox, TestProfiles.Ct)).Duplicate);

        string a2 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("how are you?"), TestProfiles.Ct);
        byte[] e3 = MessagingPair.Envelope(p.Alice, a2);
        Assert.Equal(CiphertextMessageType.Whisper, SealedEnvelopeCodec.Decode(e3).SignalType);
        await p.BobSealer.OpenAndStoreAsync(e3, MessageSealer.ViaDirect, TestProfiles.Ct);

        var atBob = p.Bob.Messages.Conversation(p.AliceAtBob.Id, 100);
        Assert.Equal(["hello bob", "hi alice", "how are you?"], atBob.Select(m => m.Text));
        Assert.Equal([false, true, false], atBob.Select(m => m.Outgoing));
        Assert.Equal(["received", "queued", "received"], atBob.Select(m => m.State));
        var atAlice = p.Alice.Messages.Conversation(p.BobAtAlice.Id, 100);
        Assert.Equal(["hello bob", "hi alice", "how are you?"], atAlice.Select(m => m.Text));
        Assert.Equal("mailbox", atAlice[1].Via);
        Assert.Equal(["how are you?"], p.Bob.Messages.Conversation(p.AliceAtBob.Id, 1).Select(m => m.Text));
    }

    [Fact]
    public async Task OutOfOrderAndRepeatedCopiesAreStoredOnceAndReportedAsDuplicates()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string[] ids = new string[6];
        byte[][] envelopes = new byte[6][];
        for (int i = 0; i < 6; i++)
        {
            ids[i] = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("m" + i), TestProfiles.Ct);
            envelopes[i] = MessagingPair.Envelope(p.Alice, ids[i]);
        }

        int[] order = [3, 0, 5, 3, 1, 0, 4, 2, 5];
        bool[] duplicate = [false, false, false, true, false, true, false, false, true];
        for (int k = 0; k < order.Length; k++)
        {
            OpenedMessage opened = await p.BobSealer.OpenAndStoreAsync(envelopes[order[k]], MessageSealer.ViaDirect, TestProfiles.Ct);
            Assert.Equal(duplicate[k], opened.Duplicate);
        }

        Assert.Equal(6, p.Bob.Messages.Inbox(p.AliceAtBob.Id).Count);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => "m" + i), p.Bob.Messages.Conversation(p.AliceAtBob.Id, 100).Select(m => m.Text));
    }

    [Fact]
    public async Task TheSameMessageSealedTwiceIsADedupHitWithItsContent()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        WotMessage m = MessagingPair.Chat("once");
        byte[] first = await p.AliceSealer.SealAsync(p.BobAtAlice, m, TestProfiles.Ct);
        byte[] second = await p.AliceSealer.SealAsync(p.BobAtAlice, m, TestProfiles.Ct);
        Assert.NotEqual(first, second);
        Assert.False((await p.BobSealer.OpenAndStoreAsync(first, MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        OpenedMessage again = await p.BobSealer.OpenAndStoreAsync(second, MessageSealer.ViaMailbox, TestProfiles.Ct);
        Assert.True(again.Duplicate);
        Assert.Equal(m.Id, again.Message!.Id);
        Assert.Single(p.Bob.Messages.Inbox(p.AliceAtBob.Id));
    }

    [Fact]
    public async Task ReceiptsMoveOutgoingStatesForwardAndAreNotStoredAsChat()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("read me"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct);
        p.Alice.Messages.SetOutboxState(a1, OutboxState.Sent);

        string delivered = await p.BobSealer.SealAndQueueAsync(p.AliceAtBob, MessagingPair.Receipt(WotMessageTypes.ReceiptDelivered, a1, "unknown-id"), TestProfiles.Ct);
        string read = await p.BobSealer.SealAndQueueAsync(p.AliceAtBob, MessagingPair.Receipt(WotMessageTypes.ReceiptRead, a1), TestProfiles.Ct);

        // The read receipt overtakes the delivered one: the state never goes back.
        OpenedMessage r = await p.AliceSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Bob, read), MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Equal(WotMessageTypes.ReceiptRead, r.Message!.Type);
        Assert.Equal(OutboxState.Read, p.Alice.Messages.GetOutgoing(a1)!.State);
        await p.AliceSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Bob, delivered), MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Equal(OutboxState.Read, p.Alice.Messages.GetOutgoing(a1)!.State);
        Assert.True((await p.AliceSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Bob, read), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);

        Assert.Empty(p.Alice.Messages.Inbox(p.BobAtAlice.Id));
        Assert.Equal(["read"], p.Alice.Messages.Conversation(p.BobAtAlice.Id, 10).Select(m => m.State));
        Assert.Equal(
            [(int)OutboxState.Queued, (int)OutboxState.Sent, (int)OutboxState.Read],
            p.Alice.Messages.StateHistory("outbox", p.BobAtAlice.Id, a1));
    }

    [Fact]
    public async Task DeliveredReceiptThenReadReceipt()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("x"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct);
        p.Alice.Messages.SetOutboxState(a1, OutboxState.Deposited);
        byte[] delivered = await p.BobSealer.SealAsync(p.AliceAtBob, MessagingPair.Receipt(WotMessageTypes.ReceiptDelivered, a1), TestProfiles.Ct);
        await p.AliceSealer.OpenAndStoreAsync(delivered, MessageSealer.ViaMailbox, TestProfiles.Ct);
        Assert.Equal(OutboxState.Delivered, p.Alice.Messages.GetOutgoing(a1)!.State);
        byte[] read = await p.BobSealer.SealAsync(p.AliceAtBob, MessagingPair.Receipt(WotMessageTypes.ReceiptRead, a1), TestProfiles.Ct);
        await p.AliceSealer.OpenAndStoreAsync(read, MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Equal(OutboxState.Read, p.Alice.Messages.GetOutgoing(a1)!.State);
    }

    [Fact]
    public async Task MessagesQueuedInTheSameMillisecondKeepTheSendersOrder()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        var stamp = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
        for (int i = 0; i < 5; i++)
        {
            // The same timestamp every time; the ids are random, so only the restamping keeps the order.
            await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, WotMessage.Create(WotMessageTypes.ChatText, new { content = "n" + i }, stamp), TestProfiles.Ct);
        }

        foreach (OutboxEntry e in p.Alice.Messages.Outbox().Reverse())
        {
            await p.BobSealer.OpenAndStoreAsync(e.Envelope, MessageSealer.ViaDirect, TestProfiles.Ct);
        }

        var conversation = p.Bob.Messages.Conversation(p.AliceAtBob.Id, 10);
        Assert.Equal(["n0", "n1", "n2", "n3", "n4"], conversation.Select(m => m.Text));
        Assert.Equal(5, conversation.Select(m => m.SentAt).Distinct().Count());
    }

    [Fact]
    public async Task SealingWithoutASessionIsNoSession()
    {
        using MessagingPair p = await MessagingPair.CreateAsync(session: false);
        var e = await Assert.ThrowsAsync<MessagingException>(async () => await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("x"), TestProfiles.Ct));
        Assert.Equal(MessageRejectReason.NoSession, e.Reason);
        Assert.Empty(p.Alice.Messages.Outbox());
    }
}
