// How a DHT node reaches others: one request, one response (none for ADD_PROVIDER, libp2p/specs kad-dht/README.md).
// The host binding sends over libp2p streams; the simulation calls the other node directly.
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Kademlia;

/// <summary>Sends one DHT request.</summary>
internal interface IKadNetwork
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="peer"/>; the response, or null when none is expected.</summary>
    /// <exception cref="System.IO.IOException">The peer could not be reached or answered badly.</exception>
    Task<KadMessage?> SendAsync(KadContact peer, KadMessage request, CancellationToken cancellationToken);
}
