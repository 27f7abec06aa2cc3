// A full disk at the receiver (docs/files.md "Resume", "States"): Bob's partial folder is a 1 MiB tmpfs mounted by the
// test (Linux, root; skipped with the reason otherwise) and Alice sends 3 MiB. The write that finds no space stops the
// stream with disk_full: the transfer is interrupted (not failed), with that reason, and keeps its durable prefix while
// the sender's retries hit the same wall; when the tmpfs grows, the next stream goes on from the durable offset and
// the file arrives whole.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

public sealed class NodeFileDiskFullTests
{
    [Fact]
    public async Task FullDiskInterruptsTheTransferKeepsItsDurablePrefixAndResumesWhenSpaceIsBack()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.UserName == "root", "mounting a small tmpfs needs Linux and root");
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        string partials = Path.Combine(FileWorld.Folder(world, "bob"), "files", "partial");
        Directory.CreateDirectory(partials);
        string? refused = await RunAsync("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", partials);
        Assert.SkipWhen(refused is not null, "no tmpfs could be mounted here: " + refused);
        try
        {
            await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world), TestProfiles.Ct);
            await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, FileWorld.Options(world), TestProfiles.Ct);
            await using var bobEvents = new EventRecorder(bob);
            await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
            string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "video.mp4", 3 << 20);
            string id = (await alice.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
            await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Offered);
            await bob.AcceptFileAsync(id, FileWorld.Folder(world, "downloads"), TestProfiles.Ct);

            FileTransferSummary full = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Interrupted && t.Reason == "disk_full");
            long durable = full.Transferred;
            Assert.InRange(durable, 16 * 1024, 1 << 20);
            Assert.True(new FileInfo(Path.Combine(partials, id)).Length >= durable, "the durable prefix is still on disk");
            // The sender retries (outbox loop, every second here): a new stream starts from the durable offset, finds
            // the disk full again, and loses nothing.
            int atFull = bobEvents.All.Count;
            DateTime until = DateTime.UtcNow.AddSeconds(30);
            while (!bobEvents.All.Skip(atFull).Any(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id && e.Bytes >= durable))
            {
                Assert.True(DateTime.UtcNow < until, "no stream was retried while the disk was full");
                await Task.Delay(50, TestProfiles.Ct);
            }

            Assert.True((await FileWorld.WaitAsync(bob, id, t => t.Reason == "disk_full")).Transferred >= durable);
            Assert.NotEqual(FileTransferStates.Failed, (await FileWorld.WaitAsync(alice, id, _ => true)).State);

            int seen = bobEvents.All.Count;
            Assert.Null(await RunAsync("mount", "-o", "remount,size=16m", partials));
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(done.Path!)));
            Assert.Null(done.Reason);
            long[] after = bobEvents.All.Skip(seen).Where(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id).Select(e => e.Bytes!.Value).ToArray();
            Assert.True(after.Min() >= durable, $"the stream after the remount went on from {after.Min()}, below the durable {durable}");
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        }
        finally
        {
            await RunAsync("umount", "-l", partials);
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
