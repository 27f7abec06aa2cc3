// One behaviour suite for every IMailbox (the pattern of tests/WotId.Libp2p.Tests/Conformance/
// ConnectedStreamConformance.cs): the rules of move/wotid_mailbox/sources/mailbox.move as a caller sees them.
// Subclasses supply three parties of one backend: the embedded mailbox on a real SQLite file, and the IOTA mailbox
// over real HTTP to a scripted JSON-RPC node that keeps the chain's objects.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Contract;

/// <summary>Behaviour every <see cref="IMailbox"/> must show.</summary>
public abstract class MailboxContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three callers of one fresh backend.</summary>
    protected abstract Task<MailboxParties> CreatePartiesAsync(CancellationToken cancellationToken);

    [Fact]
    public async Task CreateGivesTheCapToTheCreatorAndPublishesThePolicy()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(new byte[] { 1, 2, 3 }, 4096, Ct);
        MailboxInfo info = await p.Stranger.GetMailboxAsync(h.MailboxId, Ct);
        Assert.Equal(p.Owner.Caller, info.OwnerHint);
        Assert.Equal(new byte[] { 1, 2, 3 }, info.EncryptionKey);
        Assert.Equal((4096UL, 0UL), (info.MaxPayloadBytes, info.StoredCount));
        Assert.Empty(info.Blocked);
    }

    [Theory]
    [InlineData(0UL, 32)]
    [InlineData(16_001UL, 32)]
    [InlineData(100UL, 1_025)]
    public async Task CreateRejectsAnInvalidPolicy(ulong max, int keyLength)
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => p.Owner.CreateAsync(new byte[keyLength], max, Ct));
        Assert.Equal(MailboxError.InvalidPolicy, ex.Error);
    }

    [Fact]
    public async Task AnyoneMaySendAndTheChainRecordsTheSender()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        SendResult r = await p.Sender.SendAsync(h.MailboxId, new byte[100], Ct);
        Assert.True(r.Delivered);
        MessageInfo m = Assert.Single(await ListAllAsync(p.Stranger, h.MailboxId));
        Assert.Equal((r.MessageId, p.Sender.Caller, h.MailboxId, 1UL, 100, MessageState.Pending), ((IotaAddress?)m.Id, m.Sender, m.MailboxId, m.Seq, m.Size, m.State));
    }

    [Fact]
    public async Task SequenceNumbersCountFromOnePerSenderAndMailbox()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle a = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        MailboxHandle b = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        Assert.Equal(1UL, (await p.Sender.SendAsync(a.MailboxId, new byte[] { 1 }, Ct)).Seq);
        Assert.Equal(2UL, (await p.Sender.SendAsync(a.MailboxId, new byte[] { 2 }, Ct)).Seq);
        Assert.Equal(1UL, (await p.Sender.SendAsync(b.MailboxId, new byte[] { 3 }, Ct)).Seq);
        Assert.Equal(1UL, (await p.Stranger.SendAsync(a.MailboxId, new byte[] { 4 }, Ct)).Seq);
        SendResult third = await p.Sender.SendAsync(a.MailboxId, new byte[] { 5 }, Ct);
        Assert.Equal(3UL, third.Seq);
        IReadOnlyList<MessageInfo> all = await ListAllAsync(p.Owner, a.MailboxId);
        Assert.Equal([1UL, 2UL, 3UL], all.Where(m => m.Sender == p.Sender.Caller).Select(m => m.Seq).Order());
    }

    [Fact]
    public async Task EverySendStoresItsOwnPayloadUnderANewNumber()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        SendResult first = await p.Sender.SendAsync(h.MailboxId, "first"u8.ToArray(), Ct);
        SendResult second = await p.Sender.SendAsync(h.MailboxId, "second"u8.ToArray(), Ct);
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.NotEqual(first.Seq, second.Seq);
        MailboxMessage m = await p.Owner.ReceiveAndDeleteAsync(h, second.MessageId!.Value, Ct);
        Assert.Equal("second"u8.ToArray(), m.Payload);
        Assert.Equal(second.Seq, m.Info.Seq);
    }

    [Fact]
    public async Task AFailedSendUsesUpNoSequenceNumber()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 10, Ct);
        Assert.Equal(1UL, (await p.Sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).Seq);
        Assert.Equal(MailboxError.PayloadTooLarge, (await Assert.ThrowsAsync<MailboxException>(() => p.Sender.SendAsync(h.MailboxId, new byte[11], Ct))).Error);
        Assert.Equal(MailboxError.PayloadEmpty, (await Assert.ThrowsAsync<MailboxException>(() => p.Sender.SendAsync(h.MailboxId, Array.Empty<byte>(), Ct))).Error);
        Assert.Equal(2UL, (await p.Sender.SendAsync(h.MailboxId, new byte[] { 2 }, Ct)).Seq);
        Assert.Equal(2, (await ListAllAsync(p.Owner, h.MailboxId)).Count);
    }

    [Fact]
    public async Task TheSizeLimitIsTheMailboxsOwn()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 64, Ct);
        Assert.True((await p.Sender.SendAsync(h.MailboxId, new byte[64], Ct)).Delivered);
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => p.Sender.SendAsync(h.MailboxId, new byte[65], Ct));
        Assert.Equal(MailboxError.PayloadTooLarge, ex.Error);
        Assert.Single(await ListAllAsync(p.Owner, h.MailboxId));
    }

    [Fact]
    public async Task ABlockedSenderIsRefusedUntilUnblocked()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        await p.Owner.SetBlockedAsync(h, p.Sender.Caller, true, Ct);
        Assert.Equal([p.Sender.Caller], (await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).Blocked);
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => p.Sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct));
        Assert.Equal(MailboxError.SenderBlocked, ex.Error);
        Assert.True((await p.Stranger.SendAsync(h.MailboxId, new byte[] { 2 }, Ct)).Delivered);
        await p.Owner.SetBlockedAsync(h, p.Sender.Caller, false, Ct);
        Assert.Empty((await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).Blocked);
        SendResult r = await p.Sender.SendAsync(h.MailboxId, new byte[] { 3 }, Ct);
        Assert.Equal(1UL, r.Seq);
    }

    [Fact]
    public async Task ListingFollowsTheCursorAcrossPagesAndShowsEachMessageOnce()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        var sent = new List<IotaAddress>();
        for (int i = 0; i < 7; i++)
        {
            sent.Add((await p.Sender.SendAsync(h.MailboxId, new byte[] { (byte)(i + 1) }, Ct)).MessageId!.Value);
        }

        await p.Owner.ClaimAsync(h, sent[1], Ct);
        await p.Owner.ClaimAsync(h, sent[4], Ct);
        var seen = new List<MessageInfo>();
        string? cursor = null;
        int pages = 0;
        do
        {
            MessagePage page = await p.Stranger.ListAsync(h.MailboxId, cursor, 2, Ct);
            Assert.InRange(page.Messages.Count, 0, 2);
            seen.AddRange(page.Messages);
            cursor = page.NextCursor;
            pages++;
            Assert.True(pages <= 10, "the listing does not end");
        }
        while (cursor is not null);

        Assert.True(pages >= 4);
        Assert.Equal(sent.ToHashSet(), seen.Select(m => m.Id).ToHashSet());
        Assert.Equal(7, seen.Count);
        Assert.Equal(5, seen.TakeWhile(m => m.State == MessageState.Pending).Count());
        Assert.Equal(new HashSet<IotaAddress> { sent[1], sent[4] }, seen.Where(m => m.State == MessageState.Archived).Select(m => m.Id).ToHashSet());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(MailboxLimits.MaxListPageSize + 1)]
    public async Task ListingRefusesAPageSizeOutOfBounds(int pageSize)
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => p.Owner.ListAsync(h.MailboxId, null, pageSize, Ct));
    }

    [Fact]
    public async Task ListingRefusesACursorItDidNotIssue()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => p.Owner.ListAsync(h.MailboxId, "x-not-a-cursor", 10, Ct));
        Assert.Equal("cursor", ex.ParamName);
    }

    [Fact]
    public async Task ClaimArchivesThenReadThenDelete()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await p.Sender.SendAsync(h.MailboxId, new byte[] { 1, 2, 3 }, Ct)).MessageId!.Value;
        await p.Owner.ClaimAsync(h, id, Ct);
        Assert.Equal(1UL, (await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).StoredCount);
        Assert.Equal(MessageState.Archived, Assert.Single(await ListAllAsync(p.Owner, h.MailboxId)).State);
        MailboxMessage m = await p.Owner.ReadAsync(h, id, Ct);
        Assert.Equal(new byte[] { 1, 2, 3 }, m.Payload);
        Assert.Equal((p.Sender.Caller, 1UL, MessageState.Archived), (m.Info.Sender, m.Info.Seq, m.Info.State));
        await p.Owner.DeleteAsync(h, id, Ct);
        Assert.Empty(await ListAllAsync(p.Owner, h.MailboxId));
        Assert.Equal(0UL, (await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).StoredCount);
        Assert.Equal(MailboxError.MessageNotFound, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.DeleteAsync(h, id, Ct))).Error);
    }

    [Fact]
    public async Task APendingMessageCannotBeReadOrDeletedUntilClaimed()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await p.Sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).MessageId!.Value;
        Assert.Equal(MailboxError.MessageNotFound, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ReadAsync(h, id, Ct))).Error);
        Assert.Equal(MailboxError.MessageNotFound, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.DeleteAsync(h, id, Ct))).Error);
        Assert.Equal(MessageState.Pending, Assert.Single(await ListAllAsync(p.Owner, h.MailboxId)).State);
    }

    [Fact]
    public async Task ReceiveAndDeleteReturnsThePayloadAndNeverArchives()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await p.Sender.SendAsync(h.MailboxId, new byte[] { 4, 5 }, Ct)).MessageId!.Value;
        MailboxMessage m = await p.Owner.ReceiveAndDeleteAsync(h, id, Ct);
        Assert.Equal(new byte[] { 4, 5 }, m.Payload);
        Assert.Empty(await ListAllAsync(p.Owner, h.MailboxId));
        Assert.Equal(0UL, (await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).StoredCount);
        Assert.Equal(MailboxError.UnableToReceive, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ReceiveAndDeleteAsync(h, id, Ct))).Error);
    }

    [Fact]
    public async Task OnlyTheCapHolderMayOperateTheMailbox()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await p.Sender.SendAsync(h.MailboxId, new byte[] { 7 }, Ct)).MessageId!.Value;

        // The owner's cap in a stranger's hands: the chain refuses an owned input of another address.
        Assert.Equal(MailboxError.ObjectNotOwnedByCaller, (await Assert.ThrowsAsync<MailboxException>(() => p.Stranger.ClaimAsync(h, id, Ct))).Error);

        // A stranger's own cap of another mailbox: Move aborts ENotOwner (0).
        MailboxHandle theirs = await p.Stranger.CreateAsync(Array.Empty<byte>(), 100, Ct);
        var forged = new MailboxHandle(h.MailboxId, theirs.CapId);
        Assert.Equal(MailboxError.NotOwner, (await Assert.ThrowsAsync<MailboxException>(() => p.Stranger.ClaimAsync(forged, id, Ct))).Error);
        Assert.Equal(MailboxError.NotOwner, (await Assert.ThrowsAsync<MailboxException>(() => p.Stranger.ReceiveAndDeleteAsync(forged, id, Ct))).Error);
        Assert.Equal(MailboxError.NotOwner, (await Assert.ThrowsAsync<MailboxException>(() => p.Stranger.SetBlockedAsync(forged, p.Sender.Caller, true, Ct))).Error);
        Assert.Equal(MessageState.Pending, Assert.Single(await ListAllAsync(p.Owner, h.MailboxId)).State);
    }

    [Fact]
    public async Task AnUnknownMessageCannotBeClaimedReadOrDeleted()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        var unknown = new IotaAddress(RandomBytes.Get(32));
        Assert.Equal(MailboxError.UnableToReceive, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ClaimAsync(h, unknown, Ct))).Error);
        Assert.Equal(MailboxError.UnableToReceive, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ReceiveAndDeleteAsync(h, unknown, Ct))).Error);
        Assert.Equal(MailboxError.MessageNotFound, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ReadAsync(h, unknown, Ct))).Error);
        Assert.Equal(MailboxError.MessageNotFound, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.DeleteAsync(h, unknown, Ct))).Error);
    }

    [Fact]
    public async Task ADoubleClaimCannotReceiveAgain()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await p.Sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).MessageId!.Value;
        await p.Owner.ClaimAsync(h, id, Ct);
        Assert.Equal(MailboxError.UnableToReceive, (await Assert.ThrowsAsync<MailboxException>(() => p.Owner.ClaimAsync(h, id, Ct))).Error);
        Assert.Equal(1UL, (await p.Owner.GetMailboxAsync(h.MailboxId, Ct)).StoredCount);
    }

    [Fact]
    public async Task SendingToAnUnknownMailboxFailsAndStoresNothing()
    {
        await using MailboxParties p = await CreatePartiesAsync(Ct);
        var unknown = new IotaAddress(RandomBytes.Get(32));
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => p.Sender.SendAsync(unknown, new byte[] { 1 }, Ct));
        Assert.Equal(MailboxError.ObjectNotFound, ex.Error);
        MailboxHandle h = await p.Owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        Assert.Equal(1UL, (await p.Sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).Seq);
    }

    private static async Task<IReadOnlyList<MessageInfo>> ListAllAsync(IMailbox mailbox, IotaAddress mailboxId)
    {
        var all = new List<MessageInfo>();
        string? cursor = null;
        do
        {
            MessagePage page = await mailbox.ListAsync(mailboxId, cursor, MailboxLimits.MaxListPageSize, Ct);
            all.AddRange(page.Messages);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }
}
