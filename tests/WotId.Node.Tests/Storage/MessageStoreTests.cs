using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Node.Profile;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>Outbox, inbox, dedup and the state history, each change in one transaction.</summary>
public sealed class MessageStoreTests
{
    [Fact]
    public async Task OutboxStatesAreRecordedWithAttemptsAndHistory()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        p.Messages.Enqueue("m-1", bob, [1, 2, 3]);
        p.Messages.SetOutboxState("m-1", OutboxState.Queued, countAttempt: true);
        p.Messages.SetOutboxState("m-1", OutboxState.Sent, countAttempt: true);
        p.Messages.SetOutboxState("m-1", OutboxState.Delivered);

        OutboxEntry e = Assert.Single(p.Messages.Outbox());
        Assert.Equal((OutboxState.Delivered, 2), (e.State, e.Attempts));
        Assert.Equal(new byte[] { 1, 2, 3 }, e.Envelope);
        Assert.Empty(p.Messages.Outbox(OutboxState.Queued));
        Assert.Equal([0, 0, 1, 2], p.Messages.StateHistory("outbox", bob, "m-1"));
        Assert.DoesNotContain("1, 2, 3", e.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.Enqueue("m-1", bob, [9])).Error);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.SetOutboxState("nope", OutboxState.Sent)).Error);
    }

    [Fact]
    public async Task DuplicateIncomingMessageIsDroppedAndChangesNothing()
    {
        using var t = new TestProfiles();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        using NodeProfile p = await t.CreateAsync("alice", time, mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        Assert.True(p.Messages.Receive(bob, "m-1", "hi"u8, "direct"));
        Assert.False(p.Messages.Receive(bob, "m-1", "other body"u8, "mailbox"));
        InboxEntry e = Assert.Single(p.Messages.Inbox(bob));
        Assert.Equal(("hi", "direct", InboxState.Received), (System.Text.Encoding.UTF8.GetString(e.Body), e.Via, e.State));
        Assert.Equal([0], p.Messages.StateHistory("inbox", bob, "m-1"));

        p.Messages.SetInboxState(bob, "m-1", InboxState.Read);
        Assert.Equal(InboxState.Read, p.Messages.Inbox(bob).Single().State);

        // After the dedup window is pruned the id is forgotten (the inbox row stays; the node decides what to do).
        time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, p.Messages.PruneDedup(time.GetUtcNow() - TimeSpan.FromDays(7)));
        Assert.False(p.Messages.Seen(bob, "m-1"));
    }

    [Fact]
    public async Task FailedWriteLeavesNoPartialState()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;

        // An inbox row that already exists without a dedup entry makes the inbox insert fail after the dedup insert.
        p.Messages.Receive(bob, "m-1", "hi"u8, "direct");
        p.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, "DELETE FROM dedup"));
        Assert.ThrowsAny<Exception>(() => p.Messages.Receive(bob, "m-1", "again"u8, "direct"));
        Assert.False(p.Messages.Seen(bob, "m-1"));
        Assert.Equal([0], p.Messages.StateHistory("inbox", bob, "m-1"));
        Assert.Equal("hi"u8.ToArray(), p.Messages.Inbox(bob).Single().Body);
    }

    [Fact]
    public async Task UnknownContactAndOversizedIdsAreRefused()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.Enqueue("m", bob + 1, [1])).Error);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.Receive(bob + 1, "m", [1], "direct")).Error);
        string longId = new('m', MessageStore.MaxMessageIdLength + 1);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.Enqueue(longId, bob, [1])).Error);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.Messages.Receive(bob, "m", [1], "")).Error);
        Assert.Empty(p.Messages.Outbox());
    }

    [Fact]
    public async Task BodyMovedToAnotherMessageDoesNotOpen()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        p.Messages.Receive(bob, "m-1", "first"u8, "direct");
        p.Messages.Receive(bob, "m-2", "second"u8, "direct");
        p.Database.Write((c, tx) => ProfileDatabase.Execute(c, tx, "UPDATE inbox SET body = (SELECT body FROM inbox WHERE message_id = 'm-1') WHERE message_id = 'm-2'"));
        Assert.Equal(ProfileError.Corrupt, Assert.Throws<ProfileException>(() => p.Messages.Inbox(bob)).Error);
    }
}
