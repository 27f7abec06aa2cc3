using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Tsp.Messages;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Messaging;

/// <summary>
/// The message layer under a hostile network: random sends both ways, deliveries with drops, duplicates and reorders,
/// retransmissions of unacknowledged messages, failed commits and restarts of both profiles from disk. Afterwards every
/// chat message is in the receiver's inbox exactly once, each conversation lists each sender's messages in the order
/// they were sent, and every chat message got its delivered receipt.
/// </summary>
public sealed class MessagingPropertyTests
{
    private const int Steps = 90;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EveryChatMessageEndsUpInTheInboxExactlyOnceInTheSendersOrder(int seed)
    {
        var rng = new Random(seed);
        using MessagingPair p = await MessagingPair.CreateAsync();
        var world = new World(p);
        for (int step = 0; step < Steps; step++)
        {
            int r = rng.Next(100);
            if (r < 22)
            {
                await world.SendChatAsync(fromAlice: true, "a" + step);
            }
            else if (r < 38)
            {
                await world.SendChatAsync(fromAlice: false, "b" + step);
            }
            else if (r < 72 && world.Network.Count > 0)
            {
                await world.DeliverAsync(rng.Next(world.Network.Count), keepCopy: rng.Next(4) == 0, ackArrives: rng.Next(5) != 0);
            }
            else if (r < 80 && world.Network.Count > 0)
            {
                world.Network.RemoveAt(rng.Next(world.Network.Count));
            }
            else if (r < 88)
            {
                world.Retransmit();
            }
            else if (r < 94)
            {
                await p.ReopenAsync();
            }
            else if (world.Network.Count > 0)
            {
                await world.DeliverWithFailedCommitAsync(rng.Next(world.Network.Count));
            }
        }

        await world.DrainAsync(rng);

        World.AssertExactlyOnceInOrder(p.Bob, p.AliceAtBob, world.SentByAlice);
        World.AssertExactlyOnceInOrder(p.Alice, p.BobAtAlice, world.SentByBob);
        Assert.All(world.SentByAlice, id => Assert.Equal(OutboxState.Delivered, p.Alice.Messages.GetOutgoing(id)!.State));
        Assert.All(world.SentByBob, id => Assert.Equal(OutboxState.Delivered, p.Bob.Messages.GetOutgoing(id)!.State));
    }

    /// <summary>The two profiles and the envelopes in flight.</summary>
    private sealed class World(MessagingPair p)
    {
        internal List<(bool ToBob, string Id, byte[] Envelope)> Network { get; } = [];

        internal List<string> SentByAlice { get; } = [];

        internal List<string> SentByBob { get; } = [];

        internal async Task SendChatAsync(bool fromAlice, string text)
        {
            MessageSealer sealer = fromAlice ? p.AliceSealer : p.BobSealer;
            Contact to = fromAlice ? p.BobAtAlice : p.AliceAtBob;
            if (!sealer.HasSession(to))
            {
                return; // Bob answers only once Alice's first message reached him.
            }

            string id = await sealer.SealAndQueueAsync(to, MessagingPair.Chat(text), TestProfiles.Ct);
            (fromAlice ? SentByAlice : SentByBob).Add(id);
            Network.Add((fromAlice, id, MessagingPair.Envelope(fromAlice ? p.Alice : p.Bob, id)));
        }

        internal async Task DeliverAsync(int index, bool keepCopy, bool ackArrives)
        {
            (bool toBob, string id, byte[] envelope) = Network[index];
            if (!keepCopy)
            {
                Network.RemoveAt(index);
            }

            NodeProfile sender = toBob ? p.Alice : p.Bob;
            MessageSealer receiver = toBob ? p.BobSealer : p.AliceSealer;
            OpenedMessage opened = await receiver.OpenAndStoreAsync(envelope, MessageSealer.ViaDirect, TestProfiles.Ct);
            if (!opened.Duplicate && opened.Message!.Type == WotMessageTypes.ChatText)
            {
                string receipt = await receiver.SealAndQueueAsync(opened.Contact, MessagingPair.Receipt(WotMessageTypes.ReceiptDelivered, opened.Message.Id), TestProfiles.Ct);
                Network.Add((!toBob, receipt, MessagingPair.Envelope(toBob ? p.Bob : p.Alice, receipt)));
            }

            if (ackArrives)
            {
                sender.Messages.AdvanceOutboxState(id, OutboxState.Sent, countAttempt: true);
            }
        }

        /// <summary>The receiver's transaction fails after decryption (a crash at the worst moment); the copy stays in flight.</summary>
        internal async Task DeliverWithFailedCommitAsync(int index)
        {
            (bool toBob, _, byte[] envelope) = Network[index];
            NodeProfile receiver = toBob ? p.Bob : p.Alice;
            receiver.Database.Write((c, t) => ProfileDatabase.Execute(c, t, "CREATE TRIGGER crash BEFORE INSERT ON dedup BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"));
            try
            {
                await (toBob ? p.BobSealer : p.AliceSealer).OpenAndStoreAsync(envelope, MessageSealer.ViaDirect, TestProfiles.Ct);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The expected failure for a copy that would have been stored; a duplicate never reaches the insert.
            }
            finally
            {
                receiver.Database.Write((c, t) => ProfileDatabase.Execute(c, t, "DROP TRIGGER crash"));
            }
        }

        /// <summary>Every message not yet acknowledged is sent again (the outbox keeps the sealed bytes).</summary>
        internal void Retransmit()
        {
            foreach ((NodeProfile profile, bool toBob) in new[] { (p.Alice, true), (p.Bob, false) })
            {
                foreach (OutboxEntry e in profile.Messages.Outbox(OutboxState.Queued))
                {
                    Network.Add((toBob, e.MessageId, e.Envelope));
                }
            }
        }

        /// <summary>The network heals: retransmit and deliver until nothing is unacknowledged.</summary>
        internal async Task DrainAsync(Random rng)
        {
            for (int round = 0; round < 20; round++)
            {
                Network.Clear();
                Retransmit();
                if (Network.Count == 0)
                {
                    return;
                }

                while (Network.Count > 0)
                {
                    await DeliverAsync(rng.Next(Network.Count), keepCopy: false, ackArrives: true);
                }
            }

            Assert.Fail("the network did not drain");
        }

        internal static void AssertExactlyOnceInOrder(NodeProfile receiver, Contact senderAtReceiver, List<string> sent)
        {
            var inbox = receiver.Messages.Inbox(senderAtReceiver.Id);
            Assert.Equal(sent.Count, inbox.Count);
            Assert.Equal(sent.Order(StringComparer.Ordinal), inbox.Select(e => e.MessageId).Order(StringComparer.Ordinal));
            var incoming = receiver.Messages.Conversation(senderAtReceiver.Id, MessageStore.MaxConversationLimit).Where(m => !m.Outgoing).Select(m => m.MessageId);
            Assert.Equal(sent, incoming);
        }
    }
}
