// Memory held per idle libp2p connection: one server host accepts N connections from N client hosts in this process
// (each connection is counted twice: server side + client side). Reported by the benchmark as retained bytes.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

[Config(typeof(Libp2pBenchmarkConfig))]
public class IdleConnectionMemory
{
    [Params(200)]
    public int Connections { get; set; }

    /// <summary>
    /// Opens <see cref="Connections"/> identified connections, forces a full GC and returns the growth of the managed
    /// heap and of the process working set per connection (both ends in this process), then closes everything.
    /// </summary>
    [Benchmark]
    public async Task<(long ManagedPerConnection, long WorkingSetPerConnection)> HoldIdleConnections()
    {
        using PeerIdentity serverId = PeerIdentity.Generate();
        await using var server = new Libp2pHost(new Libp2pHostOptions(serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], MaxInboundConnections = 20_000, MaxPendingInbound = 1024, MaxInboundPerIp = 1024 });
        await server.StartAsync();
        Multiaddress address = server.AdvertisedAddresses[0];
        long managed0 = GC.GetTotalMemory(forceFullCollection: true);
        long ws0 = Process.GetCurrentProcess().WorkingSet64;
        var clients = new List<(PeerIdentity, Libp2pHost)>();
        for (int i = 0; i < Connections; i++)
        {
            var id = PeerIdentity.Generate();
            var host = new Libp2pHost(new Libp2pHostOptions(id));
            await host.StartAsync();
            Libp2pConnection c = await host.DialAsync(address);
            await c.Identified;
            clients.Add((id, host));
        }

        await Task.Delay(500);
        long managed1 = GC.GetTotalMemory(forceFullCollection: true);
        long ws1 = Process.GetCurrentProcess().WorkingSet64;
        var result = ((managed1 - managed0) / Connections, (ws1 - ws0) / Connections);
        Console.WriteLine($"// libp2p idle connections: {Connections}, managed {result.Item1} B/conn, working set {result.Item2} B/conn (both ends)");
        foreach ((PeerIdentity id, Libp2pHost host) in clients)
        {
            await host.DisposeAsync();
            id.Dispose();
        }

        return result;
    }
}
