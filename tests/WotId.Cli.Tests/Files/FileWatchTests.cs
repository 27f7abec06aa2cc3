// Following one transfer from the command line (docs/cli.md `files watch`, `files accept --wait`): the progress bar
// and the pause texts of the receiving side, where the verified file was saved, the exit code of a transfer that ends,
// one that is over already, and the JSON lines; against a running node's control API (FileVerbHarness).
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Tests.Files;

public sealed class FileWatchTests
{
    private const string Report = "0193f1a2-7c00-7000-8000-00003f2a9c0e"; // FileNode: report.pdf from alice, offered

    [Fact]
    public async Task AcceptWaitDrawsTheProgressAndSaysWhereTheVerifiedFileWasSaved()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterAccept.AddRange(
        [
            new(NodeEventKinds.FileAccepted, FileNode.Time, "alice", FileId: Report, Bytes: 0),
            new(NodeEventKinds.FileProgress, FileNode.Time, "alice", FileId: Report, Bytes: 700_000, Size: 2_100_000),
            new(NodeEventKinds.FileInterrupted, FileNode.Time, "alice", FileId: Report, Bytes: 700_000, Size: 2_100_000, Reason: "disk_full"),
            new(NodeEventKinds.FileProgress, FileNode.Time, "alice", FileId: Report, Bytes: 2_100_000, Size: 2_100_000),
            new(NodeEventKinds.FileCompleted, FileNode.Time, "alice", FileId: Report, Size: 2_100_000),
        ]);
        string saved = Path.Combine(h.Home, "downloads", "report.pdf");
        h.Node.Transfers[0] = h.Node.Transfers[0] with { State = FileTransferStates.Completed, Transferred = 2_100_000, Path = saved };

        (int exit, string output, string error) = await h.RunAsync("files", "accept", "3f2a9c0e", "--wait");

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);
        Assert.Contains("accepted report.pdf (2.1 MB) from alice; id 3f2a9c0e", error, StringComparison.Ordinal);
        Assert.Contains("accepted; receiving", error, StringComparison.Ordinal);
        Assert.Contains("paused at 700 kB: no space left on this disk for the rest; it goes on once there is space", error, StringComparison.Ordinal);
        Assert.Contains("[████████████████████████] 100%  2.1 MB / 2.1 MB", error, StringComparison.Ordinal);
        Assert.EndsWith("report.pdf from alice, verified, saved as " + saved, error.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains($"accept {Report} <default>", h.Node.Calls);
    }

    [Fact]
    public async Task AcceptWaitJsonPrintsTheRecordThenOneLinePerEventOfThatTransfer()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterAccept.AddRange(
        [
            new(NodeEventKinds.FileProgress, FileNode.Time, "bob", FileId: "another transfer", Bytes: 1, Size: 2),
            new(NodeEventKinds.FileAccepted, FileNode.Time, "alice", FileId: Report, Bytes: 0),
            new(NodeEventKinds.FileCompleted, FileNode.Time, "alice", FileId: Report, Size: 2_100_000),
        ]);
        (int exit, string output, string error) = await h.RunAsync("files", "accept", "3f2a9c0e", "--wait", "--json");
        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("transferring", Report), (JsonDocument.Parse(lines[0]).RootElement.GetProperty("state").GetString(), JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString()));
        Assert.Equal([NodeEventKinds.FileAccepted, NodeEventKinds.FileCompleted], lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task WatchFollowsAnOutgoingTransferToTheContactsReceiptAndSaysWhyItPaused()
    {
        const string Holiday = "0193f1a2-7c01-7000-8000-00003f2b0000"; // FileNode: holiday.jpg to bob, transferring
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        Task<(int, string, string)> run = h.RunAsync("files", "watch", "3f2b0000");
        while (h.Node.Subscribers == 0 || h.Node.Calls.Count(c => c == "files") < 2)
        {
            await Task.Delay(20, FileVerbHarness.Ct);
        }

        h.Node.Publish(new(NodeEventKinds.FileInterrupted, FileNode.Time, "bob", FileId: Holiday, Bytes: 5_000_000, Size: 5_000_000, Reason: "receiver_destination_unwritable"));
        h.Node.Publish(new(NodeEventKinds.FileCompleted, FileNode.Time, "bob", FileId: Holiday, Size: 5_000_000));
        (int exit, string output, string error) = await run;

        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);
        Assert.Contains("holiday.jpg (5.0 MB) to bob: transferring, 50%; id 3f2b0000", error, StringComparison.Ordinal);
        Assert.Contains("bob has it whole and verified, but their destination folder cannot be written", error, StringComparison.Ordinal);
        Assert.EndsWith("bob has holiday.jpg, verified", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOfATransferThatIsOverAnswersAtOnceWithItsOutcome()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int failed, _, string failure) = await h.RunAsync("files", "watch", "9e77b0c1"); // notes.txt to carol: failed, hash mismatch
        Assert.Equal(ExitCodes.Failed, failed);
        Assert.Contains("the transfer of notes.txt ended: hash mismatch", failure, StringComparison.Ordinal);

        h.Node.Transfers[1] = h.Node.Transfers[1] with { State = FileTransferStates.Completed, Transferred = 5_000_000 };
        (int completed, _, string done) = await h.RunAsync("files", "watch", "3f2b0000");
        Assert.True(completed == 0, done);
        Assert.EndsWith("bob has holiday.jpg, verified", done.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOfAPausedTransferSaysWhyFirst()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.Transfers[0] = h.Node.Transfers[0] with { State = FileTransferStates.Interrupted, Transferred = 2_100_000, Reason = "destination_unwritable" };
        Task<(int, string, string)> run = h.RunAsync("files", "watch", "3f2a9c0e");
        while (h.Node.Subscribers == 0 || h.Node.Calls.Count(c => c == "files") < 2)
        {
            await Task.Delay(20, FileVerbHarness.Ct);
        }

        h.Node.Publish(new(NodeEventKinds.FileCompleted, FileNode.Time, "alice", FileId: Report, Size: 2_100_000));
        (int exit, _, string error) = await run;

        Assert.True(exit == 0, error);
        Assert.Contains("report.pdf (2.1 MB) from alice: interrupted, 100%; id 3f2a9c0e", error, StringComparison.Ordinal);
        Assert.Contains("received whole and verified, but its destination folder cannot be written (permissions, read-only, or gone)", error, StringComparison.Ordinal);
        Assert.EndsWith("report.pdf from alice, verified", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOfAnUnknownIdIsUnknownFile()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int exit, _, string error) = await h.RunAsync("files", "watch", "zz-nothing", "--json");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("\"unknown-file\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsWatchAndTheWaitOfAccept()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (_, string files, _) = await h.RunAsync("files", "--help");
        Assert.Matches(@"(?m)^\s+watch <ID>\s+follow a transfer.*$", files);
        (_, string accept, _) = await h.RunAsync("files", "accept", "--help");
        Assert.Matches(@"(?m)^\s+--wait\s+follow the transfer with a progress bar.*$", accept);
    }
}
