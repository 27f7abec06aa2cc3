// `wotid run` prints one line per node event; the ids in them must tell two messages or transfers of the same minute
// apart, and a file id must be the short id `wotid files accept` takes.
using System;
using WotId.Cli.Commands.Files;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Tests.Nodes;

public sealed class EventTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 17, 19, 27, TimeSpan.Zero);

    [Fact]
    public void MessagesOfTheSameMinuteShowDifferentIds()
    {
        // Two UUIDv7 message ids made in the same minute share their first 8 characters.
        string first = "01a25184-7e2c-71a4-a650-455ae2f5b20b";
        string second = "01a25184-b67e-77c9-8599-8d6eb8d8f7be";
        string a = EventText.Format(new NodeEvent(NodeEventKinds.ReceiptDelivered, At, Contact: "bob", MessageId: first));
        string b = EventText.Format(new NodeEvent(NodeEventKinds.ReceiptDelivered, At, Contact: "bob", MessageId: second));
        Assert.EndsWith("to bob: delivered e2f5b20b", a, StringComparison.Ordinal);
        Assert.EndsWith("to bob: delivered b8d8f7be", b, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void FileEventsShowTheShortIdOfWotidFiles()
    {
        string id = "01a25185-4fc5-7150-a254-ccf84cdbbda5";
        string line = EventText.Format(new NodeEvent(NodeEventKinds.FileCompleted, At, Contact: "bob", FileId: id, Size: 6));
        Assert.Contains("file " + TransferText.ShortId(id) + ": completed", line, StringComparison.Ordinal);
        Assert.Contains("file 4cdbbda5:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInterruptedTransferSaysWhetherTheDiskIsFullOrTheContactIsAway()
    {
        string id = "01a25185-4fc5-7150-a254-ccf84cdbbda5";
        string full = EventText.Format(new NodeEvent(NodeEventKinds.FileInterrupted, At, Contact: "alice", FileId: id, Reason: "disk_full", Bytes: 1 << 20, Size: 3 << 20));
        string away = EventText.Format(new NodeEvent(NodeEventKinds.FileInterrupted, At, Contact: "bob", FileId: id, Bytes: 1 << 20, Size: 3 << 20));
        Assert.Contains("file 4cdbbda5: paused at " + TransferText.Size(1 << 20) + " of " + TransferText.Size(3 << 20) + ": no space left on this disk", full, StringComparison.Ordinal);
        string theirs = EventText.Format(new NodeEvent(NodeEventKinds.FileInterrupted, At, Contact: "bob", FileId: id, Reason: "receiver_disk_full", Bytes: 1 << 20, Size: 3 << 20));
        Assert.Contains("file 4cdbbda5: paused at " + TransferText.Size(1 << 20) + " of " + TransferText.Size(3 << 20) + ": bob's disk has no space for the rest", theirs, StringComparison.Ordinal);
        Assert.Contains("file 4cdbbda5: interrupted at " + TransferText.Size(1 << 20) + " of " + TransferText.Size(3 << 20) + "; it resumes when bob is reachable again", away, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("destination_full", "has no space for it; it is kept here and moved there once there is space", "has no space for it; it completes once they free some")]
    [InlineData("destination_unwritable", "cannot be written (permissions, read-only, or gone); it is kept here and moved there once it can be", "cannot be written; it completes once they fix that")]
    public void AVerifiedFileWaitingForItsDestinationSaysWhyOnBothSides(string reason, string mineEnd, string theirsEnd)
    {
        string id = "01a25185-4fc5-7150-a254-ccf84cdbbda5";
        string mine = EventText.Format(new NodeEvent(NodeEventKinds.FileInterrupted, At, Contact: "alice", FileId: id, Reason: reason, Bytes: 3 << 20, Size: 3 << 20));
        string theirs = EventText.Format(new NodeEvent(NodeEventKinds.FileInterrupted, At, Contact: "bob", FileId: id, Reason: "receiver_" + reason, Bytes: 3 << 20, Size: 3 << 20));
        Assert.Contains("file 4cdbbda5: received whole and verified (" + TransferText.Size(3 << 20) + "), but its destination folder " + mineEnd, mine, StringComparison.Ordinal);
        Assert.Contains("file 4cdbbda5: bob has it whole and verified, but their destination folder " + theirsEnd, theirs, StringComparison.Ordinal);
    }
}
