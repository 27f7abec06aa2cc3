// LowPriorityWork: the threads that run a file transfer's per-byte work at a lowered OS priority (docs/files.md "Chat
// during a transfer"). What it costs or gains in time is measured by `node-chat-during-file` (docs/benchmarks-node.md),
// never asserted here.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Runtime;
using Xunit;

namespace WotId.Node.Tests.Runtime;

public sealed class LowPriorityWorkTests
{
    [Fact]
    public async Task WorkRunsOnAWorkerThreadAndItsResultComesBack()
    {
        string name = await LowPriorityWork.RunAsync(static x => $"{Thread.CurrentThread.Name}:{x * 2}", 21, TestProfiles.Ct);

        Assert.StartsWith("wotid-file-", name, StringComparison.Ordinal);
        Assert.EndsWith(":42", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallersContinuationNeverRunsOnALoweredThread()
    {
        for (int i = 0; i < 50; i++)
        {
            await LowPriorityWork.RunAsync(static _ => { }, 0, TestProfiles.Ct);
            Assert.False(Thread.CurrentThread.Name?.StartsWith("wotid-file-", StringComparison.Ordinal) ?? false);
        }
    }

    [Fact]
    public async Task OnLinuxTheWorkerThreadsNiceValueIsRaised()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "per-thread nice values are read from /proc on Linux");
        int mine = NiceOfThisThread();
        int worker = await LowPriorityWork.RunAsync(static _ => NiceOfThisThread(), 0, TestProfiles.Ct);

        Assert.True(LowPriorityWork.PriorityLowered);
        Assert.Equal(Math.Min(19, mine + LowPriorityWork.NiceIncrement), worker);
    }

    [Fact]
    public async Task AnExceptionOfTheWorkReachesTheCallerUnchanged()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            LowPriorityWork.RunAsync<int>(static _ => throw new InvalidDataException("bad chunk"), 0, TestProfiles.Ct));

        Assert.Equal("bad chunk", e.Message);
    }

    [Fact]
    public async Task WorkWhoseCallerWasCancelledDoesNotRun()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        int ran = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LowPriorityWork.RunAsync(_ => Interlocked.Increment(ref ran), 0, cts.Token));
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task MoreCallersThanTheQueueHoldsWaitForASlotAndAllFinish()
    {
        int callers = (LowPriorityWork.QueueCapacity * 4) + 7;
        using var gate = new ManualResetEventSlim(false);
        // The first items block the workers until every caller has queued or is waiting for a slot.
        Task<int>[] all = Enumerable.Range(0, callers)
            .Select(i => Task.Run(() => LowPriorityWork.RunAsync(static s => { s.Gate.Wait(TimeSpan.FromSeconds(30)); return s.I * 3; }, (Gate: gate, I: i), TestProfiles.Ct)))
            .ToArray();
        await Task.Delay(200, TestProfiles.Ct);
        gate.Set();

        int[] results = await Task.WhenAll(all);
        Assert.Equal(Enumerable.Range(0, callers).Select(i => i * 3), results);
    }

    /// <summary>The nice value of the calling thread (field 19 of /proc/thread-self/stat).</summary>
    private static int NiceOfThisThread()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
