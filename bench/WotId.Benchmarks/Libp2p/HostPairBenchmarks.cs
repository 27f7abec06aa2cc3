// C# to C# libp2p host over loopback TCP (Noise + Yamux), both hosts in this process: dial→identify, ping RTT,
// one-stream and 16-stream perf throughput (the issue 3 performance list). Throughput = bytes / Mean.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Ping;

namespace WotId.Benchmarks.Libp2p;

[Config(typeof(Libp2pBenchmarkConfig))]
public class HostPairBenchmarks
{
    /// <summary>Bytes downloaded by the one-stream benchmark (64 MiB).</summary>
    public const long OneStreamBytes = 64L << 20;

    /// <summary>Bytes per stream of the 16-stream benchmark (4 MiB each, 64 MiB together).</summary>
    public const long PerStreamBytes = 4L << 20;

    private PerfHostPair _pair = null!;
    private Libp2pStream _ping = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _pair = await PerfHostPair.StartAsync();
        _ping = await _pair.Client.OpenStreamAsync(_pair.Server.PeerId, PingProtocol.ProtocolId);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _ping.DisposeAsync();
        await _pair.DisposeAsync();
    }

    /// <summary>A fresh connection on a second client identity: TCP + multistream + Noise + Yamux + identify, then close.</summary>
    [Benchmark]
    public async Task DialToIdentify()
    {
        using PeerIdentity id = PeerIdentity.Generate();
        await using var host = new Libp2pHost(new Libp2pHostOptions(id) { IdleTimeout = TimeSpan.Zero });
        await host.StartAsync();
        Libp2pConnection c = await host.DialAsync(_pair.ServerAddress);
        await c.Identified;
    }

    [Benchmark]
    public ValueTask<TimeSpan> PingRoundTrip() => PingProtocol.PingAsync(_ping, default);

    [Benchmark]
    public Task OneStream64MiB() => _pair.PerfAsync(OneStreamBytes);

    [Benchmark]
    public Task SixteenStreams64MiB() =>
        Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _pair.PerfAsync(PerStreamBytes)));
}
