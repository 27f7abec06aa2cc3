// The file_transfers table (docs/files.md "States", "Resume"): guarded state changes, 64-bit sizes and offsets, the
// sealed file key, file messages applied in the storing transaction, and auto-accept per contact.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Storage;
using WotId.Tsp.Messages;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

public sealed class FileTransferStoreTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public async Task SizesAndOffsetsAboveFourGibibytesAreStoredExactly()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        long size = (6L << 30) + 7;
        byte[] key = RandomNumberGenerator.GetBytes(32);
        Assert.True(p.Files.Insert(Record("t-1", bob, FileTransferDirections.Incoming, size, FileTransferStates.Transferring), key));
        Assert.False(p.Files.Insert(Record("t-1", bob, FileTransferDirections.Incoming, 1, FileTransferStates.Offered), key));

        Assert.True(p.Files.SetTransferred("t-1", (5L << 30) + 3));
        FileTransferRecord r = p.Files.Get("t-1")!;
        Assert.Equal((size, (5L << 30) + 3), (r.Size, r.Transferred));
        Assert.Equal(key, p.Files.Key("t-1"));
        Assert.DoesNotContain(Convert.ToHexString(key), r.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FinishedTransfersNeverMoveAgain()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        p.Files.Insert(Record("t-1", bob, FileTransferDirections.Outgoing, 10, FileTransferStates.Queued), new byte[32]);

        Assert.True(p.Files.Move("t-1", FileTransferStore.Open, FileTransferStates.Cancelled, "cancelled"));
        Assert.False(p.Files.Move("t-1", FileTransferStore.Open, FileTransferStates.Transferring));
        Assert.False(p.Files.SetTransferred("t-1", 5));
        Assert.Equal((FileTransferStates.Cancelled, "cancelled", 0L), (p.Files.Get("t-1")!.State, p.Files.Get("t-1")!.Reason, p.Files.Get("t-1")!.Transferred));
        Assert.Empty(p.Files.Unfinished());
    }

    [Fact]
    public async Task AFilePauseHoldsTheOutgoingTransferUntilTheNextAccept()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        long eve = p.Contacts.Add("eve", "did:key:zEve", "E", []).Id;
        p.Files.Insert(Record("out-1", bob, FileTransferDirections.Outgoing, 3L << 20, FileTransferStates.Transferring), new byte[32]);
        p.Files.Insert(Record("in-1", bob, FileTransferDirections.Incoming, 3L << 20, FileTransferStates.Transferring), new byte[32]);

        Assert.False(Apply(p, eve, WotMessageTypes.FilePause, new() { ["file_id"] = "out-1", ["reason"] = "disk_full" }));
        Assert.False(Apply(p, bob, WotMessageTypes.FilePause, new() { ["file_id"] = "in-1", ["reason"] = "disk_full" })); // only the receiver pauses
        Assert.True(Apply(p, bob, WotMessageTypes.FilePause, new() { ["file_id"] = "out-1", ["reason"] = "disk_full" }));
        Assert.Equal((FileTransferStates.Interrupted, "receiver_disk_full"), (p.Files.Get("out-1")!.State, p.Files.Get("out-1")!.Reason));
        Assert.Equal(FileTransferStates.Transferring, p.Files.Get("in-1")!.State);
        Assert.False(p.Files.TryResumeSending("out-1")); // a stream started before the pause arrived does not undo it
        Assert.Equal("receiver_disk_full", p.Files.Get("out-1")!.Reason);

        Assert.True(Apply(p, bob, WotMessageTypes.FileAccept, new() { ["file_id"] = "out-1", ["offset"] = 1L << 20 }));
        Assert.Equal((FileTransferStates.Transferring, (string?)null, 1L << 20), (p.Files.Get("out-1")!.State, p.Files.Get("out-1")!.Reason, p.Files.Get("out-1")!.Transferred));
        Assert.True(p.Files.Move("out-1", [FileTransferStates.Transferring], FileTransferStates.Interrupted)); // a broken stream
        Assert.True(p.Files.TryResumeSending("out-1"));
        Assert.Equal(FileTransferStates.Transferring, p.Files.Get("out-1")!.State);
        Assert.True(p.Files.Move("in-1", [FileTransferStates.Transferring], FileTransferStates.Interrupted, "disk_full"));
        Assert.True(p.Files.ClearReason("in-1"));
        Assert.Equal((FileTransferStates.Interrupted, (string?)null), (p.Files.Get("in-1")!.State, p.Files.Get("in-1")!.Reason));
        Assert.False(p.Files.ClearReason("in-1"));
    }

    [Fact]
    public async Task FileMessagesApplyOnlyToTheTransfersOfTheirSender()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        long eve = p.Contacts.Add("eve", "did:key:zEve", "E", []).Id;
        p.Files.Insert(Record("out-1", bob, FileTransferDirections.Outgoing, 6L << 30, FileTransferStates.Offered), new byte[32]);

        Assert.False(Apply(p, eve, WotMessageTypes.FileAccept, new() { ["file_id"] = "out-1", ["offset"] = 5L }));
        Assert.True(Apply(p, bob, WotMessageTypes.FileAccept, new() { ["file_id"] = "out-1", ["offset"] = 5L << 30 }));
        Assert.Equal((FileTransferStates.Transferring, 5L << 30), (p.Files.Get("out-1")!.State, p.Files.Get("out-1")!.Transferred));
        Assert.False(Apply(p, bob, WotMessageTypes.FileReceived, new() { ["file_id"] = "out-1", ["blake3"] = new string('0', 64) }));
        Assert.True(Apply(p, bob, WotMessageTypes.FileReceived, new() { ["file_id"] = "out-1", ["blake3"] = Hash }));
        Assert.Equal(FileTransferStates.Completed, p.Files.Get("out-1")!.State);
        Assert.False(Apply(p, bob, WotMessageTypes.FileCancel, new() { ["file_id"] = "out-1" }));
    }

    [Fact]
    public async Task OffersBecomeIncomingRowsUpToTheLimitPerContact()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        byte[] key = RandomNumberGenerator.GetBytes(32);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(ApplyOffer(p, bob, "offer-" + i, key, maxPending: 3));
        }

        Assert.False(ApplyOffer(p, bob, "offer-3", key, maxPending: 3));
        FileTransferRecord r = p.Files.Get("offer-0")!;
        Assert.Equal((FileTransferDirections.Incoming, FileTransferStates.Offered, "report.pdf", 6L << 30), (r.Direction, r.State, r.Name, r.Size));
        Assert.Equal(key, p.Files.Key("offer-0"));
        Assert.Equal(3, p.Files.List().Count);
        Assert.Empty(p.Messages.Inbox(bob)); // file messages never show as unread chat
    }

    [Fact]
    public async Task AutoAcceptIsOffByDefaultAndPerContact()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        long bob = p.Contacts.Add("bob", "did:key:zBob", "P", []).Id;
        long eve = p.Contacts.Add("eve", "did:key:zEve", "E", []).Id;
        Assert.False(p.Files.AutoAccept(bob));
        p.Files.SetAutoAccept(bob, true);
        p.Files.SetAutoAccept(bob, true);
        Assert.True(p.Files.AutoAccept(bob));
        Assert.False(p.Files.AutoAccept(eve));
        p.Files.SetAutoAccept(bob, false);
        Assert.False(p.Files.AutoAccept(bob));
    }

    private static FileTransferRecord Record(string id, long contact, string direction, long size, string state) =>
        new(id, contact, direction, "a.bin", size, "application/octet-stream", Hash, 262144, state, 0, null, null, null, default, default);

    private static bool Apply(NodeProfile p, long contact, string type, Dictionary<string, object> payload) =>
        p.Database.Write((c, tx) => p.Files.Apply(c, tx, contact, WotMessage.Create(type, payload), 64));

    private static bool ApplyOffer(NodeProfile p, long contact, string id, byte[] key, int maxPending)
    {
        var payload = new Dictionary<string, object>
        {
            ["file_id"] = id, ["name"] = "report.pdf", ["size"] = 6L << 30, ["mime_type"] = "application/pdf", ["blake3"] = Hash,
            ["chunk_size"] = 262144, ["key"] = WotId.Core.Encoding.Base64Url.Encode(key),
        };
        WotMessage offer = WotMessage.Create(WotMessageTypes.FileOffer, payload, null, id);
        return p.Database.Write((c, tx) => p.Files.Apply(c, tx, contact, offer, maxPending));
    }
}
