// File transfer between two real nodes (profiles in SQLite, TCP on 127.0.0.1; docs/files.md): offer, accept, the
// bytes on /wotid/file/5.0.0, the whole-file hash and file.received; decline; cancel from either side; a source that
// changed between two streams of a transfer (hash mismatch at the receiver); several transfers at once; chat during
// a transfer.
using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;

namespace WotId.Node.Tests.Files;

public sealed class NodeFileTransferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096 * 5 + 17)]
    public async Task AcceptedFileArrivesWholeAndVerified(int size)
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world);
        await using (alice)
        await using (bob)
        {
            await using var aliceEvents = new EventRecorder(alice);
            await using var bobEvents = new EventRecorder(bob);
            string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "report.pdf", size);

            FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
            Assert.Equal((FileTransferDirections.Outgoing, FileTransferStates.Offered, "report.pdf", (long)size, "application/pdf"),
                (sent.Direction, sent.State, sent.Name, sent.Size, sent.MediaType));
            NodeEvent offered = await bobEvents.WaitAsync(NodeEventKinds.FileOffered, e => e.FileId == sent.Id);
            Assert.Equal(("alice", "report.pdf", (long?)size), (offered.Contact, offered.Text, offered.Size));

            string downloads = FileWorld.Folder(world, "downloads");
            FileTransferSummary accepted = await bob.AcceptFileAsync(sent.Id, downloads, TestProfiles.Ct);
            Assert.Equal((FileTransferDirections.Incoming, FileTransferStates.Transferring), (accepted.Direction, accepted.State));

            await bobEvents.WaitAsync(NodeEventKinds.FileCompleted, e => e.FileId == sent.Id);
            await aliceEvents.WaitAsync(NodeEventKinds.FileAccepted, e => e.FileId == sent.Id && e.Bytes == 0);
            await aliceEvents.WaitAsync(NodeEventKinds.FileCompleted, e => e.FileId == sent.Id);
            FileTransferSummary received = (await bob.GetFileTransfersAsync(TestProfiles.Ct)).Single(t => t.Id == sent.Id);
            Assert.Equal((FileTransferStates.Completed, (long)size), (received.State, received.Transferred));
            Assert.Equal(Path.Combine(downloads, "report.pdf"), received.Path);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(received.Path!)));
            FileTransferSummary done = await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Completed);
            Assert.Equal(size, done.Transferred);
            Assert.Empty(Directory.GetFiles(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial")));
        }
    }

    [Fact]
    public async Task DeclinedOfferEndsOnBothSides()
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world);
        await using (alice)
        await using (bob)
        {
            await using var aliceEvents = new EventRecorder(alice);
            string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "a.txt", 100);
            FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
            await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Offered);

            FileTransferSummary declined = await bob.DeclineFileAsync(sent.Id, TestProfiles.Ct);

            Assert.Equal(FileTransferStates.Declined, declined.State);
            NodeEvent ended = await aliceEvents.WaitAsync(NodeEventKinds.FileEnded, e => e.FileId == sent.Id);
            Assert.Equal("declined", ended.Reason);
            Assert.Equal(FileTransferStates.Declined, (await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Declined)).State);
            NodeException again = await Assert.ThrowsAsync<NodeException>(() => bob.AcceptFileAsync(sent.Id, null, TestProfiles.Ct));
            Assert.Equal(NodeError.InvalidInput, again.Error);
            Assert.Equal(NodeError.UnknownFile, (await Assert.ThrowsAsync<NodeException>(() => bob.DeclineFileAsync("no-such-id", TestProfiles.Ct))).Error);
            Assert.Equal(NodeError.InvalidInput, (await Assert.ThrowsAsync<NodeException>(() => alice.SendFileAsync("bob", Path.Combine(FileWorld.Folder(world, "src"), "missing"), TestProfiles.Ct))).Error);
            Assert.Equal(NodeError.InvalidInput, (await Assert.ThrowsAsync<NodeException>(() => alice.SendFileAsync("bob", FileWorld.Folder(world, "src"), TestProfiles.Ct))).Error);
            Assert.Equal(NodeError.UnknownContact, (await Assert.ThrowsAsync<NodeException>(() => alice.SendFileAsync("carol", source, TestProfiles.Ct))).Error);
            Assert.Equal(NodeError.InvalidInput, (await Assert.ThrowsAsync<NodeException>(() => alice.AcceptFileAsync(sent.Id, null, TestProfiles.Ct))).Error);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CancelFromEitherSideStopsTheTransferAndDeletesThePartialFile(bool senderCancels)
    {
        using var world = new RuntimeWorld();
        // The receiver holds every durable batch until the test cancelled, so the cancel always lands mid-transfer.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        NodeOptions bobOptions = FileWorld.Options(world, fault: p =>
        {
            if (p == FaultPoints.AfterFileChunkDurable)
            {
                holding.TrySetResult();
                release.Task.Wait(TimeSpan.FromSeconds(30));
            }
        });
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world, bobOptions: bobOptions);
        await using (alice)
        await using (bob)
        {
            await using var aliceEvents = new EventRecorder(alice);
            await using var bobEvents = new EventRecorder(bob);
            string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "big.bin", 256 * 1024);
            FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
            await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Offered);
            await bob.AcceptFileAsync(sent.Id, FileWorld.Folder(world, "downloads"), TestProfiles.Ct);
            await holding.Task.WaitAsync(TimeSpan.FromSeconds(60), TestProfiles.Ct);

            Task<FileTransferSummary> cancel = (senderCancels ? alice : bob).CancelFileAsync(sent.Id, TestProfiles.Ct);
            await Task.Delay(200, TestProfiles.Ct);
            release.TrySetResult();
            Assert.Equal(FileTransferStates.Cancelled, (await cancel).State);

            EventRecorder other = senderCancels ? bobEvents : aliceEvents;
            NodeEvent ended = await other.WaitAsync(NodeEventKinds.FileEnded, e => e.FileId == sent.Id);
            Assert.Equal("cancelled", ended.Reason);
            await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Cancelled);
            FileTransferSummary atBob = await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Cancelled);
            Assert.Null(atBob.Path);
            Assert.False(File.Exists(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial", sent.Id)));
            Assert.False(Directory.Exists(FileWorld.Folder(world, "downloads")) && Directory.GetFiles(FileWorld.Folder(world, "downloads")).Length > 0);
            Assert.DoesNotContain(bobEvents.All, e => e.Kind == NodeEventKinds.FileCompleted);
        }
    }

    [Fact]
    public async Task SourceChangedBetweenTwoStreamsFailsTheHashCheckAndLeavesNothing()
    {
        using var world = new RuntimeWorld();
        // 4 MiB: many durable batches, so Bob's first stream breaks long before his last one (Alice's stream may still
        // have sent every chunk and recorded the old file's hash: Bob's mixed file then fails against that hash).
        const int Size = 4 << 20;
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "doc.txt", Size);
        // Bob's first stream breaks after its first durable batch; the source changes (same size, other bytes) just
        // before Alice opens it for her next stream, never while a stream runs (the sender would then fail it with
        // source_changed itself): the receiver's durable prefix is of the old file, the rest of the new one.
        int batches = 0;
        int streams = 0;
        NodeOptions bobOptions = FileWorld.Options(world, fault: p =>
        {
            if (p == FaultPoints.AfterFileChunkDurable && Interlocked.Increment(ref batches) == 1)
            {
                throw new IOException("fault point: the stream breaks");
            }
        });
        NodeOptions aliceOptions = FileWorld.Options(world, fault: p =>
        {
            if (p == FaultPoints.BeforeFileSendStream && Interlocked.Increment(ref streams) == 2)
            {
                File.WriteAllBytes(source, RandomNumberGenerator.GetBytes(Size));
            }
        });
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world, aliceOptions, bobOptions);
        await using (alice)
        await using (bob)
        {
            await using var aliceEvents = new EventRecorder(alice);
            await using var bobEvents = new EventRecorder(bob);
            FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
            await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Offered);

            await bob.AcceptFileAsync(sent.Id, FileWorld.Folder(world, "downloads"), TestProfiles.Ct);

            NodeEvent failed = await bobEvents.WaitAsync(NodeEventKinds.FileEnded, e => e.FileId == sent.Id);
            Assert.Equal("hash_mismatch", failed.Reason);
            Assert.True(Volatile.Read(ref batches) >= 2, "the file failed on a second stream, after a resume");
            FileTransferSummary atBob = await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Failed);
            Assert.Equal(("hash_mismatch", null), (atBob.Reason, atBob.Path));
            Assert.False(File.Exists(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial", sent.Id)));
            Assert.False(Directory.Exists(FileWorld.Folder(world, "downloads")) && Directory.GetFiles(FileWorld.Folder(world, "downloads")).Length > 0);
            Assert.Equal("hash_mismatch", (await aliceEvents.WaitAsync(NodeEventKinds.FileEnded, e => e.FileId == sent.Id)).Reason);
            Assert.Equal(FileTransferStates.Failed, (await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Failed)).State);
        }
    }

    [Fact]
    public async Task SeveralTransfersRunAtOnceAndChatIsNotHeldBack()
    {
        using var world = new RuntimeWorld();
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world, FileWorld.Options(world, chunkSize: 64 * 1024, durableEvery: 1 << 20));
        await using (alice)
        await using (bob)
        {
            await using var bobEvents = new EventRecorder(bob);
            await bob.SetFileAutoAcceptAsync("alice", true, TestProfiles.Ct);
            string folder = FileWorld.Folder(world, "src");
            string[] sources = Enumerable.Range(0, 4).Select(i => FileWorld.MakeFile(folder, $"f{i}.bin", 3 * 1024 * 1024 + i)).ToArray();

            FileTransferSummary[] sent = await Task.WhenAll(sources.Select(s => alice.SendFileAsync("bob", s, TestProfiles.Ct)));
            await bobEvents.WaitAsync(NodeEventKinds.FileProgress, e => e.Bytes > 0);
            SentMessage chat = await alice.SendTextAsync("bob", "still there?", TestProfiles.Ct);
            Assert.Equal(DeliveryRoutes.Direct, chat.Delivered);
            await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == chat.Id);

            foreach (FileTransferSummary s in sent)
            {
                FileTransferSummary done = await FileWorld.WaitAsync(bob, s.Id, t => t.State == FileTransferStates.Completed, seconds: 120);
                Assert.Equal(SHA256.HashData(File.ReadAllBytes(sources[Array.IndexOf(sent, s)])), SHA256.HashData(File.ReadAllBytes(done.Path!)));
                Assert.StartsWith(Path.Combine(FileWorld.Folder(world, "bob"), "downloads"), done.Path, StringComparison.Ordinal);
            }

            Assert.Equal(4, (await bob.GetFileTransfersAsync(TestProfiles.Ct)).Select(t => t.Path).Distinct().Count());
        }
    }
}
