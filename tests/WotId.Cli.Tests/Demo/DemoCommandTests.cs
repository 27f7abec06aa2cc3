using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Demo;

/// <summary>The main job, `wotid demo`, run as a person runs it: a child process that starts the others.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task DemoRunsTheWholeStoryAndReportsEveryStep()
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(null, TimeSpan.FromMinutes(8), "demo", "--json", "--step-timeout", "120");
        using JsonDocument doc = JsonDocument.Parse(WotidProcess.Lines(r.Output)[^1]);
        JsonElement root = doc.RootElement;
        string[] failed = [.. root.GetProperty("steps").EnumerateArray().Where(s => !s.GetProperty("ok").GetBoolean()).Select(s => s.GetProperty("step").GetString()!)];
        Assert.True(r.ExitCode == 0, $"demo exited {r.ExitCode}: {string.Join(" | ", failed)}\n{r.Error}");
        Assert.True(root.GetProperty("ok").GetBoolean());
        string[] steps = [.. root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("actor").GetString() + ": " + s.GetProperty("step").GetString())];
        Assert.Contains(steps, s => s.StartsWith("bob: refused mallory: revoked", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("bob: refused eve: untrusted_issuer", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("alice: sent while Bob is offline: deposited in Bob's mailbox", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("alice: got the delivery receipt for the offline message", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("bob: inbox holds both of Alice's messages, each exactly once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoRejectsAStepTimeoutOutOfRange()
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "demo", "--step-timeout", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--step-timeout", r.Error, StringComparison.Ordinal);
    }
}
