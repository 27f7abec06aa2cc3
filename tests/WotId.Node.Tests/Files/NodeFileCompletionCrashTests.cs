// Completion across a crash (docs/files.md "Destination"): the receiver records the destination of a verified file
// before it moves it there. A real child process (WotId.Node.CrashHelper) running Bob's node is killed with SIGKILL
// just before the move, just after it, and just after it queued file.received (each before the transfer is recorded
// completed); Bob's node is then started again. Each way the transfer completes at both ends, exactly one copy of the
// file is at the destination, with the sender's SHA-256, and no partial file is left.
using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Identity.Status;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

[Trait("Category", "Crash")]
public sealed class NodeFileCompletionCrashTests
{
    [Theory]
    [InlineData(FaultPoints.BeforeFileMove)]
    [InlineData(FaultPoints.AfterFileMove)]
    [InlineData(FaultPoints.AfterFileReceiptQueued)]
    public async Task AReceiverKilledAroundTheFinalMoveCompletesWithOneCopyOfTheFile(string step)
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        string bobHome = bobPro.Home;
        await using (WotIdNode a = await world.StartAsync(alicePro))
        await using (WotIdNode b = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(a, "bob", b, "alice");
            await b.SetFileAutoAcceptAsync("alice", true, TestProfiles.Ct);
        }

        string statusDirectory = Path.Combine(Path.GetDirectoryName(bobHome)!, "status-lists");
        new LocalStatusListCache(statusDirectory).Put(world.Issuer.State.StatusListUrl, world.Issuer.IssueStatusListCredential());
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "photo.jpg", 200 * 1024 + 17);
        string downloads = Path.Combine(bobHome, "downloads");
        await using WotIdNode alice = await WotIdNode.StartAsync(await world.OpenAsync("alice"), FileWorld.Options(world), TestProfiles.Ct);
        string id;

        // 1. Bob's node runs in a child process and dies at the step, after the file verified.
        await using (CrashChild child = CrashChild.Start(bobHome, statusDirectory, step, "run"))
        {
            await child.WaitForLineAsync("ready");
            id = (await alice.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
            int code = await child.WaitForExitAsync();
            Assert.True(child.Lines.Contains("fault " + step), $"the helper did not reach {step} (exit {code}): {string.Join(" | ", child.Lines)} {await child.ErrorAsync()}");
            Assert.Equal(128 + 9, code);
        }

        string partial = Path.Combine(bobHome, "files", "partial", id);
        if (step != FaultPoints.BeforeFileMove)
        {
            Assert.False(File.Exists(partial), "the verified file was moved before the kill");
            Assert.Single(Directory.GetFiles(downloads));
        }
        else
        {
            Assert.True(File.Exists(partial), "the kill came before the move");
        }

        // 2. Bob's node starts again: the transfer completes at both ends without a second copy.
        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world), TestProfiles.Ct);
        FileTransferSummary received = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
        await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed);

        string only = Assert.Single(Directory.GetFiles(downloads));
        Assert.Equal(Path.Combine(downloads, "photo.jpg"), only);
        Assert.Equal(only, received.Path);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(File.ReadAllBytes(only)));
        Assert.False(File.Exists(partial));
        Assert.Equal(FileTransferStates.Completed, (await bob.GetFileTransfersAsync(TestProfiles.Ct)).Single(t => t.Id == id).State);
    }
}
