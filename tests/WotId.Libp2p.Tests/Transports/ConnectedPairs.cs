// Real loopback connection pairs for tests (no in-memory fakes): raw TCP, WebSocket, and Noise over TCP.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Transports;

/// <summary>Creates connected pairs over real sockets on 127.0.0.1.</summary>
internal static class ConnectedPairs
{
    public static readonly string[] Yamux = ["/yamux/1.0.0"];

    /// <summary>Dialer and listener ends of one connection of <paramref name="transport"/>.</summary>
    public static async Task<(TransportConnection Dialer, TransportConnection Listener)> CreateAsync(ITransport transport, string listenAddress, CancellationToken cancellationToken = default)
    {
        await using ITransportListener listener = await transport.ListenAsync(Multiaddress.Parse(listenAddress), cancellationToken);
        Task<TransportConnection> accept = listener.AcceptAsync(cancellationToken);
        TransportConnection dialer = await transport.DialAsync(listener.LocalAddress, cancellationToken);
        TransportConnection accepted = await accept;
        return (dialer, accepted);
    }

    public static Task<(TransportConnection Dialer, TransportConnection Listener)> TcpAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(new TcpTransport(), "/ip4/127.0.0.1/tcp/0", cancellationToken);

    public static Task<(TransportConnection Dialer, TransportConnection Listener)> WebSocketAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(new WebSocketTransport(), "/ip4/127.0.0.1/tcp/0/ws", cancellationToken);

    /// <summary>Two Noise-secured ends over a fresh TCP connection (the dialer checks the listener's peer id).</summary>
    public static async Task<(NoiseSecuredStream Initiator, NoiseSecuredStream Responder)> NoiseOverTcpAsync(CancellationToken cancellationToken = default)
    {
        (TransportConnection dialer, TransportConnection listener) = await TcpAsync(cancellationToken);
        using PeerIdentity a = PeerIdentity.Generate();
        using PeerIdentity b = PeerIdentity.Generate();
        Task<NoiseSecuredStream> responder = NoiseSecuredStream.HandshakeAsync(listener, b, false, null, Yamux, cancellationToken);
        NoiseSecuredStream initiator = await NoiseSecuredStream.HandshakeAsync(dialer, a, true, b.PeerId, Yamux, cancellationToken);
        return (initiator, await responder);
    }

    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
