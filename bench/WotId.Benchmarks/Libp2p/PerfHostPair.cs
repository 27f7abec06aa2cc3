// Two libp2p hosts in this process over loopback TCP (Noise + Yamux), the server serving /perf, the client connected
// to it: the raw-stream baseline that host and node benchmarks measure against.
using System;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>A connected client/server host pair with /perf served; disposing stops both and their identities.</summary>
internal sealed class PerfHostPair : IAsyncDisposable
{
    private readonly PeerIdentity _serverId = PeerIdentity.Generate();
    private readonly PeerIdentity _clientId = PeerIdentity.Generate();

    private PerfHostPair()
    {
        Server = new Libp2pHost(new Libp2pHostOptions(_serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], ServePerf = true });
        Client = new Libp2pHost(new Libp2pHostOptions(_clientId));
    }

    public Libp2pHost Server { get; }

    public Libp2pHost Client { get; }

    /// <summary>The server's first listen address.</summary>
    public Multiaddress ServerAddress => Server.AdvertisedAddresses[0];

    /// <summary>Starts both hosts and connects the client to the server.</summary>
    public static async Task<PerfHostPair> StartAsync()
    {
        var pair = new PerfHostPair();
        await pair.Server.StartAsync();
        await pair.Client.StartAsync();
        await pair.Client.DialAsync(pair.ServerAddress);
        return pair;
    }

    /// <summary>Downloads <paramref name="bytes"/> from the server on one /perf stream.</summary>
    public Task PerfAsync(long bytes) => Client.PerfAsync(Server.PeerId, 0, bytes);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        _serverId.Dispose();
        _clientId.Dispose();
    }
}
