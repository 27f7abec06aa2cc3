// Console mode `node-chat-during-file [n] [GiB]` (issue 11 "a 10 GiB transfer must not delay a chat message by more
// than a few milliseconds on loopback"; docs/benchmarks-node.md "Chat during a file transfer"): two running nodes on
// loopback; n chat messages one at a time (send → message.received at the other node) first on an idle connection,
// then while a file of the given size (default 2 GiB) flows from alice to bob on the same verified connection, in both
// directions: alice → bob shares the sender's side with the file stream, bob → alice the receiver's. The transfer
// rate during the run is printed too, and the load average, since the machine may be shared.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>Chat latency with and without a large file transfer on the same connection.</summary>
internal static class NodeChatDuringFile
{
    internal static async Task RunAsync(int count, int gibibytes)
    {
        (NodeBenchWorld world, WotIdNode alice, WotIdNode bob) = await NodeChatThroughputBenchmarks.StartPairAsync();
        await using var bobEvents = new NodeEventWatcher(bob, NodeEventKinds.MessageReceived);
        await using var aliceEvents = new NodeEventWatcher(alice, NodeEventKinds.MessageReceived, NodeEventKinds.FileCompleted, NodeEventKinds.FileEnded);
        await bob.SetFileAutoAcceptAsync("alice", true);
        string source = Path.Combine(world.Root, "source.bin");
        await WriteSourceAsync(source, (long)gibibytes << 30);

        // Warm-up, not measured: the same mix once with a 256 MiB file, so that the JIT has compiled (and tiered up) the
        // chat and file paths. Without it the measured transfer shares the cores with the JIT: a cold run of this mode
        // spent about twice the CPU of a warm one, and the file moved at a third of its rate.
        string warmSource = Path.Combine(world.Root, "warm-up.bin");
        await WriteSourceAsync(warmSource, 256L << 20);
        await TransferWithChatAsync(alice, bob, aliceEvents, bobEvents, warmSource, count);
        Console.WriteLine($"load average at the start: {NodeConsole.LoadAverage()}");

        List<double> idleOut = await LatenciesAsync(alice, "bob", bobEvents, count, () => true);
        List<double> idleBack = await LatenciesAsync(bob, "alice", aliceEvents, count, () => true);

        (List<double> busyOut, List<double> busyBack, double seconds) = await TransferWithChatAsync(alice, bob, aliceEvents, bobEvents, source, count);
        Console.WriteLine($"load average at the end: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"file: {gibibytes} GiB in {seconds:F2} s = {(gibibytes * 1024) / seconds:F0} MiB/s (while the chat messages below were sent)");
        NodeConsole.Print("idle, alice → bob (ms)", idleOut);
        NodeConsole.Print("during the transfer, alice → bob, same direction as the file (ms)", busyOut);
        NodeConsole.Print("idle, bob → alice (ms)", idleBack);
        NodeConsole.Print("during the transfer, bob → alice, against the file (ms)", busyBack);
        await alice.DisposeAsync();
        await bob.DisposeAsync();
        world.Dispose();
    }

    /// <summary>Sends <paramref name="source"/> from alice to bob and measures chat both ways while it flows.</summary>
    private static async Task<(List<double> Out, List<double> Back, double Seconds)> TransferWithChatAsync(WotIdNode alice, WotIdNode bob,
        NodeEventWatcher aliceEvents, NodeEventWatcher bobEvents, string source, int count)
    {
        long t0 = Stopwatch.GetTimestamp();
        FileTransferSummary offer = await alice.SendFileAsync("bob", source);
        Task<long> completed = aliceEvents.WhenAsync(NodeEventKinds.FileCompleted, offer.Id);
        Task<long> ended = aliceEvents.WhenAsync(NodeEventKinds.FileEnded, offer.Id);
        bool Running() => !completed.IsCompleted && !ended.IsCompleted;
        await Task.Delay(500); // the stream is under way (accepted, window full) before the first measured message
        List<double> busyOut = await LatenciesAsync(alice, "bob", bobEvents, count, Running);
        List<double> busyBack = await LatenciesAsync(bob, "alice", aliceEvents, count, Running);
        if (await Task.WhenAny(completed, ended).WaitAsync(TimeSpan.FromMinutes(30)) == ended)
        {
            throw new InvalidOperationException("the transfer ended instead of completing");
        }

        return (busyOut, busyBack, Stopwatch.GetElapsedTime(t0, await completed).TotalSeconds);
    }

    /// <summary>Up to <paramref name="count"/> messages one at a time, 10 ms apart, while <paramref name="go"/> holds.</summary>
    private static async Task<List<double>> LatenciesAsync(WotIdNode from, string to, NodeEventWatcher receiver, int count, Func<bool> go)
    {
        var ms = new List<double>(count);
        for (int i = 0; i < count && go(); i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            SentMessage sent = await from.SendTextAsync(to, NodeChatThroughputBenchmarks.Text);
            NodeChatThroughputBenchmarks.Check(sent);
            long received = await receiver.WhenAsync(NodeEventKinds.MessageReceived, sent.Id).WaitAsync(TimeSpan.FromSeconds(30));
            receiver.Forget(NodeEventKinds.MessageReceived, sent.Id);
            if (go())
            {
                ms.Add(Stopwatch.GetElapsedTime(t0, received).TotalMilliseconds);
            }

            await Task.Delay(10);
        }

        return ms.Count > 0 ? ms : [double.NaN];
    }

    private static async Task WriteSourceAsync(string path, long size)
    {
        byte[] block = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1 << 20);
        await using FileStream file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        for (long written = 0; written < size; written += block.Length)
        {
            await file.WriteAsync(block);
        }

        // On disk before the measurement, as a person's file is: otherwise the kernel's write-back of the fresh source
        // competes with the chat messages' commits and the receiver's writes, and the run measures that.
        file.Flush(flushToDisk: true);
    }
}
