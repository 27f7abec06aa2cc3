// Kademlia DHT wire protocol (libp2p/specs kad-dht/README.md): uvarint length-prefixed protobuf messages on a
// stream; a client may pipeline several requests on one stream, so the server reads requests until EOF.
//
// | limit / parameter          | value                                                                      |
// |----------------------------|----------------------------------------------------------------------------|
// | protocol ids               | /ipfs/kad/1.0.0 (public), /wotid/kad/1.0.0 (wot.id records, separate DHT)   |
// | message size               | 1 MiB (go allows 4 MiB; every message within the field limits fits)       |
// | key / record value         | 1 KiB / 64 KiB                                                             |
// | peers per list / addresses | 64 / 32 per peer, 1 KiB each (Multiaddress.MaxBinaryLength)                 |
// | k (bucket size, replicas)  | 20 (spec)                                                                  |
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Protocols;

namespace WotId.Libp2p.Kademlia;

/// <summary>Protocol ids, limits and framing of the Kademlia DHT.</summary>
public static class KadProtocol
{
    /// <summary>The public IPFS ("Amino") DHT.</summary>
    public const string IpfsProtocolId = "/ipfs/kad/1.0.0";

    /// <summary>The wot.id DHT: a separate network for wot.id records, so strangers' DHTs are not polluted.</summary>
    public const string WotIdProtocolId = "/wotid/kad/1.0.0";

    /// <summary>Longest message accepted.</summary>
    public const int MaxMessageSize = 1024 * 1024;

    /// <summary>Longest key (of a message or a record).</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Longest record value.</summary>
    public const int MaxValueLength = 64 * 1024;

    /// <summary>Most peers in one <c>closerPeers</c> or <c>providerPeers</c> list.</summary>
    public const int MaxPeersPerMessage = 64;

    /// <summary>Most addresses of one peer entry.</summary>
    public const int MaxAddressesPerPeer = 32;

    /// <summary>Longest address of a peer entry.</summary>
    public const int MaxAddressLength = Multiaddr.Multiaddress.MaxBinaryLength;

    /// <summary>Longest peer id of a peer entry.</summary>
    public const int MaxPeerIdLength = Peer.PeerId.MaxLength;

    /// <summary>k: bucket size and replication factor.</summary>
    public const int K = 20;

    internal static ValueTask WriteAsync(Stream stream, KadMessage message, CancellationToken cancellationToken) =>
        LengthPrefixed.WriteAsync(stream, message.Encode(), cancellationToken);

    /// <summary>Reads one message; null on a clean end of stream.</summary>
    internal static async ValueTask<KadMessage?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[]? frame;
        try
        {
            frame = await LengthPrefixed.ReadAsync(stream, MaxMessageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LengthPrefixedException e) when (e.Error == LengthPrefixedError.FrameTooLarge)
        {
            throw new KadException(KadError.TooLarge, e.Message, e);
        }

        return frame is null ? null : KadMessage.Decode(frame);
    }
}
