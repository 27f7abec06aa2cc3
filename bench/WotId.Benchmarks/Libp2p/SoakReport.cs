// The soak run's printed result: messages, loss, reconnects, round trips, memory and the server's counters.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Host.Resources;

namespace WotId.Benchmarks.Libp2p;

internal static class SoakReport
{
    public static void Print(
        SoakSettings settings,
        int hostile,
        IReadOnlyList<SoakPeer> chats,
        SoakServer server,
        SoakSampler sampler,
        ResourceUsage usage,
        long trimmed,
        double elapsed,
        long heap0,
        long ws0)
    {
        long total = (long)settings.Peers * settings.Rate * settings.Seconds;
        long sent = chats.Sum(c => (long)c.Sent);
        long acked = chats.Sum(c => (long)c.Acknowledged);
        double[] all = chats.SelectMany(c => c.RoundTrips.ToArray()).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * q))];
        int unfinished = chats.Count(c => c.Acknowledged < settings.Rate * settings.Seconds);

        Console.WriteLine($"{settings.Peers} peers x {settings.Rate}/s for {settings.Seconds} s (+{hostile} hostile): sent {sent} of {total}, acknowledged {acked}, lost {sent - acked}, {acked / elapsed:F0} msg/s over {elapsed:F1} s");
        Console.WriteLine($"honest reconnects: {chats.Sum(c => c.Reconnects)} ({chats.Sum(c => c.ConnectionsLost)} after the connection closed) by {chats.Count(c => c.Reconnects > 0)} peers; {chats.Sum(c => c.Resent)} messages resent; server: {server.Delivered} delivered, {server.Duplicates} duplicates, {server.Gaps} gaps; misordered acknowledgements {chats.Sum(c => c.Misordered)}; peers not finished {unfinished}");
        Console.WriteLine($"round trip ms (from the first send): p50 {P(0.50):F1}, p99 {P(0.99):F1}, p99.9 {P(0.999):F1}, max {(all.Length == 0 ? 0 : all[^1]):F1}");
        Console.WriteLine($"process: heap {heap0 / 1048576.0:F0} -> peak {sampler.PeakHeap / 1048576.0:F0} MiB; working set {ws0 / 1048576.0:F0} -> {Environment.WorkingSet / 1048576.0:F0} MiB (clients and server in one process)");
        Console.WriteLine($"server peaks: {sampler.PeakStreams} streams, {sampler.PeakPending} pending inbound, {sampler.PeakWindows / 1048576.0:F0} MiB receive windows, {sampler.PeakBuffered / 1048576.0:F1} MiB buffered");
        Console.WriteLine($"server at the end: {usage.InboundConnections} in, {usage.PendingInbound} pending, {usage.TransientConnections} unverified, trimmed {trimmed}; refusals {string.Join(", ", usage.RefusalsByScope.Where(r => r.Value > 0).Select(r => r.Key + " " + r.Value))}");
        Console.WriteLine(sent == total && acked == total && server.Gaps == 0 ? "result: zero loss" : "result: NOT every message acknowledged");
    }
}
