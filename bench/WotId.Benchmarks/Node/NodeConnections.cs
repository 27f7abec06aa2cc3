// Verified connections held by one node (issue: "1,000 verified connections held by one node with memory per
// connection"). docs/benchmarks-node.md "Connections". The holding node (hub) runs in this process; the n peers run
// in a child process so that each process measures only its own end. Both processes build the same issuer from one
// seed, so each side verifies the other's credential. Every peer is a full WotIdNode (own profile, credential,
// host) that dials the hub; the hub runs the VerifiedHuman handshake with each and keeps the connection as a verified
// stranger (no contact and no Signal session: the per-connection cost of the verified connection itself).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>The two ends of the connection-scale measurement.</summary>
internal static class NodeConnections
{
    /// <summary>Peers dial this many at a time (the hub's host admits 8 upgrades per IP address at once).</summary>
    private const int Batch = 8;

    internal static async Task HubAsync(int count)
    {
        using var world = new NodeBenchWorld();
        await using WotIdNode hub = await WotIdNode.StartAsync(await world.CreateProfileAsync("hub", mailbox: false), world.Options());
        (long managed0, long ws0) = Measure();
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (string a in Environment.GetCommandLineArgs().Take(1).Where(a => a.EndsWith(".dll", StringComparison.Ordinal)))
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("node-connections-peers");
        psi.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(hub.Host.AdvertisedAddresses[0].ToString()); // ends with /p2p/<hub peer id>
        psi.ArgumentList.Add(Convert.ToHexString(world.IssuerSeed()));
        using Process child = Process.Start(psi)!;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("ready", StringComparison.Ordinal))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(line);
        await Task.Delay(3000);
        int verified = hub.Host.Connections.Count(c => c.IsGateOpen && !c.IsClosed);
        (long managed1, long ws1) = Measure();
        Console.WriteLine($"load average: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"hub: {verified} verified connections held (of {count} dialled); managed heap {(managed1 - managed0) / Math.Max(1, verified)} B/conn, "
            + $"working set {(ws1 - ws0) / Math.Max(1, verified)} B/conn (heap {managed1 >> 20} MiB, working set {ws1 >> 20} MiB)");
        await child.StandardInput.WriteLineAsync("quit");
        await child.StandardInput.FlushAsync();
        Console.WriteLine(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
    }

    internal static async Task PeersAsync(int count, string hubAddress, byte[] issuerSeed)
    {
        Multiaddress hub = Multiaddress.Parse(hubAddress);
        using var world = new NodeBenchWorld(issuerSeed);
        var nodes = new List<WotIdNode>(count);
        long t0 = Stopwatch.GetTimestamp();
        for (int done = 0; done < count; done += Batch)
        {
            WotIdNode[] batch = await Task.WhenAll(Enumerable.Range(done, Math.Min(Batch, count - done)).Select(async i =>
            {
                var profile = await world.CreateProfileAsync("peer" + i.ToString(CultureInfo.InvariantCulture), pool: 1, mailbox: false);
                return await WotIdNode.StartAsync(profile, world.Options());
            }));
            nodes.AddRange(batch);
        }

        Console.WriteLine($"peers: {count} profiles and nodes started in {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
        t0 = Stopwatch.GetTimestamp();
        int verified = 0;
        for (int done = 0; done < count; done += Batch)
        {
            bool[] ok = await Task.WhenAll(nodes.Skip(done).Take(Batch).Select(async node =>
            {
                Libp2pConnection c = await node.Host.DialAsync(hub);
                for (int i = 0; i < 3000 && !c.IsGateOpen && !c.IsClosed; i++)
                {
                    await Task.Delay(10);
                }

                return c.IsGateOpen && !c.IsClosed;
            }));
            verified += ok.Count(x => x);
        }

        Console.WriteLine($"peers: {verified} of {count} verified connections in {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        foreach (WotIdNode node in nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using Process p = Process.GetCurrentProcess();
        return (managed, p.WorkingSet64);
    }
}
