// DHT requests over libp2p streams (libp2p/specs kad-dht/README.md): open a stream for the DHT protocol, write one
// length-prefixed request, read one response (none for ADD_PROVIDER), close. The peer's addresses from the DHT go to
// the host's peer store first, so the host can dial it.
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Libp2p.Kademlia;

/// <summary>Sends DHT requests through a <see cref="Libp2pHost"/>.</summary>
internal sealed class KadHostNetwork(Libp2pHost host, string protocolId) : IKadNetwork
{
    public async Task<KadMessage?> SendAsync(KadContact peer, KadMessage request, CancellationToken cancellationToken)
    {
        if (peer.Addresses.Count > 0)
        {
            host.PeerStore.AddAddresses(peer.Id, peer.Addresses);
        }

        await using Libp2pStream stream = await host.OpenStreamAsync(peer.Id, protocolId, cancellationToken).ConfigureAwait(false);
        try
        {
            await KadProtocol.WriteAsync(stream, request, cancellationToken).ConfigureAwait(false);
            if (request.Type == KadMessageType.AddProvider)
            {
                stream.CompleteWrites();
                return null;
            }

            KadMessage response = await KadProtocol.ReadAsync(stream, cancellationToken).ConfigureAwait(false)
                ?? throw new KadException(KadError.UnexpectedResponse, "the peer closed the stream without answering");
            stream.CompleteWrites();
            return response;
        }
        catch
        {
            stream.Abort();
            throw;
        }
    }
}
