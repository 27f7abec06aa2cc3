// The file verbs against a running node's control API (FileVerbHarness): what each verb asks the node, what it prints
// (table, progress, JSON lines) and its exit code; ids given as unique prefixes; the errors a person meets.
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Tests.Files;

public sealed class FileVerbTests : IDisposable
{
    private const string NewId = "0193f1a2-7d00-7000-8000-0000f00d0001";

    private readonly string _file = Path.Combine(Path.GetTempPath(), "wotid-send-file-" + Guid.NewGuid().ToString("N") + ".bin");

    public FileVerbTests() => File.WriteAllBytes(_file, new byte[1234]);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task SendFileDrawsProgressAndExitsZeroWhenTheContactHasItVerified()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterSend.AddRange(Life(NewId, NodeEventKinds.FileCompleted, null));
        (int exit, string output, string error) = await h.RunAsync("send-file", "bob", _file);
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{Path.GetFileName(_file)} (3.0 MB) offered to bob; id f00d0001", error, StringComparison.Ordinal);
        Assert.Contains("waiting for bob to accept", error, StringComparison.Ordinal);
        Assert.Contains("bob accepted", error, StringComparison.Ordinal);
        Assert.Contains("[████████████████████████] 100%  3.0 MB / 3.0 MB", error, StringComparison.Ordinal);
        Assert.Contains("bob has " + Path.GetFileName(_file) + ", verified", error, StringComparison.Ordinal);
        Assert.Equal(["files", "sendfile bob " + _file], h.Node.Calls.Take(2));
    }

    [Fact]
    public async Task SendFileDrawsTheWholeFileOnceWhenTheLastProgressAndTheCompletionBothSaySo()
    {
        // A small file: its last progress event already has every byte, and the completion follows at once. The 100 %
        // line came twice, the second time with "0 B/s" (a rate over two samples of the same bytes).
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterSend.AddRange(
        [
            new(NodeEventKinds.FileAccepted, FileNode.Time, "bob", FileId: NewId, Bytes: 0),
            new(NodeEventKinds.FileProgress, FileNode.Time, "bob", FileId: NewId, Bytes: 3_000_000, Size: 3_000_000),
            new(NodeEventKinds.FileCompleted, FileNode.Time, "bob", FileId: NewId, Size: 3_000_000),
        ]);
        (int exit, _, string error) = await h.RunAsync("send-file", "bob", _file);
        Assert.True(exit == 0, error);
        string done = Assert.Single(error.Split('\n'), l => l.Contains("100%", StringComparison.Ordinal));
        Assert.Matches(@"^\[█{24}\] 100%  3\.0 MB / 3\.0 MB(  [1-9][0-9.]* [kMGT]?B/s)?$", done);
        Assert.DoesNotContain("ETA", done, StringComparison.Ordinal);
        Assert.EndsWith("bob has " + Path.GetFileName(_file) + ", verified", error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileAgainFollowsTheUnfinishedTransferInsteadOfOfferingTheFileTwice()
    {
        // Ctrl+C stopped the first send-file; the node goes on. The same command again follows that transfer.
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        const string id = "0193f1a2-7c03-7000-8000-0000abcd1234";
        h.Node.Transfers.Insert(0, new(id, "bob", FileTransferDirections.Outgoing, Path.GetFileName(_file), 1234, "application/octet-stream", 617, FileTransferStates.Transferring, _file, null, FileNode.Time, FileNode.Time));
        Task<(int, string, string)> run = h.RunAsync("send-file", "bob", _file);
        while (h.Node.Calls.Count(c => c == "files") < 2)
        {
            await Task.Delay(20, FileVerbHarness.Ct);
        }

        h.Node.Transfers[0] = h.Node.Transfers[0] with { State = FileTransferStates.Completed, Transferred = 1234 };
        (int exit, _, string error) = await run;
        Assert.True(exit == 0, error);
        Assert.Contains("is being sent to bob already (transferring, 50%); id abcd1234, following it", error, StringComparison.Ordinal);
        Assert.Contains("verified", error, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Node.Calls, c => c.StartsWith("sendfile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendFileJsonPrintsTheOfferThenOneLinePerEventOfThatTransfer()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterSend.Add(new NodeEvent(NodeEventKinds.FileProgress, FileNode.Time, "bob", FileId: "other", Bytes: 1, Size: 2));
        h.Node.AfterSend.AddRange(Life(NewId, NodeEventKinds.FileCompleted, null));
        (int exit, string output, string error) = await h.RunAsync("send-file", "bob", _file, "--json");
        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using JsonDocument offer = JsonDocument.Parse(lines[0]);
        Assert.Equal(NewId, offer.RootElement.GetProperty("id").GetString());
        Assert.Equal("offered", offer.RootElement.GetProperty("state").GetString());
        string[] kinds = [.. lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()!)];
        Assert.Equal([NodeEventKinds.FileAccepted, NodeEventKinds.FileProgress, NodeEventKinds.FileProgress, NodeEventKinds.FileCompleted], kinds);
        Assert.All(lines.Skip(1), l => Assert.Contains("\"fileId\":\"" + NewId + "\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendFileFailsWithTheReasonWhenTheTransferEnds()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.AfterSend.AddRange(Life(NewId, NodeEventKinds.FileEnded, "declined"));
        (int exit, _, string error) = await h.RunAsync("send-file", "bob", _file);
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("ended: declined", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileNoWaitReturnsAfterTheOffer()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.SendState = FileTransferStates.Queued;
        (int exit, _, string error) = await h.RunAsync("send-file", "bob", _file, "--no-wait");
        Assert.True(exit == 0, error);
        Assert.Contains("queued for bob (sent when they are reachable)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileSeesTheEndInTheRecordWhenTheEventsWentBy()
    {
        // No events at all: the transfer's record says it completed, and the command finds that out by itself.
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.SendState = FileTransferStates.Offered;
        Task<(int, string, string)> run = h.RunAsync("send-file", "bob", _file);
        while (!h.Node.Calls.Any(c => c.StartsWith("sendfile", StringComparison.Ordinal)))
        {
            await Task.Delay(20, FileVerbHarness.Ct);
        }

        h.Node.Transfers[0] = h.Node.Transfers[0] with { State = FileTransferStates.Completed, Transferred = 3_000_000 };
        (int exit, _, string error) = await run;
        Assert.True(exit == 0, error);
        Assert.Contains("verified", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileOfAMissingFileIsInvalidInputWithoutAskingTheNode()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int exit, _, string error) = await h.RunAsync("send-file", "bob", _file + ".missing", "--json");
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("\"not-found\"", error, StringComparison.Ordinal);
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task FilesPrintsATableAndJson()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int exit, string output, string error) = await h.RunAsync("files");
        Assert.True(exit == 0, error);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^ID\s+CONTACT\s+DIR\s+NAME\s+SIZE\s+PROGRESS\s+STATE$", lines[0]);
        Assert.Matches(@"^3f2a9c0e\s+alice\s+in\s+report\.pdf\s+2\.1 MB\s+0%\s+offered$", lines[1]);
        Assert.Matches(@"^3f2b0000\s+bob\s+out\s+holiday\.jpg\s+5\.0 MB\s+50%\s+transferring$", lines[2]);
        Assert.Matches(@"^9e77b0c1\s+carol\s+out\s+notes\.txt\s+1\.2 kB\s+0%\s+failed \(hash mismatch\)$", lines[3]);

        (int jsonExit, string json, _) = await h.RunAsync("files", "--json");
        Assert.Equal(0, jsonExit);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.Equal("0193f1a2-7c00-7000-8000-00003f2a9c0e", document.RootElement[0].GetProperty("id").GetString());
        Assert.Equal("incoming", document.RootElement[0].GetProperty("direction").GetString());
    }

    [Fact]
    public async Task FilesShowsAReasonOnlyWhenItSaysMoreThanTheState()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.Transfers.Add(new("0193f1a2-7c04-7000-8000-00000dec1ded", "dave", FileTransferDirections.Outgoing, "plan.txt", 10, "text/plain", 0, FileTransferStates.Declined, "/tmp/plan.txt", "declined", FileNode.Time, FileNode.Time));
        (int exit, string output, string error) = await h.RunAsync("files");
        Assert.True(exit == 0, error);
        string declined = Assert.Single(output.Split('\n'), l => l.StartsWith("0dec1ded", StringComparison.Ordinal));
        Assert.EndsWith("declined", declined.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("failed (hash mismatch)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesSaysWhyAnInterruptedTransferIsPaused()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        h.Node.Transfers.Add(new("0193f1a2-7c04-7000-8000-0000000df011", "dave", FileTransferDirections.Incoming, "film.mkv", 3 << 20, "video/x-matroska", 3 << 20, FileTransferStates.Interrupted, null, "destination_full", FileNode.Time, FileNode.Time));
        h.Node.Transfers.Add(new("0193f1a2-7c04-7000-8000-0000000df022", "erin", FileTransferDirections.Outgoing, "film.mkv", 3 << 20, "video/x-matroska", 1 << 20, FileTransferStates.Interrupted, "/tmp/film.mkv", "receiver_disk_full", FileNode.Time, FileNode.Time));
        h.Node.Transfers.Add(new("0193f1a2-7c04-7000-8000-0000000df033", "frank", FileTransferDirections.Incoming, "film.mkv", 3 << 20, "video/x-matroska", 3 << 20, FileTransferStates.Interrupted, null, "destination_unwritable", FileNode.Time, FileNode.Time));
        h.Node.Transfers.Add(new("0193f1a2-7c04-7000-8000-0000000df044", "grace", FileTransferDirections.Outgoing, "film.mkv", 3 << 20, "video/x-matroska", 3 << 20, FileTransferStates.Interrupted, "/tmp/film.mkv", "receiver_destination_unwritable", FileNode.Time, FileNode.Time));
        (int exit, string output, string error) = await h.RunAsync("files");
        Assert.True(exit == 0, error);
        Assert.EndsWith("interrupted (verified; no space in its destination folder)", Assert.Single(output.Split('\n'), l => l.StartsWith("000df011", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("interrupted (their disk is full)", Assert.Single(output.Split('\n'), l => l.StartsWith("000df022", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("interrupted (verified; its destination folder cannot be written)", Assert.Single(output.Split('\n'), l => l.StartsWith("000df033", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("interrupted (verified; their destination folder cannot be written)", Assert.Single(output.Split('\n'), l => l.StartsWith("000df044", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptDeclineCancelTakeTheShortIdOrAUniquePrefix()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        string downloads = Path.Combine(Path.GetTempPath(), "dl");
        (int accept, string acceptOut, _) = await h.RunAsync("files", "accept", "3f2a9c0e", "--to", downloads);
        Assert.Equal(0, accept);
        Assert.Contains("accepted report.pdf (2.1 MB) from alice", acceptOut, StringComparison.Ordinal);
        Assert.Equal(0, (await h.RunAsync("files", "decline", "9c0e")).Exit);
        (int cancel, string cancelOut, _) = await h.RunAsync("files", "cancel", "0193f1a2-7c02", "--json");
        Assert.Equal(0, cancel);
        Assert.Equal("cancelled", JsonDocument.Parse(cancelOut).RootElement.GetProperty("state").GetString());
        const string Report = "0193f1a2-7c00-7000-8000-00003f2a9c0e";
        Assert.Equal(
            ["files", $"accept {Report} {downloads}", "files", $"decline {Report}", "files", "cancel 0193f1a2-7c02-7000-8000-00009e77b0c1"],
            h.Node.Calls);
    }

    [Fact]
    public async Task AnAmbiguousPrefixIsAUsageErrorAndAnUnknownIdIsUnknownFile()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int ambiguous, _, string error) = await h.RunAsync("files", "accept", "0193f1a2", "--json");
        Assert.Equal(ExitCodes.InvalidInput, ambiguous);
        Assert.Contains("matches 3 transfers", error, StringComparison.Ordinal);

        (int unknown, _, string unknownError) = await h.RunAsync("files", "cancel", "zz-nothing", "--json");
        Assert.Equal(ExitCodes.InvalidInput, unknown);
        Assert.Contains("\"unknown-file\"", unknownError, StringComparison.Ordinal);
        Assert.Equal(["files", "files", "cancel zz-nothing"], h.Node.Calls);
    }

    [Fact]
    public async Task AutoAcceptTurnsOnAndOff()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (int on, string onOut, _) = await h.RunAsync("files", "auto-accept", "alice");
        Assert.Equal(0, on);
        Assert.Contains("accepted without asking", onOut, StringComparison.Ordinal);
        Assert.Equal(0, (await h.RunAsync("files", "auto-accept", "alice", "--off")).Exit);
        Assert.Equal(["autoaccept alice True", "autoaccept alice False"], h.Node.Calls);
    }

    [Fact]
    public async Task HelpDescribesTheFileVerbs()
    {
        await using FileVerbHarness h = await FileVerbHarness.StartAsync();
        (_, string root, _) = await h.RunAsync("--help");
        Assert.Matches(@"(?m)^\s+send-file <CONTACT> <PATH>\s+\S.*$", root);
        Assert.Matches(@"(?m)^\s+files\s+\S.*$", root);
        (_, string files, _) = await h.RunAsync("files", "--help");
        foreach (string verb in new[] { "accept", "decline", "cancel", "auto-accept" })
        {
            Assert.Matches($@"(?m)^\s+{verb}\b.*\S.*$", files);
        }
    }

    /// <summary>Accepted, two progress steps, then <paramref name="end"/>.</summary>
    private static NodeEvent[] Life(string id, string end, string? reason) =>
    [
        new(NodeEventKinds.FileAccepted, FileNode.Time, "bob", FileId: id, Bytes: 0),
        new(NodeEventKinds.FileProgress, FileNode.Time, "bob", FileId: id, Bytes: 1_000_000, Size: 3_000_000),
        new(NodeEventKinds.FileProgress, FileNode.Time, "bob", FileId: id, Bytes: 2_000_000, Size: 3_000_000),
        new(end, FileNode.Time, "bob", FileId: id, Size: 3_000_000, Reason: reason),
    ];
}
