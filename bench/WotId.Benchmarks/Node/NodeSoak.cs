// Console mode `node-soak [peers] [seconds] [messages/s per peer]` (issue "Hostile peers", soak, at the level of full
// nodes; docs/benchmarks-node.md "Soak"): one hub node and `peers` full WotIdNodes in this process, each with its own
// encrypted profile, VerifiedHuman credential and host. Every peer becomes a contact of the hub, runs the verified
// handshake and a Signal session with it (one unmeasured first message, in batches of 8: the hub admits 8 upgrades per
// IP address at once), then all send chat messages to the hub at the given rate for the given time. A message counts
// when the hub's event stream shows it as `message.received`; the mode prints sent / received / lost, how each was
// delivered (direct or mailbox), the latency (SendTextAsync called → received at the hub), the process memory before
// and after (all nodes share the process) and the hub's network counters.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>Many verified contacts chatting to one node.</summary>
internal static class NodeSoak
{
    private const int Batch = 8;

    internal static async Task RunAsync(int peers, int seconds, int rate)
    {
        using var world = new NodeBenchWorld();
        await using WotIdNode hub = await WotIdNode.StartAsync(await world.CreateProfileAsync("hub", pool: peers + 5, mailbox: false), world.Options());
        await using var received = new NodeEventWatcher(hub, NodeEventKinds.MessageReceived);
        var nodes = new List<WotIdNode>(peers);
        long t0 = Stopwatch.GetTimestamp();
        for (int done = 0; done < peers; done += Batch)
        {
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(done, Math.Min(Batch, peers - done)).Select(async i =>
            {
                string name = "peer" + i.ToString(CultureInfo.InvariantCulture);
                WotIdNode node = await WotIdNode.StartAsync(await world.CreateProfileAsync(name, pool: 2, mailbox: false), world.Options());
                await NodeBenchWorld.IntroduceAsync(node, "hub", hub, name);
                SentMessage first = await node.SendTextAsync("hub", "hello");
                await received.WhenAsync(NodeEventKinds.MessageReceived, first.Id).WaitAsync(TimeSpan.FromSeconds(60));
                return node;
            })));
        }

        Console.WriteLine($"load average: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"{peers} peers: profiles, contacts and verified sessions with the hub in {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
        (long heap0, long ws0) = (GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);

        var latencies = new ConcurrentBag<double>();
        var routes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        int sent = 0, lost = 0, failed = 0;
        long peakHeap = heap0;
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            var waits = new List<Task>();
            await Task.Delay(Random.Shared.Next(1000 / rate));
            for (int i = 0; i < seconds * rate; i++)
            {
                TimeSpan due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                long t = Stopwatch.GetTimestamp();
                SentMessage m;
                try
                {
                    m = await node.SendTextAsync("hub", "soak " + i.ToString(CultureInfo.InvariantCulture));
                }
                catch (NodeException)
                {
                    System.Threading.Interlocked.Increment(ref failed);
                    continue;
                }

                System.Threading.Interlocked.Increment(ref sent);
                routes.AddOrUpdate(m.Delivered, 1, (_, n) => n + 1);
                waits.Add(WaitAsync(m.Id, t));
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            }

            await Task.WhenAll(waits);
        })));

        async Task WaitAsync(string id, long t)
        {
            try
            {
                long at = await received.WhenAsync(NodeEventKinds.MessageReceived, id).WaitAsync(TimeSpan.FromSeconds(60));
                latencies.Add(Stopwatch.GetElapsedTime(t, at).TotalMilliseconds);
                received.Forget(NodeEventKinds.MessageReceived, id);
            }
            catch (TimeoutException)
            {
                System.Threading.Interlocked.Increment(ref lost);
            }
        }

        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        NetworkStatus network = (await hub.GetStatusAsync()).Network!;
        double[] all = latencies.Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * q))];
        Console.WriteLine($"load average: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"{peers} peers x {rate}/s for {seconds} s to one node: sent {sent}, received {all.Length}, lost {lost}, send failed {failed}; "
            + $"routes {string.Join(", ", routes.Select(r => r.Key + " " + r.Value))}; {all.Length / elapsed:F1} msg/s over {elapsed:F1} s");
        Console.WriteLine($"send -> message.received at the hub, ms: p50 {P(0.5):F1}, p99 {P(0.99):F1}, max {(all.Length == 0 ? 0 : all[^1]):F1}");
        Console.WriteLine($"process ({peers + 1} nodes): heap {heap0 >> 20} -> peak {peakHeap >> 20} MiB, after {GC.GetTotalMemory(forceFullCollection: true) >> 20} MiB; working set {ws0 >> 20} -> {Environment.WorkingSet >> 20} MiB");
        Console.WriteLine($"hub network: {network.InboundConnections} in, {network.OutboundConnections} out, {network.UnverifiedConnections} unverified, {network.Streams} streams, "
            + $"{network.MemoryBytes >> 20} MiB windows, {network.BufferedBytes} B buffered, trimmed {network.Trimmed}; refusals system {network.Refusals.System}, transient {network.Refusals.Transient}, peer {network.Refusals.Peer}");
        Console.WriteLine(lost == 0 && failed == 0 ? "result: zero loss" : "result: NOT every message received");
        foreach (WotIdNode node in nodes)
        {
            await node.DisposeAsync();
        }
    }
}
