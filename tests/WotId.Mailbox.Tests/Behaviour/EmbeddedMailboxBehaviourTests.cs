// Behaviour of the embedded mailbox beyond the shared contract (Contract/MailboxContract.cs): events, the owned
// new_message path, batches as one transaction, sequence numbering under concurrency, and concurrent claims. Each
// test names the Move rule it documents (move/wotid_mailbox/sources/mailbox.move).
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
    public void EveryOperationRecordsItsEvent()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.Send(h.MailboxId, [1, 2, 3]).Id;
        _f.Owner.Claim(h, id);
        _f.Owner.Delete(h, id);
        Assert.Equal((1, 1, 1, 1), (_f.Store.CountEvents("MailboxCreated"), _f.Store.CountEvents("MessageSent"),
            _f.Store.CountEvents("MessageClaimed"), _f.Store.CountEvents("MessageDeleted")));
    }

    [Fact]
    public void SendChecksBlockedBeforeEmptyBeforeSize()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.Send(h.MailboxId, [])));
        Assert.Equal(MailboxError.PayloadTooLarge, ErrorOf(() => _f.Sender.Send(h.MailboxId, new byte[101])));
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        Assert.Equal(MailboxError.SenderBlocked, ErrorOf(() => _f.Sender.Send(h.MailboxId, [])));
    }

    [Fact]
    public void MessageMintedForAnotherMailboxCannotBeClaimedButCanBeCleanedUp()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IotaAddress id = _f.Sender.SendNewMessage(EmbeddedFixture.NewAddress(), h.MailboxId, [1]).Id;
        Assert.Equal(MailboxError.WrongMailbox, ErrorOf(() => _f.Owner.Claim(h, id)));
        Assert.Equal(MessageState.Pending, Assert.Single(_f.Owner.List(h.MailboxId)).State);
        _f.Owner.ReceiveAndDelete(h, id);
        Assert.Empty(_f.Owner.List(h.MailboxId));
    }

    [Fact]
    public void NewMessagePathSkipsTheBlockListButKeepsTheGlobalLimit()
    {
        MailboxHandle h = _f.Owner.Create([], 10);
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        IotaAddress id = _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, new byte[11]).Id;
        Assert.Equal(MessageState.Pending, Assert.Single(_f.Owner.List(h.MailboxId)).State);
        Assert.Equal(MailboxError.PayloadTooLarge, ErrorOf(() => _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, new byte[16_001])));
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, [])));
        _f.Owner.ReceiveAndDelete(h, id);
    }

    [Fact]
    public void ClaimAppliesTheBlockListThenTheSizeLimitToNewMessages()
    {
        MailboxHandle h = _f.Owner.Create([], 10);
        IotaAddress big = _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, new byte[11]).Id;
        Assert.Equal(MailboxError.PayloadTooLarge, ErrorOf(() => _f.Owner.Claim(h, big)));
        _f.Owner.SetBlocked(h, _f.Sender.Caller, true);
        Assert.Equal(MailboxError.SenderBlocked, ErrorOf(() => _f.Owner.Claim(h, big)));
        IotaAddress small = _f.Sender.SendNewMessage(h.MailboxId, h.MailboxId, [1]).Id;
        Assert.Equal(MailboxError.SenderBlocked, ErrorOf(() => _f.Owner.Claim(h, small)));
        Assert.All(_f.Owner.List(h.MailboxId), m => Assert.Equal(MessageState.Pending, m.State));
        _f.Owner.ReceiveAndDelete(h, big);
        _f.Owner.ReceiveAndDelete(h, small);
        Assert.Empty(_f.Owner.List(h.MailboxId));
        Assert.Equal(0UL, _f.Owner.Info(h.MailboxId).StoredCount);
    }

    [Fact]
    public void BlockListIsIdempotentAndBounded()
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
        Assert.Equal(MailboxLimits.MaxBlocked, _f.Owner.Info(h.MailboxId).Blocked.Count);
    }

    [Fact]
    public void ADeletedMessageKeepsItsSequenceNumberUsed()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        (IotaAddress id, ulong seq) = _f.Sender.Send(h.MailboxId, [1]);
        _f.Owner.ReceiveAndDelete(h, id);
        Assert.Equal(seq + 1, _f.Sender.Send(h.MailboxId, [2]).Seq);
    }

    [Fact]
    public void ABatchOfClaimsIsAllOrNothingLikeOneTransaction()
    {
        MailboxHandle h = _f.Owner.Create([], 100);
        IReadOnlyList<(IotaAddress Id, ulong Seq)> sent = _f.Sender.SendBatch(h.MailboxId, [[1], [2], [3]]);
        Assert.Equal([1UL, 2UL, 3UL], sent.Select(s => s.Seq));
        IotaAddress[] ids = sent.Select(s => s.Id).ToArray();
        Assert.Equal(MailboxError.UnableToReceive, ErrorOf(() => _f.Owner.ClaimBatch(h, [ids[0], EmbeddedFixture.NewAddress(), ids[1]])));
        Assert.All(_f.Owner.List(h.MailboxId), m => Assert.Equal(MessageState.Pending, m.State));
        _f.Owner.ClaimBatch(h, ids);
        Assert.Equal(3UL, _f.Owner.Info(h.MailboxId).StoredCount);
        Assert.Equal(MailboxError.PayloadEmpty, ErrorOf(() => _f.Sender.SendBatch(h.MailboxId, [[4], []])));
        Assert.Equal(3, _f.Owner.List(h.MailboxId).Count);
        Assert.Equal(4UL, _f.Sender.Send(h.MailboxId, [4]).Seq); // the failed batch used up no number
    }

    [Fact]
    public async Task ConcurrentSendersAndAClaimerLoseNothingAndNumberWithoutGaps()
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

        // Two views of the same sender race as well: numbers come from the database, not from the view.
        Task[] sending = parties.Concat(parties).Select(p => Task.Run(() =>
        {
            for (int s = 0; s < perSender / 2; s++)
            {
                p.Send(h.MailboxId, BitConverter.GetBytes(s));
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(sending);
        Volatile.Write(ref sendingDone, true);
        await claimer;

        IReadOnlyList<MessageInfo> all = _f.Owner.List(h.MailboxId);
        Assert.Equal(senders * perSender, all.Count);
        Assert.All(all, m => Assert.Equal(MessageState.Archived, m.State));
        Assert.Equal(senders * perSender, claimed.Count);
        foreach (IGrouping<IotaAddress, MessageInfo> bySender in all.GroupBy(m => m.Sender))
        {
            Assert.Equal(Enumerable.Range(1, perSender).Select(i => (ulong)i), bySender.Select(m => m.Seq).Order());
        }

        Assert.Equal((ulong)(senders * perSender), _f.Owner.Info(h.MailboxId).StoredCount);
    }
}
