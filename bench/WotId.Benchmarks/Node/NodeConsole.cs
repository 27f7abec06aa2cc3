// Console modes of the node measurements that BenchmarkDotNet does not fit (docs/benchmarks-node.md):
//   node-chat-latency [n]          n chat messages one at a time on one verified connection: SendTextAsync called →
//                                  message.received read from the receiver's event stream, p50/p99 (and the ACK);
//   node-mailbox-fallback [n]      n messages to a stopped contact: failed dial → deposited, from the node's log events;
//   node-session-timeline [n] [w]  n session setups as in NodeSessionSetupBenchmarks after w unmeasured ones (default
//                                  20, so that the JIT has finished tiering up), each printed as the timeline of both
//                                  nodes' log events (ms since SendTextAsync was called), the total and the CPU time
//                                  the process used for it (both nodes run in it) and the methods the JIT compiled
//                                  meanwhile (tier-up still running means the setups are not warmed yet);
//   node-setup-ceiling [n]         CPU per ML-DSA-65 signature and verification, times their count on a setup's path
//                                  (NodeSetupCeiling.cs);
//   node-chat-during-file [n] [g]  n chat messages each way, idle and then during a g GiB file transfer on the same
//                                  connection (NodeChatDuringFile.cs);
//   node-file-cpu [n]              wall and CPU seconds per GiB of a file transfer and of the raw stream (NodeFileCpu.cs);
//   node-connections [n]           one node holding n verified connections dialled by a child process
//                                  (node-connections-peers), memory per connection at the holding node;
//   node-soak [n] [s] [r]          n verified contacts each sending r chat messages/s for s seconds to one node
//                                  (NodeSoak.cs): sent / received / lost, latency, memory.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>Hand-run node measurements (never run by the unit tests).</summary>
public static class NodeConsole
{
    /// <summary>Runs the mode named by args[0]; false when args[0] is not one of ours.</summary>
    public static bool TryRun(string[] args)
    {
        int n(int i, int d) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : d;
        switch (args.Length > 0 ? args[0] : "")
        {
            case "node-chat-latency": ChatLatencyAsync(n(1, 1000)).GetAwaiter().GetResult(); return true;
            case "node-mailbox-fallback": MailboxFallbackAsync(n(1, 200)).GetAwaiter().GetResult(); return true;
            case "node-session-timeline": SessionTimelineAsync(n(1, 5), n(2, 20)).GetAwaiter().GetResult(); return true;
            case "node-setup-ceiling": NodeSetupCeiling.Run(n(1, 300)); return true;
            case "node-chat-during-file": NodeChatDuringFile.RunAsync(n(1, 200), n(2, 2)).GetAwaiter().GetResult(); return true;
            case "node-file-cpu": NodeFileCpu.RunAsync(n(1, 3)).GetAwaiter().GetResult(); return true;
            case "node-connections": NodeConnections.HubAsync(n(1, 1000)).GetAwaiter().GetResult(); return true;
            case "node-soak": NodeSoak.RunAsync(n(1, 20), n(2, 30), n(3, 1)).GetAwaiter().GetResult(); return true;
            case "node-connections-peers": NodeConnections.PeersAsync(n(1, 1000), args[2], Convert.FromHexString(args[3])).GetAwaiter().GetResult(); return true;
            default: return false;
        }
    }

    private static async Task ChatLatencyAsync(int count)
    {
        // WOTID_BENCH_STAMPS=1: print the node's log events of the last three messages with their times (where a
        // message's milliseconds go).
        bool stamps = Environment.GetEnvironmentVariable("WOTID_BENCH_STAMPS") == "1";
        var aliceLogs = new StampingLoggerFactory("alice: ", []);
        var bobLogs = new StampingLoggerFactory("bob:   ", []);
        (NodeBenchWorld world, WotIdNode alice, WotIdNode bob) = stamps
            ? await NodeChatThroughputBenchmarks.StartPairAsync(aliceLogs, bobLogs)
            : await NodeChatThroughputBenchmarks.StartPairAsync();
        await using (var bobEvents = new NodeEventWatcher(bob, NodeEventKinds.MessageReceived))
        {
            var endToEnd = new List<double>(count);
            var acked = new List<double>(count);
            for (int i = -Math.Min(50, count); i < count; i++)
            {
                aliceLogs.Stamps.Clear();
                bobLogs.Stamps.Clear();
                long t0 = Stopwatch.GetTimestamp();
                SentMessage sent = await alice.SendTextAsync("bob", NodeChatThroughputBenchmarks.Text);
                long t1 = Stopwatch.GetTimestamp();
                NodeChatThroughputBenchmarks.Check(sent);
                long received = await bobEvents.WhenAsync(NodeEventKinds.MessageReceived, sent.Id).WaitAsync(TimeSpan.FromSeconds(30));
                bobEvents.Forget(NodeEventKinds.MessageReceived, sent.Id);
                if (stamps && i >= count - 3)
                {
                    Console.WriteLine($"--- message {i + 1}: ACK {Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds:F1} ms, received {Stopwatch.GetElapsedTime(t0, received).TotalMilliseconds:F1} ms");
                    foreach (var s in aliceLogs.Stamps.Concat(bobLogs.Stamps).OrderBy(s => s.Timestamp))
                    {
                        Console.WriteLine($"{Stopwatch.GetElapsedTime(t0, s.Timestamp).TotalMilliseconds,8:F2} ms  {s.Text}");
                    }
                }
                if (i >= 0)
                {
                    // Negative i: warm-up messages, not counted.
                    acked.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                    endToEnd.Add(Stopwatch.GetElapsedTime(t0, received).TotalMilliseconds);
                }
            }

            Console.WriteLine($"load average: {LoadAverage()}");
            Console.WriteLine($"{count} messages one at a time, 100 characters, one verified connection");
            Print("send → message.received at bob (ms)", endToEnd);
            Print("send → ACK (SendTextAsync returned, ms)", acked);
            Console.WriteLine($"one at a time: {count / (acked.Sum() / 1000):F0} msg/s");
        }

        await alice.DisposeAsync();
        await bob.DisposeAsync();
        world.Dispose();
    }

    private static async Task SessionTimelineAsync(int count, int warmup)
    {
        var aliceLogs = new StampingLoggerFactory("alice: ", []);
        var bobLogs = new StampingLoggerFactory("bob:   ", []);
        var bench = new NodeSessionSetupBenchmarks { AliceLogs = aliceLogs, BobLogs = bobLogs };
        await bench.SetupAsync();
        var totals = new List<double>(count);
        var cpu = new List<double>(count);
        var jitted = new List<double>(count);
        var jitTime = new List<double>(count);
        using var process = Process.GetCurrentProcess();
        for (int i = -warmup; i < count; i++)
        {
            bench.FreshConnectionAndSession();
            aliceLogs.Stamps.Clear();
            bobLogs.Stamps.Clear();
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long jit0 = JitInfo.GetCompiledMethodCount();
            TimeSpan jitTime0 = JitInfo.GetCompilationTime();
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                await bench.VerifiedSessionSetup();
            }
            catch (NodeException)
            {
                // The stamps of the failed setup say which step failed (they are lost otherwise).
                foreach (var s in aliceLogs.Stamps.Concat(bobLogs.Stamps).OrderBy(s => s.Timestamp))
                {
                    Console.WriteLine($"{Stopwatch.GetElapsedTime(t0, s.Timestamp).TotalMilliseconds,8:F1} ms  {s.Text}");
                }

                throw;
            }

            double total = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            process.Refresh();
            double used = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            long compiled = JitInfo.GetCompiledMethodCount() - jit0;
            double compiling = (JitInfo.GetCompilationTime() - jitTime0).TotalMilliseconds;
            if (i < 0)
            {
                // Warm-up setups (JIT tiering), not counted.
                continue;
            }

            totals.Add(total);
            cpu.Add(used);
            jitted.Add(compiled);
            jitTime.Add(compiling);
            Console.WriteLine($"--- setup {i + 1}: {total:F1} ms (process CPU {used:F1} ms, {compiled} methods JIT-compiled in {compiling:F1} ms)");
            foreach (var s in aliceLogs.Stamps.Concat(bobLogs.Stamps).OrderBy(s => s.Timestamp))
            {
                Console.WriteLine($"{Stopwatch.GetElapsedTime(t0, s.Timestamp).TotalMilliseconds,8:F1} ms  {s.Text}");
            }
        }

        Console.WriteLine($"load average: {LoadAverage()}");
        Print($"verified session setup after {warmup} unmeasured (ms)", totals);
        Print("process CPU time per setup, both nodes (ms)", cpu);
        Print("methods JIT-compiled during a setup (any thread)", jitted);
        Print("JIT compilation time during a setup (ms, any thread)", jitTime);
        await bench.CleanupAsync();
    }

    private static async Task MailboxFallbackAsync(int count)
    {
        var logs = new StampingLoggerFactory(306, 309);
        (NodeBenchWorld world, WotIdNode alice) = await NodeMailboxFallbackBenchmarks.StartWithStoppedContactAsync(logs);
        var whole = new List<double>(count);
        var dial = new List<double>(count);
        var fallback = new List<double>(count);
        for (int i = -Math.Min(20, count); i < count; i++)
        {
            logs.Stamps.Clear();
            long t0 = Stopwatch.GetTimestamp();
            SentMessage sent = await alice.SendTextAsync("bob", NodeChatThroughputBenchmarks.Text);
            long t1 = Stopwatch.GetTimestamp();
            NodeMailboxFallbackBenchmarks.Check(sent);
            var stamps = logs.Stamps.ToArray();
            long failed = stamps.First(s => s.EventId == 309).Timestamp;
            long deposited = stamps.First(s => s.EventId == 306 && s.Text.Contains(sent.Id, StringComparison.Ordinal) && s.Text.EndsWith(DeliveryRoutes.Mailbox, StringComparison.Ordinal)).Timestamp;
            if (i >= 0)
            {
                whole.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                dial.Add(Stopwatch.GetElapsedTime(t0, failed).TotalMilliseconds);
                fallback.Add(Stopwatch.GetElapsedTime(failed, deposited).TotalMilliseconds);
            }
        }

        Console.WriteLine($"load average: {LoadAverage()}");
        Console.WriteLine($"{count} messages to a contact whose node is stopped (loopback port refuses), embedded mailbox");
        Print("failed dial → deposited (ms)", fallback);
        Print("SendTextAsync called → dial failed (seal + refused dial, ms)", dial);
        Print("whole SendTextAsync (ms)", whole);
        await alice.DisposeAsync();
        world.Dispose();
    }

    internal static void Print(string what, List<double> ms)
    {
        double[] s = [.. ms.Order()];
        double P(double q) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)];
        Console.WriteLine($"{what}: p50 {P(0.50):F3}, p90 {P(0.90):F3}, p99 {P(0.99):F3}, max {s[^1]:F3}, mean {s.Average():F3} (n = {s.Length})");
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (System.IO.IOException)
        {
            return "unknown";
        }
    }
}
