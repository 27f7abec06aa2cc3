using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Node.Handshake;

namespace WotId.Node.Tests.Handshake;

/// <summary>A real libp2p host (TCP on 127.0.0.1 unless configured) gated by a <see cref="HandshakeGate"/>, serving a gated echo protocol.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    public const string EchoProtocol = "/wotid/test-echo/1.0.0";
    public static readonly Multiaddress Tcp = Multiaddress.Parse("/ip4/127.0.0.1/tcp/0");

    private TestNode(PeerIdentity peer, HandshakeGate gate, Libp2pHost host)
    {
        Peer = peer;
        Gate = gate;
        Host = host;
    }

    public PeerIdentity Peer { get; }

    public HandshakeGate Gate { get; }

    public Libp2pHost Host { get; }

    public Multiaddress Address => Host.AdvertisedAddresses[0];

    public static async Task<TestNode> StartAsync(HandshakeIdentity identity, HandshakePolicy policy, Func<PeerIdentity, HandshakeGate, Libp2pHostOptions>? options = null)
    {
        PeerIdentity peer = PeerIdentity.Generate();
        var gate = new HandshakeGate(identity, policy);
        Libp2pHostOptions hostOptions = options?.Invoke(peer, gate) ?? new Libp2pHostOptions(peer) { ListenAddresses = [Tcp], ConnectionGate = gate };
        var host = new Libp2pHost(hostOptions);
        gate.Attach(host);
        host.SetHandler(EchoProtocol, EchoAsync);
        await host.StartAsync();
        return new TestNode(peer, gate, host);
    }

    /// <summary>The next finished handshake of this node.</summary>
    public async Task<HandshakeEvent> NextHandshakeAsync(CancellationToken cancellationToken)
    {
        await foreach (HandshakeEvent e in Gate.ReadEventsAsync(cancellationToken))
        {
            return e;
        }

        throw new InvalidOperationException("the gate was disposed");
    }

    /// <summary>The next closed connection of this node's host.</summary>
    public async Task<HostEvent> NextClosedAsync(CancellationToken cancellationToken)
    {
        await foreach (HostEvent e in Host.ReadEventsAsync(cancellationToken))
        {
            if (e.Kind == HostEventKind.ConnectionClosed)
            {
                return e;
            }
        }

        throw new InvalidOperationException("the host stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Gate.Dispose();
        Peer.Dispose();
    }

    private static async Task EchoAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }
    }

    /// <summary>Writes <paramref name="payload"/>, half-closes and reads the echo.</summary>
    public static async Task<byte[]> EchoAsync(Libp2pStream stream, byte[] payload, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(payload, cancellationToken);
        stream.CompleteWrites();
        var back = new MemoryStream();
        await stream.CopyToAsync(back, cancellationToken);
        return back.ToArray();
    }
}
