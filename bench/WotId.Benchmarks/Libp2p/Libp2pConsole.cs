// Console modes for measurements that do not fit BenchmarkDotNet (run by hand, never by the unit tests):
//   libp2p-perf-loop [runs]        one-stream 64 MiB transfers in a loop (a target for dotnet-trace), then
//                                  16 × 4 MiB streams with each stream's own rate (fastest/slowest ratio);
//   libp2p-idle-server [n]         one host holding n idle connections dialled by a child process
//                                  (libp2p-idle-clients), so each process measures only its own end.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Perf;

namespace WotId.Benchmarks.Libp2p;

/// <summary>Hand-run libp2p measurements: a profiling loop and the 10,000-idle-connection memory check.</summary>
public static class Libp2pConsole
{
    /// <summary>Runs the mode named by args[0]; false when args[0] is not one of ours.</summary>
    public static bool TryRun(string[] args)
    {
        int n(int i, int d) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : d;
        switch (args.Length > 0 ? args[0] : "")
        {
            case "libp2p-perf-loop": PerfLoopAsync(n(1, 20)).GetAwaiter().GetResult(); return true;
            case "libp2p-idle-server": IdleServerAsync(n(1, 10_000)).GetAwaiter().GetResult(); return true;
            case "libp2p-idle-clients": IdleClientsAsync(n(1, 10_000), args[2]).GetAwaiter().GetResult(); return true;
            default: return false;
        }
    }

    private static async Task PerfLoopAsync(int runs)
    {
        using PeerIdentity serverId = PeerIdentity.Generate();
        using PeerIdentity clientId = PeerIdentity.Generate();
        await using var server = new Libp2pHost(new Libp2pHostOptions(serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], ServePerf = true });
        await using var client = new Libp2pHost(new Libp2pHostOptions(clientId));
        await server.StartAsync();
        await client.StartAsync();
        await client.DialAsync(server.AdvertisedAddresses[0]);
        for (int i = 0; i < runs; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            await client.PerfAsync(server.PeerId, 0, HostPairBenchmarks.OneStreamBytes);
            Console.WriteLine($"one stream: {HostPairBenchmarks.OneStreamBytes / 1048576.0 / Stopwatch.GetElapsedTime(t0).TotalSeconds:F0} MiB/s");
        }

        for (int i = 0; i < Math.Max(3, runs / 4); i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            PerfResult[] r = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.PerfAsync(server.PeerId, 0, HostPairBenchmarks.PerStreamBytes)));
            double total = 16 * HostPairBenchmarks.PerStreamBytes / 1048576.0 / Stopwatch.GetElapsedTime(t0).TotalSeconds;
            double fastest = r.Max(x => x.DownloadMiBPerSecond), slowest = r.Min(x => x.DownloadMiBPerSecond);
            Console.WriteLine($"16 streams: {total:F0} MiB/s together; per stream fastest {fastest:F0}, slowest {slowest:F0} MiB/s (slowest/fastest {slowest / fastest:F2})");
        }
    }

    private static async Task IdleServerAsync(int connections)
    {
        using PeerIdentity serverId = PeerIdentity.Generate();
        await using var server = new Libp2pHost(new Libp2pHostOptions(serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], MaxInboundConnections = connections + 100, MaxPendingInbound = 1024, MaxInboundPerIp = 1024 });
        await server.StartAsync();
        (long managed0, long ws0) = Measure();
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (string a in Environment.GetCommandLineArgs().Take(1).Where(a => a.EndsWith(".dll", StringComparison.Ordinal)))
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("libp2p-idle-clients");
        psi.ArgumentList.Add(connections.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(server.AdvertisedAddresses[0].ToString());
        using Process child = Process.Start(psi)!;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("ready", StringComparison.Ordinal))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(line);
        await Task.Delay(2000);
        (long managed1, long ws1) = Measure();
        Console.WriteLine($"server end: {connections} idle connections, managed {(managed1 - managed0) / connections} B/conn, working set {(ws1 - ws0) / connections} B/conn (heap {managed1 >> 20} MiB, ws {ws1 >> 20} MiB)");
        await child.StandardInput.WriteLineAsync("quit");
        await child.StandardInput.FlushAsync();
        Console.WriteLine(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
    }

    private static async Task IdleClientsAsync(int connections, string address)
    {
        Multiaddress target = Multiaddress.Parse(address);
        (long managed0, long ws0) = Measure();
        var hosts = new List<(PeerIdentity Id, Libp2pHost Host)>(connections);
        long t0 = Stopwatch.GetTimestamp();
        for (int done = 0; done < connections; done += 16)
        {
            var batch = Enumerable.Range(0, Math.Min(16, connections - done)).Select(_ => PeerIdentity.Generate()).Select(id => (id, new Libp2pHost(new Libp2pHostOptions(id)))).ToList();
            hosts.AddRange(batch);
            await Task.WhenAll(batch.Select(async h =>
            {
                await h.Item2.StartAsync();
                Libp2pConnection c = await h.Item2.DialAsync(target);
                await c.Identified;
            }));
        }

        Console.WriteLine($"dialled {connections} in {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
        await Task.Delay(2000);
        (long managed1, long ws1) = Measure();
        Console.WriteLine($"ready; client end (one host + identity per connection): managed {(managed1 - managed0) / connections} B/conn, working set {(ws1 - ws0) / connections} B/conn");
        await Console.In.ReadLineAsync();
        foreach ((PeerIdentity id, Libp2pHost host) in hosts)
        {
            await host.DisposeAsync();
            id.Dispose();
        }
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using Process p = Process.GetCurrentProcess();
        return (managed, p.WorkingSet64);
    }
}
