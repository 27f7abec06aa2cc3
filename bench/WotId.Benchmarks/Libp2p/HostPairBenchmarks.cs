// C# to C# libp2p host over loopback TCP (Noise + Yamux), both hosts in this process: dial→identify, ping RTT,
// one-stream and 16-stream perf throughput (the issue 3 performance list). Throughput = bytes / Mean.
using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
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

    private PeerIdentity _serverId = null!;
    private PeerIdentity _clientId = null!;
    private Libp2pHost _server = null!;
    private Libp2pHost _client = null!;
    private Multiaddress _address = null!;
    private Libp2pStream _ping = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _serverId = PeerIdentity.Generate();
        _clientId = PeerIdentity.Generate();
        _server = new Libp2pHost(new Libp2pHostOptions(_serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], ServePerf = true });
        _client = new Libp2pHost(new Libp2pHostOptions(_clientId));
        await _server.StartAsync();
        await _client.StartAsync();
        _address = _server.AdvertisedAddresses[0];
        await _client.DialAsync(_address);
        _ping = await _client.OpenStreamAsync(_server.PeerId, PingProtocol.ProtocolId);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _ping.DisposeAsync();
        await _client.DisposeAsync();
        await _server.DisposeAsync();
        _serverId.Dispose();
        _clientId.Dispose();
    }

    /// <summary>A fresh connection on a second client identity: TCP + multistream + Noise + Yamux + identify, then close.</summary>
    [Benchmark]
    public async Task DialToIdentify()
    {
        using PeerIdentity id = PeerIdentity.Generate();
        await using var host = new Libp2pHost(new Libp2pHostOptions(id) { IdleTimeout = TimeSpan.Zero });
        await host.StartAsync();
        Libp2pConnection c = await host.DialAsync(_address);
        await c.Identified;
    }

    [Benchmark]
    public ValueTask<TimeSpan> PingRoundTrip() => PingProtocol.PingAsync(_ping, default);

    [Benchmark]
    public Task OneStream64MiB() => _client.PerfAsync(_server.PeerId, 0, OneStreamBytes);

    [Benchmark]
    public Task SixteenStreams64MiB() =>
        Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _client.PerfAsync(_server.PeerId, 0, PerStreamBytes)));
}
