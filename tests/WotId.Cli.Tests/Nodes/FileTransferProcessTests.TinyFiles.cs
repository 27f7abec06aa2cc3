// A file of 0 or 1 byte between two running nodes, as `wotid send-file` shows it into a pipe: the 100 % line once (not
// once more when the completion follows the last progress event, and never with a "0 B/s" rate measured over no
// bytes), and with --json the final progress event and the completion one line each.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed partial class FileTransferProcessTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    public async Task ATinyFileEndsWithOneHundredPercentLineAndOneJsonLinePerFinalEvent(long size)
    {
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        await NetworkedVerbTests.ConnectAsync(p);
        string text = await WriteFileAsync("tiny.txt", size);
        string json = await WriteFileAsync("tiny.json.txt", size);
        await using WotidBackground alice = await RunAsync(p.Alice);
        await using WotidBackground bob = await RunAsync(p.Bob);
        await TwoPeople.OkAsync("files", "auto-accept", "alice", "--home", p.Bob);

        WotidProcess.Result sent = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, s_wait, "send-file", "bob", text, "--home", p.Alice);
        SkipWithoutFileTransfer(sent);
        Assert.True(sent.ExitCode == 0, $"send-file exited {sent.ExitCode}: {sent.Error}");
        string[] done = [.. WotidProcess.Lines(sent.Error).Where(l => l.Contains("100%", StringComparison.Ordinal))];
        Assert.True(done.Length == 1, sent.Error);
        Assert.DoesNotContain("0 B/s", done[0], StringComparison.Ordinal);
        Assert.Contains("verified", sent.Error, StringComparison.Ordinal);

        sent = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, s_wait, "send-file", "bob", json, "--home", p.Alice, "--json");
        Assert.True(sent.ExitCode == 0, $"send-file --json exited {sent.ExitCode}: {sent.Error}");
        string[] events = [.. WotidProcess.Lines(sent.Output).Skip(1)];
        Assert.Single(events, l => Kind(l) == "file.completed");
        Assert.Equal("file.completed", Kind(events[^1]));
        Assert.True(events.Count(l => Kind(l) == "file.progress" && Bytes(l) == size) <= 1, sent.Output);
    }
}
