// Resumption (docs/files.md "Resume", "Offline"): a receiver whose stream breaks after a durable batch and which is
// then stopped and started again continues from its durable offset, not from zero, and the file is whole; an offer to
// a stopped contact waits (outbox, or the mailbox) and arrives when the contact starts.
using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

public sealed class NodeFileResumeTests
{
    [Fact]
    public async Task ReceiverRestartedMidTransferResumesFromItsDurableOffset()
    {
        using var world = new RuntimeWorld();
        // The first bob breaks every stream right after its second durable batch: progress is made, never finished.
        int batches = 0;
        var broke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        NodeOptions breaking = FileWorld.Options(world, chunkSize: 1024, durableEvery: 8 * 1024, fault: p =>
        {
            if (p == FaultPoints.AfterFileChunkDurable && Interlocked.Increment(ref batches) >= 2)
            {
                broke.TrySetResult();
                throw new IOException("fault point: the stream breaks");
            }
        });
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world, chunkSize: 1024, durableEvery: 8 * 1024), TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "movie.mkv", 300 * 1024);
        string id;
        long durable;
        await using (WotIdNode bobFirst = await WotIdNode.StartAsync(bobPro, breaking, TestProfiles.Ct))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
            id = (await alice.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
            await FileWorld.WaitAsync(bobFirst, id, t => t.State == FileTransferStates.Offered);
            await bobFirst.AcceptFileAsync(id, null, TestProfiles.Ct);
            await broke.Task.WaitAsync(TimeSpan.FromSeconds(60), TestProfiles.Ct);
            durable = (await FileWorld.WaitAsync(bobFirst, id, t => t.Transferred > 0)).Transferred;
        }

        Assert.InRange(durable, 8 * 1024, 300 * 1024 - 1);
        long partialLength = new FileInfo(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial", id)).Length;
        Assert.True(partialLength >= durable, "the durable prefix is on disk");

        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world, chunkSize: 1024, durableEvery: 8 * 1024), TestProfiles.Ct);
        await using var bobEvents = new EventRecorder(bob);
        FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
        Assert.StartsWith(Path.Combine(FileWorld.Folder(world, "bob"), "downloads"), done.Path, StringComparison.Ordinal);
        long[] progress = bobEvents.All.Where(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id).Select(e => e.Bytes!.Value).ToArray();
        Assert.NotEmpty(progress);
        Assert.True(progress.Min() >= durable - (durable % 1024), $"the restarted receiver went on from {durable}, not from {progress.Min()}");
        await aliceEvents.WaitAsync(NodeEventKinds.FileCompleted, e => e.FileId == id);
    }

    [Fact]
    public async Task SenderRestartedMidTransferResumesAndTheFileArrivesWhole()
    {
        using var world = new RuntimeWorld();
        // Bob holds his first durable batch until the first alice is stopped, so the stop lands mid-transfer.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        NodeOptions bobOptions = FileWorld.HoldingFirstDurableBatch(world, holding, release.Task);
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, bobOptions, TestProfiles.Ct);
        await using var bobEvents = new EventRecorder(bob);
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "archive.tar", 200 * 1024);
        string id;
        await using (WotIdNode aliceFirst = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world, chunkSize: 1024), TestProfiles.Ct))
        {
            await RuntimeWorld.IntroduceAsync(aliceFirst, "bob", bob, "alice");
            id = (await aliceFirst.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
            await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Offered);
            await bob.AcceptFileAsync(id, null, TestProfiles.Ct);
            await holding.Task.WaitAsync(TimeSpan.FromSeconds(60), TestProfiles.Ct);
        }

        release.TrySetResult();
        Assert.NotEqual(FileTransferStates.Completed, (await bob.GetFileTransfersAsync(TestProfiles.Ct)).Single(t => t.Id == id).State);
        await using WotIdNode alice = await WotIdNode.StartAsync(await world.OpenAsync("alice"), FileWorld.Options(world, chunkSize: 1024), TestProfiles.Ct);

        FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(done.Path!));
        Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        // Each stream start publishes its RESUME offset: only the very first stream started from zero.
        long[] progress = bobEvents.All.Where(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id).Select(e => e.Bytes!.Value).ToArray();
        Assert.Single(progress, b => b == 0);
        Assert.Equal(200 * 1024, progress[^1]);
    }

    [Fact]
    public async Task OfferToAStoppedContactArrivesWhenItStarts()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob", mailbox: false);
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world), TestProfiles.Ct);
        await using (WotIdNode bobFirst = await WotIdNode.StartAsync(bobPro, FileWorld.Options(world), TestProfiles.Ct))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "notes.txt", 50_000);
        FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
        Assert.Equal(FileTransferStates.Queued, sent.State);

        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world), TestProfiles.Ct);
        await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Offered);
        await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Offered);
        await bob.AcceptFileAsync(sent.Id, null, TestProfiles.Ct);
        FileTransferSummary done = await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Completed);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(done.Path!));
    }

    [Fact]
    public async Task OfferThroughTheMailboxReachesAContactThatWasOffline()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world), TestProfiles.Ct);
        await using (WotIdNode bobFirst = await WotIdNode.StartAsync(bobPro, FileWorld.Options(world), TestProfiles.Ct))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bobFirst, "alice");
        }

        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "photo.jpg", 20_000);
        FileTransferSummary sent = await alice.SendFileAsync("bob", source, TestProfiles.Ct);
        Assert.Equal(FileTransferStates.Offered, sent.State); // deposited in bob's mailbox

        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world), TestProfiles.Ct);
        FileTransferSummary arrived = await FileWorld.WaitAsync(bob, sent.Id, _ => true);
        Assert.Equal(FileTransferStates.Offered, arrived.State);
        await bob.AcceptFileAsync(sent.Id, null, TestProfiles.Ct);

        FileTransferSummary done = await FileWorld.WaitAsync(bob, sent.Id, t => t.State == FileTransferStates.Completed);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(done.Path!));
        Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, sent.Id, t => t.State == FileTransferStates.Completed)).State);
    }
}
