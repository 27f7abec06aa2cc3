using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Kademlia;

namespace WotId.Libp2p.Tests.Kademlia;

// A 1,000-node in-process DHT (every message through the wire codec): nodes join one by one through a random
// earlier node, then 200 random FIND_NODE lookups per stage with 0, 10, 20 and 30 % of the nodes gone. The bounds
// follow from the algorithm: each answer comes from a peer at least one bit nearer, so hops stay within log2(n);
// k = 20 replicas per region make a live target findable while most of its neighbours are up.
public sealed class KadSimulationTests(ITestOutputHelper output)
{
    private const int Nodes = 1000;
    private const int Lookups = 200;

    [Fact]
    public async Task ThousandNodeNetworkFindsPeersInLogarithmicHopsWithUpToThirtyPercentGone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var sim = new KadSimulation(seed: 12);
        await sim.JoinAsync(Nodes, cts.Token);
        double log2 = Math.Log2(Nodes);
        output.WriteLine($"joined {Nodes} nodes with {sim.MessagesHandled} messages; log2(n) = {log2:F2}");

        foreach (double gone in new[] { 0.0, 0.1, 0.2, 0.3 })
        {
            if (gone > 0)
            {
                // Take down more nodes until the fraction is reached (0.1 more of the original each stage).
                sim.FailRandom(0.1 * Nodes / sim.Peers.Count(sim.IsUp));
            }

            int found = 0;
            var hops = new List<int>();
            var messages = new List<int>();
            for (int i = 0; i < Lookups; i++)
            {
                (bool ok, LookupResult? r) = await sim.RandomFindPeerAsync(cts.Token);
                found += ok ? 1 : 0;
                hops.Add(r!.Hops);
                messages.Add(r.Requests);
            }

            double rate = (double)found / Lookups;
            output.WriteLine($"gone {gone:P0}: success {rate:P1}, hops mean {hops.Average():F2} max {hops.Max()}, messages mean {messages.Average():F1} max {messages.Max()}");
            Assert.True(rate >= (gone == 0 ? 1.0 : 0.95), $"success rate {rate:P1} with {gone:P0} gone");
            Assert.True(hops.Average() <= log2, $"mean hops {hops.Average():F2} above log2(n)");
            Assert.True(hops.Max() <= 2 * log2, $"max hops {hops.Max()} above 2 log2(n)");
            // α = 3 requests per round, about log2(n) rounds, plus the k closest confirmed: far below n.
            Assert.True(messages.Average() <= 3 * (log2 + KadProtocol.K), $"mean messages {messages.Average():F1}");
        }
    }
}
