// A full disk at the receiver (docs/files.md "Resume", "States"): Bob's partial folder is a small tmpfs mounted by the
// test (Linux, root; skipped with the reason otherwise). A file whose rest cannot fit is paused before any byte flows:
// interrupted with disk_full, one file.interrupted event, and a file.pause that stops the sender's retries. A disk
// that fills up during a stream (another program took the space) stops it at the write that finds no space:
// interrupted, not failed, the durable prefix kept, the sender paused the same way. Either way, once there is space
// the receiver sends file.accept, and the next stream goes on from the durable offset to the whole file. A verified
// file whose destination folder (another small tmpfs) has no space for it waits in the profile (destination_full, the
// sender paused as receiver_destination_full) and is moved there once there is space, also after a restart, without
// any byte sent again. A destination folder that cannot be written (the tmpfs remounted read-only) is handled the same
// way (destination_unwritable, receiver_destination_unwritable) until it can be written again.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

public sealed class NodeFileDiskFullTests
{
    [Fact]
    public async Task AFileThatCannotFitIsPausedBeforeAnyByteAndGoesOnOnceThereIsSpace()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs Linux and root");
        using var world = new RuntimeWorld();
        string partials = Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial");
        var streams = new StrongBox<int>();
        NodeOptions aliceOptions = CountingStreams(world, streams);
        (NodeProfile alicePro, NodeProfile bobPro) = await ProfilesAsync(world);
        await MountAsync(partials, "1m");
        try
        {
            await using OfferedFile offered = await OfferedFile.StartAsync(world, alicePro, aliceOptions, bobPro, FileWorld.Options(world));
            (WotIdNode alice, WotIdNode bob, EventRecorder aliceEvents, EventRecorder bobEvents, string source, string id) = offered;

            FileTransferSummary paused = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "disk_full");
            Assert.Equal(0, paused.Transferred);
            // Bob's file.pause reaches Alice: her transfer is paused by the receiver, and she starts no stream while it is
            // (her outbox loop runs every second here; before file.pause she retried every second).
            await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "receiver_disk_full");
            await aliceEvents.WaitAsync(NodeEventKinds.FileInterrupted, e => e.FileId == id && e.Reason == "receiver_disk_full");
            int atPause = Volatile.Read(ref streams.Value);
            await Task.Delay(TimeSpan.FromSeconds(3), TestProfiles.Ct);
            Assert.Equal(atPause, Volatile.Read(ref streams.Value));

            Assert.True(!File.Exists(Path.Combine(partials, id)) || new FileInfo(Path.Combine(partials, id)).Length == 0, "bytes were written to a disk that could not take the file");
            NodeEvent interrupted = Assert.Single(bobEvents.All, e => e.Kind == NodeEventKinds.FileInterrupted && e.FileId == id);
            Assert.Equal(("disk_full", 0L, 3L << 20), (interrupted.Reason, interrupted.Bytes, interrupted.Size));
            Assert.DoesNotContain(bobEvents.All, e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id && e.Bytes > 0);
            Assert.Equal("receiver_disk_full", (await FileWorld.WaitAsync(alice, id, _ => true)).Reason);

            // Bob's outbox loop sees the space and sends file.accept from his durable offset; Alice's stream starts.
            Assert.Null(await RunAsync("mount", "-o", "remount,size=16m", partials));
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
            Assert.Null(done.Reason);
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        }
        finally
        {
            await RunAsync("umount", "-l", partials);
        }
    }

    [Fact]
    public async Task ADiskFilledDuringTheStreamInterruptsItKeepsItsDurablePrefixAndResumesWhenSpaceIsBack()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs Linux and root");
        using var world = new RuntimeWorld();
        string partials = Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial");
        string filler = Path.Combine(partials, "another-program.bin");
        int filled = 0;
        // After Bob's first durable batch another program takes every free byte of the disk.
        NodeOptions bobOptions = FileWorld.Options(world, fault: p =>
        {
            if (p == FaultPoints.AfterFileChunkDurable && Interlocked.Exchange(ref filled, 1) == 0)
            {
                FillUp(filler);
            }
        });
        (NodeProfile alicePro, NodeProfile bobPro) = await ProfilesAsync(world);
        await MountAsync(partials, "16m");
        try
        {
            await using OfferedFile offered = await OfferedFile.StartAsync(world, alicePro, FileWorld.Options(world), bobPro, bobOptions);
            (WotIdNode alice, WotIdNode bob, _, EventRecorder bobEvents, string source, string id) = offered;

            FileTransferSummary full = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "disk_full");
            long durable = full.Transferred;
            Assert.InRange(durable, 16 * 1024, (3 << 20) - 1);
            Assert.True(new FileInfo(Path.Combine(partials, id)).Length >= durable, "the durable prefix is still on disk");
            NodeEvent interrupted = await bobEvents.WaitAsync(NodeEventKinds.FileInterrupted, e => e.FileId == id);
            Assert.Equal(("disk_full", durable), (interrupted.Reason, interrupted.Bytes));
            await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "receiver_disk_full");

            int seen = bobEvents.All.Count;
            File.Delete(filler);
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
            Assert.Null(done.Reason);
            long[] after = bobEvents.All.Skip(seen).Where(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id).Select(e => e.Bytes!.Value).ToArray();
            Assert.True(after.Min() >= durable, $"the stream after the space came back went on from {after.Min()}, below the durable {durable}");
            Assert.Single(bobEvents.All, e => e.Kind == NodeEventKinds.FileInterrupted && e.FileId == id);
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        }
        finally
        {
            await RunAsync("umount", "-l", partials);
        }
    }

    [Theory]
    [InlineData("1m", null, "destination_full", "remount,size=16m")] // no space for the verified file, then space
    [InlineData("16m", "remount,ro", "destination_unwritable", "remount,rw")] // read-only (a card's lock switch), then writable
    public async Task AVerifiedFileWhoseDestinationCannotTakeItWaitsInTheProfileAndIsMovedThereOnceItCan(string size, string? before, string reason, string fix)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting and remounting a small tmpfs needs Linux and root");
        using var world = new RuntimeWorld();
        string downloads = FileWorld.Folder(world, "downloads"); // Bob's destination: another file system than his profile
        var streams = new StrongBox<int>();
        NodeOptions aliceOptions = CountingStreams(world, streams);
        (NodeProfile alicePro, NodeProfile bobPro) = await ProfilesAsync(world);
        await MountAsync(downloads, size);
        try
        {
            if (before is not null)
            {
                Assert.Null(await RunAsync("mount", "-o", before, downloads));
            }

            await using OfferedFile offered = await OfferedFile.StartAsync(world, alicePro, aliceOptions, bobPro, FileWorld.Options(world));
            (WotIdNode alice, WotIdNode bob, EventRecorder aliceEvents, EventRecorder bobEvents, string source, string id) = offered;

            // Every byte arrived and was verified; the move to the destination failed. The file stays in Bob's profile,
            // nothing is left half-copied in the destination, and Alice is told not to send it again.
            FileTransferSummary waiting = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Interrupted && t.Reason == reason);
            Assert.Equal(3L << 20, waiting.Transferred);
            Assert.Equal(3L << 20, new FileInfo(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial", id)).Length);
            Assert.Empty(Directory.EnumerateFileSystemEntries(downloads));
            NodeEvent interrupted = await bobEvents.WaitAsync(NodeEventKinds.FileInterrupted, e => e.FileId == id && e.Reason == reason);
            Assert.Equal((3L << 20, 3L << 20), (interrupted.Bytes, interrupted.Size));
            await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "receiver_" + reason);
            await aliceEvents.WaitAsync(NodeEventKinds.FileInterrupted, e => e.FileId == id && e.Reason == "receiver_" + reason);

            // Bob's outbox loop (every second here) looks at the destination again and again meanwhile: no new event,
            // no stream from Alice.
            int atPause = Volatile.Read(ref streams.Value);
            await Task.Delay(TimeSpan.FromSeconds(3), TestProfiles.Ct);
            Assert.Equal(atPause, Volatile.Read(ref streams.Value));
            Assert.Single(bobEvents.All, e => e.Kind == NodeEventKinds.FileInterrupted && e.FileId == id);
            Assert.Equal(reason, (await FileWorld.WaitAsync(bob, id, _ => true)).Reason);

            // The destination can take it: Bob's outbox loop moves the verified file there, without a node restart and
            // without any byte sent again.
            Assert.Null(await RunAsync("mount", "-o", fix, downloads));
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
            Assert.StartsWith(downloads, done.Path, StringComparison.Ordinal);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
            Assert.Null(done.Reason);
            Assert.False(File.Exists(Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial", id)));
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
            Assert.Equal(atPause, Volatile.Read(ref streams.Value));
        }
        finally
        {
            await RunAsync("umount", "-l", downloads);
        }
    }

    [Fact]
    public async Task AVerifiedFileWaitingForItsDestinationSurvivesARestartOfTheReceiverWithoutBeingSentAgain()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs Linux and root");
        using var world = new RuntimeWorld();
        string downloads = FileWorld.Folder(world, "downloads");
        var streams = new StrongBox<int>();
        NodeOptions aliceOptions = CountingStreams(world, streams);
        (NodeProfile alicePro, NodeProfile bobPro) = await ProfilesAsync(world);
        await MountAsync(downloads, "1m");
        try
        {
            await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, aliceOptions, TestProfiles.Ct);
            string source;
            string id;
            await using (WotIdNode bobFirst = await WotIdNode.StartAsync(bobPro, FileWorld.Options(world), TestProfiles.Ct))
            {
                (source, id) = await OfferThreeMebibytesAsync(world, alice, bobFirst);
                await FileWorld.WaitAsync(bobFirst, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "destination_full");
                await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "receiver_destination_full");
            }

            int atStop = Volatile.Read(ref streams.Value);
            Assert.Null(await RunAsync("mount", "-o", "remount,size=16m", downloads));
            await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world), TestProfiles.Ct);
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
            Assert.Equal(atStop, Volatile.Read(ref streams.Value)); // the restarted receiver asked for no byte
        }
        finally
        {
            await RunAsync("umount", "-l", downloads);
        }
    }

    /// <summary>Alice and Bob running, recorders of their events, and Alice's 3 MiB file offered to Bob and accepted.</summary>
    private sealed class OfferedFile : IAsyncDisposable
    {
        private OfferedFile(WotIdNode alice, WotIdNode bob)
        {
            Alice = alice;
            Bob = bob;
            AliceEvents = new EventRecorder(alice);
            BobEvents = new EventRecorder(bob);
        }

        private WotIdNode Alice { get; }

        private WotIdNode Bob { get; }

        private EventRecorder AliceEvents { get; }

        private EventRecorder BobEvents { get; }

        private string Source { get; set; } = "";

        private string Id { get; set; } = "";

        internal static async Task<OfferedFile> StartAsync(RuntimeWorld world, NodeProfile alicePro, NodeOptions aliceOptions, NodeProfile bobPro, NodeOptions bobOptions)
        {
            WotIdNode alice = await WotIdNode.StartAsync(alicePro, aliceOptions, TestProfiles.Ct);
            OfferedFile? started = null;
            try
            {
                started = new OfferedFile(alice, await WotIdNode.StartAsync(bobPro, bobOptions, TestProfiles.Ct));
                (started.Source, started.Id) = await OfferThreeMebibytesAsync(world, started.Alice, started.Bob);
                return started;
            }
            catch
            {
                if (started is not null)
                {
                    await started.DisposeAsync();
                }
                else
                {
                    await alice.DisposeAsync();
                }

                throw;
            }
        }

        internal void Deconstruct(out WotIdNode alice, out WotIdNode bob, out EventRecorder aliceEvents, out EventRecorder bobEvents, out string source, out string id) =>
            (alice, bob, aliceEvents, bobEvents, source, id) = (Alice, Bob, AliceEvents, BobEvents, Source, Id);

        public async ValueTask DisposeAsync()
        {
            await BobEvents.DisposeAsync();
            await AliceEvents.DisposeAsync();
            await Bob.DisposeAsync();
            await Alice.DisposeAsync();
        }
    }

    /// <summary>Alice's and Bob's profiles (created before a tmpfs is mounted inside Bob's home).</summary>
    private static async Task<(NodeProfile Alice, NodeProfile Bob)> ProfilesAsync(RuntimeWorld world)
    {
        (NodeProfile alice, _) = await world.CreateAsync("alice");
        (NodeProfile bob, _) = await world.CreateAsync("bob");
        return (alice, bob);
    }

    /// <summary>Node options that count the file streams the node starts as a sender in <paramref name="streams"/>.</summary>
    private static NodeOptions CountingStreams(RuntimeWorld world, StrongBox<int> streams) => FileWorld.Options(world, fault: p =>
    {
        if (p == FaultPoints.BeforeFileSendStream)
        {
            Interlocked.Increment(ref streams.Value);
        }
    });

    /// <summary>Introduces Alice and Bob, and Alice offers a 3 MiB file that Bob accepts; returns its source and id.</summary>
    private static async Task<(string Source, string Id)> OfferThreeMebibytesAsync(RuntimeWorld world, WotIdNode alice, WotIdNode bob)
    {
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "video.mp4", 3 << 20);
        string id = (await alice.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
        await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Offered);
        await bob.AcceptFileAsync(id, FileWorld.Folder(world, "downloads"), TestProfiles.Ct);
        return (source, id);
    }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> on <paramref name="folder"/>, or skips with the reason.</summary>
    private static async Task MountAsync(string folder, string size)
    {
        Directory.CreateDirectory(folder);
        string? refused = await RunAsync("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", folder);
        Assert.SkipWhen(refused is not null, "no tmpfs could be mounted here: " + refused);
    }

    /// <summary>Writes <paramref name="path"/> until its file system has no space left.</summary>
    private static void FillUp(string path)
    {
        byte[] block = new byte[64 * 1024];
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                f.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    /// <summary>Runs <paramref name="command"/> (mount, umount) with <paramref name="args"/>; null when it succeeded, else its error output.</summary>
    private static async Task<string?> RunAsync(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        try
        {
            using Process p = Process.Start(psi)!;
            string error = await p.StandardError.ReadToEndAsync(TestProfiles.Ct);
            await p.WaitForExitAsync(TestProfiles.Ct);
            return p.ExitCode == 0 ? null : $"{command} exited {p.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{command} not found: {e.Message}";
        }
    }
}
