// Console mode for the DHT simulation at scale (issue 12, "a 10,000-node run as a benchmark"); run by hand:
//   kad-sim [nodes] [lookups]      nodes join one by one, then `lookups` random FIND_NODE lookups with 0, 10, 20
//                                  and 30 % of the nodes gone; prints success rate, hops and messages per lookup
//                                  against log2(n), and the wall time of each phase.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Kademlia;

namespace WotId.Benchmarks.Libp2p;

/// <summary>Hand-run Kademlia simulation (in-process network, every message through the wire codec).</summary>
public static class KadSimulationConsole
{
    /// <summary>Runs the mode named by args[0]; false when args[0] is not ours.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "kad-sim")
        {
            return false;
        }

        int nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        int lookups = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        RunAsync(nodes, lookups).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(int nodes, int lookups)
    {
        var sim = new KadSimulation(seed: 1);
        long t0 = Stopwatch.GetTimestamp();
        await sim.JoinAsync(nodes, CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant(
            $"joined {nodes} nodes in {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s, {sim.MessagesHandled} messages ({(double)sim.MessagesHandled / nodes:F1} per join); log2(n) = {Math.Log2(nodes):F2}"));
        Console.WriteLine("| nodes gone | lookups | success | hops mean | hops p99 | hops max | messages mean | messages p99 | messages max | wall time |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (double gone in new[] { 0.0, 0.1, 0.2, 0.3 })
        {
            if (gone > 0)
            {
                sim.FailRandom(0.1 * nodes / sim.Peers.Count(sim.IsUp));
            }

            int found = 0;
            var hops = new List<int>();
            var messages = new List<int>();
            long t1 = Stopwatch.GetTimestamp();
            for (int i = 0; i < lookups; i++)
            {
                (bool ok, LookupResult? r) = await sim.RandomFindPeerAsync(CancellationToken.None);
                found += ok ? 1 : 0;
                hops.Add(r!.Hops);
                messages.Add(r.Requests);
            }

            hops.Sort();
            messages.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"| {gone:P0} | {lookups} | {(double)found / lookups:P1} | {hops.Average():F2} | {hops[(int)(0.99 * (lookups - 1))]} | {hops[^1]} | {messages.Average():F1} | {messages[(int)(0.99 * (lookups - 1))]} | {messages[^1]} | {Stopwatch.GetElapsedTime(t1).TotalSeconds:F1} s |"));
        }
    }
}
