// Behaviour of the embedded mailbox, written as the specification of move/wotid_mailbox: each test names the Move
// rule it documents. The same rules hold on chain (see move/wotid_mailbox/tests/mailbox_tests.move).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Behaviour;

public sealed class EmbeddedMailboxBehaviourTests : IDisposable
{
    private readonly EmbeddedFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static MailboxError ErrorOf(Action a) => Assert.Throws<MailboxException>(a).Error;

    [Fact]
    public void Create_gives_the_cap_to_the_creator_and_publishes_the_policy()
    {
        MailboxHandle h = _f.Owner.Create([1, 2, 3], 4096);
        MailboxInfo info = _f.Owner.Info(h.MailboxId);
        Assert.Equal(_f.Owner.Caller, info.OwnerHint);
        Assert.Equal(new byte[] { 1, 2, 3 }, info.EncryptionKey);
        Assert.Equal(4096UL, info.MaxPayloadBytes);
        Assert.Equal(0UL, info.StoredCount);
        Assert.Equal(1, _f.Store.CountEvents("MailboxCreated"));
    }

    [Theory]
    [InlineData(0UL, 32)]
    [InlineData(16_001UL, 32)]
    [InlineData(100UL, 1_025)]
    public void Create_rejects_invalid_policy(ulong max, int keyLength) =>
        Assert.Equal(MailboxError.InvalidPolicy, ErrorOf(() => _f.Owner.Create(new byte[keyLength], max)));

    [Fact]
    public void Anyone_may_send_without_a_capability_and_the_sender_is_recorded()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 42, new byte[100]);
        MessageInfo m = Assert.Single(_f.Stranger.List(h.MailboxId));
        Assert.Equal((id, _f.Sender.Caller, 42UL, 100, MessageState.Pending), (m.Id, m.Sender, m.Seq, m.Size, m.State));
        Assert.Equal(h.MailboxId, m.MailboxId);
    }

    [Fact]
    public void Send_checks_blocked_then_empty_then_size()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.Send(h.MailboxId, 1, [])));
        Assert.Equal(MailboxError.PayloadTooLarge, ErrorOf(() => _f.Sender.Send(h.MailboxId, 1, new byte[101])));
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        Assert.Equal(MailboxError.SenderBlocked, ErrorOf(() => _f.Sender.Send(h.MailboxId, 1, [])));
        _f.Owner.SetBlocked(h, _f.Sender.Caller, false);
        _f.Sender.Send(h.MailboxId, 1, [9]);
        Assert.Empty(_f.Owner.Info(h.MailboxId).Blocked);
    }

    [Fact]
    public void Sending_to_an_unknown_mailbox_is_rejected_before_execution() =>
        Assert.Equal(MailboxError.ObjectNotFound, ErrorOf(() => _f.Sender.Send(EmbeddedFixture.NewAddress(), 1, [1])));

    [Fact]
    public void Only_the_cap_holder_may_claim_read_or_delete()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 1, [7]);

        // A stranger presenting the owner's cap: the chain refuses an owned input of another address at signing.
        Assert.Equal(MailboxError.ObjectNotOwnedByCaller, ErrorOf(() => _f.Stranger.Claim(h, id)));

        // A stranger with a cap of their own mailbox: Move aborts ENotOwner (0).
        MailboxHandle theirs = _f.Stranger.Create([], 100);
        var forged = new MailboxHandle(h.MailboxId, theirs.CapId);
        Assert.Equal(MailboxError.NotOwner, ErrorOf(() => _f.Stranger.Claim(forged, id)));
        Assert.Equal(MailboxError.NotOwner, ErrorOf(() => _f.Stranger.Read(forged, id)));
        Assert.Equal(MailboxError.NotOwner, ErrorOf(() => _f.Stranger.Delete(forged, id)));
        Assert.Equal(MailboxError.NotOwner, ErrorOf(() => _f.Stranger.SetBlocked(forged, _f.Sender.Caller, true)));

        // Nothing changed.
        Assert.Equal(MessageState.Pending, Assert.Single(_f.Owner.List(h.MailboxId)).State);
    }

    [Fact]
    public void Claim_archives_then_read_then_delete()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 1, [1, 2, 3]);
        _f.Owner.Claim(h, id);
        Assert.Equal(1UL, _f.Owner.Info(h.MailboxId).StoredCount);
        Assert.Equal(MessageState.Archived, Assert.Single(_f.Owner.List(h.MailboxId)).State);
        MailboxMessage m = _f.Owner.Read(h, id);
        Assert.Equal(new byte[] { 1, 2, 3 }, m.Payload);
        Assert.Equal(_f.Sender.Caller, m.Info.Sender);
        _f.Owner.Delete(h, id);
        Assert.Empty(_f.Owner.List(h.MailboxId));
        Assert.Equal(0UL, _f.Owner.Info(h.MailboxId).StoredCount);
        Assert.Equal(1, _f.Store.CountEvents("MessageClaimed"));
        Assert.Equal(1, _f.Store.CountEvents("MessageDeleted"));
    }

    [Fact]
    public void Double_claim_cannot_receive_again()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 1, [1]);
        _f.Owner.Claim(h, id);
        Assert.Equal(MailboxError.UnableToReceive, ErrorOf(() => _f.Owner.Claim(h, id)));
        Assert.Equal(1UL, _f.Owner.Info(h.MailboxId).StoredCount);
    }

    [Fact]
    public void A_pending_message_cannot_be_read_or_deleted_until_claimed()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 1, [1]);
        Assert.Equal(MailboxError.MessageNotFound, ErrorOf(() => _f.Owner.Read(h, id)));
        Assert.Equal(MailboxError.MessageNotFound, ErrorOf(() => _f.Owner.Delete(h, id)));
    }

    [Fact]
    public void Delete_twice_is_message_not_found()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 1, [1]);
        _f.Owner.Claim(h, id);
        _f.Owner.Delete(h, id);
        Assert.Equal(MailboxError.MessageNotFound, ErrorOf(() => _f.Owner.Delete(h, id)));
    }

    [Fact]
    public void Receive_and_delete_returns_the_payload_and_never_archives()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, 5, [4, 5]);
        MailboxMessage m = _f.Owner.ReceiveAndDelete(h, id);
        Assert.Equal(new byte[] { 4, 5 }, m.Payload);
        Assert.Empty(_f.Owner.List(h.MailboxId));
        Assert.Equal(0UL, _f.Owner.Info(h.MailboxId).StoredCount);
        Assert.Equal(MailboxError.UnableToReceive, ErrorOf(() => _f.Owner.ReceiveAndDelete(h, id)));
    }

    [Fact]
    public void Message_minted_for_another_mailbox_cannot_be_claimed_but_can_be_cleaned_up()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.SendNewMessage(EmbeddedFixture.NewAddress(), h.MailboxId, 1, [1]);
        Assert.Equal(MailboxError.WrongMailbox, ErrorOf(() => _f.Owner.Claim(h, id)));
        Assert.Equal(MessageState.Pending, Assert.Single(_f.Owner.List(h.MailboxId)).State);
        _f.Owner.ReceiveAndDelete(h, id);
        Assert.Empty(_f.Owner.List(h.MailboxId));
    }

    [Fact]
    public void New_message_path_skips_the_block_list_but_keeps_the_global_limit()
    {
        MailboxHandle h = _f.Owner.Create([], 10);
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        IotaAddress id = _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, 1, new byte[11]);
        _f.Owner.Claim(h, id);
        Assert.Equal(MailboxError.PayloadTooLarge, ErrorOf(() => _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, 2, new byte[16_001])));
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, 2, [])));
    }

    [Fact]
    public void Block_list_is_idempotent_and_bounded()
    {
        MailboxHandle h = _f.Owner.Create([], 10);
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        Assert.Single(_f.Owner.Info(h.MailboxId).Blocked);
        for (int i = 1; i < MailboxLimits.MaxBlocked; i++)
        {
            _f.Owner.SetBlocked(h, EmbeddedFixture.NewAddress(), true);
        }

        Assert.Equal(MailboxError.BlocklistFull, ErrorOf(() => _f.Owner.SetBlocked(h, EmbeddedFixture.NewAddress(), true)));
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true); // already present: still fine
    }

    [Fact]
    public void Resending_the_same_sequence_number_is_idempotent()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress first = _f.Sender.Send(h.MailboxId, 9, [1]);
        IotaAddress again = _f.Sender.Send(h.MailboxId, 9, [1]);
        Assert.Equal(first, again);
        Assert.Single(_f.Owner.List(h.MailboxId));
        Assert.NotEqual(first, _f.Stranger.Send(h.MailboxId, 9, [1])); // seq is per sender
    }

    [Fact]
    public void A_batch_of_claims_is_all_or_nothing_like_one_transaction()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IReadOnlyList<IotaAddress> ids = _f.Sender.SendBatch(h.MailboxId, [(1UL, new byte[] { 1 }), (2UL, new byte[] { 2 }), (3UL, new byte[] { 3 })]);
        Assert.Equal(3, ids.Count);
        Assert.Equal(MailboxError.UnableToReceive, ErrorOf(() => _f.Owner.ClaimBatch(h, [ids[0], EmbeddedFixture.NewAddress(), ids[1]])));
        Assert.All(_f.Owner.List(h.MailboxId), m => Assert.Equal(MessageState.Pending, m.State));
        _f.Owner.ClaimBatch(h, ids);
        Assert.Equal(3UL, _f.Owner.Info(h.MailboxId).StoredCount);
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.SendBatch(h.MailboxId, [(4UL, new byte[] { 4 }), (5UL, Array.Empty<byte>())])));
        Assert.Equal(3, _f.Owner.List(h.MailboxId).Count);
    }

    [Fact]
    public async Task Concurrent_senders_and_a_claimer_lose_and_duplicate_nothing()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        const int senders = 4;
        const int perSender = 150;
        var parties = Enumerable.Range(0, senders).Select(_ => (EmbeddedMailbox)_f.Store.As(EmbeddedFixture.NewAddress())).ToArray();
        var claimed = new HashSet<IotaAddress>();
        bool sendingDone = false;

        Task claimer = Task.Run(() =>
        {
            while (true)
            {
                bool done = Volatile.Read(ref sendingDone);
                foreach (MessageInfo m in _f.Owner.List(h.MailboxId).Where(m => m.State == MessageState.Pending))
                {
                    _f.Owner.Claim(h, m.Id);
                    claimed.Add(m.Id);
                }

                if (done)
                {
                    return;
                }
            }
        }, TestContext.Current.CancellationToken);

        Task[] sending = parties.Select(p => Task.Run(() =>
        {
            for (ulong s = 1; s <= perSender; s++)
            {
                p.Send(h.MailboxId, s, BitConverter.GetBytes(s));
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(sending);
        Volatile.Write(ref sendingDone, true);
        await claimer;

        IReadOnlyList<MessageInfo> all = _f.Owner.List(h.MailboxId);
        Assert.Equal(senders * perSender, all.Count);
        Assert.All(all, m => Assert.Equal(MessageState.Archived, m.State));
        Assert.Equal(senders * perSender, claimed.Count);
        Assert.Equal(senders * perSender, all.Select(m => (m.Sender, m.Seq)).Distinct().Count());
        Assert.Equal((ulong)(senders * perSender), _f.Owner.Info(h.MailboxId).StoredCount);
    }
}
