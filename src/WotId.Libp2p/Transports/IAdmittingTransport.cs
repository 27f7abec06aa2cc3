// A transport whose listener does work (an HTTP upgrade) before handing connections to the host: it takes each
// connection's pending-inbound slot from the host's limiter first, so that work is bounded like any other upgrade.
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>Listens with admission through an <see cref="InboundLimiter"/> (whose clock also times the upgrade).</summary>
internal interface IAdmittingTransport
{
    /// <summary>Like <see cref="ITransport.ListenAsync"/>, admitting every accepted connection through <paramref name="limiter"/>.</summary>
    Task<ITransportListener> ListenAsync(Multiaddress address, InboundLimiter limiter, CancellationToken cancellationToken);
}
