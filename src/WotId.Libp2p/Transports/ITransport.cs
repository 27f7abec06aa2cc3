// libp2p/specs connections/README.md, "Transports": dial and listen on multiaddrs, yielding raw byte streams
// that the upgrader secures (Noise) and multiplexes (Yamux).
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A raw (not yet secured) libp2p transport.</summary>
public interface ITransport
{
    /// <summary>True when this transport can dial <paramref name="address"/> (a trailing <c>/p2p/…</c> is allowed).</summary>
    bool CanDial(Multiaddress address);

    /// <summary>True when this transport can listen on <paramref name="address"/>.</summary>
    bool CanListen(Multiaddress address);

    /// <summary>Opens a connection to <paramref name="address"/>.</summary>
    /// <exception cref="TransportException">The address is unusable or the connection failed.</exception>
    Task<TransportConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken);

    /// <summary>Starts listening on <paramref name="address"/> (port 0 picks a free port).</summary>
    /// <exception cref="TransportException">The address is unusable or binding failed.</exception>
    Task<ITransportListener> ListenAsync(Multiaddress address, CancellationToken cancellationToken);
}
