// Seeds for the discovery decoders: Kademlia DHT messages (a FIND_NODE answer with a peer, a PUT_VALUE of a /pk/
// record, a GET_PROVIDERS answer) and mDNS messages (a query, a response with dnsaddr TXT records).
using System.Collections.Generic;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Discovery()
    {
        using PeerIdentity identity = PeerIdentity.FromSeed(new byte[32]);
        Multiaddress address = Multiaddress.Parse("/ip4/127.0.0.1/tcp/4001");
        var found = new KadMessage(KadMessageType.FindNode, identity.PeerId.Bytes.ToArray());
        found.CloserPeers.Add(KadPeer.From(identity.PeerId, [address], KadConnectionType.Connected));
        yield return new Seed("libp2p-kad", "find-node", found.Encode());
        byte[] pk = [.. "/pk/"u8, .. identity.PeerId.Bytes.Span];
        yield return new Seed("libp2p-kad", "put-pk", new KadMessage(KadMessageType.PutValue, pk) { Record = new KadRecord(pk, identity.PublicKey.Encode()) }.Encode());
        var providers = new KadMessage(KadMessageType.GetProviders, [0x12, 0x20, .. new byte[32]]);
        providers.ProviderPeers.Add(KadPeer.From(identity.PeerId, [address]));
        yield return new Seed("libp2p-kad", "providers", providers.Encode());
        yield return new Seed("libp2p-mdns", "query", MdnsProtocol.Query(MdnsOptions.DefaultServiceName).Encode());
        yield return new Seed("libp2p-mdns", "response", MdnsProtocol.Response(MdnsOptions.DefaultServiceName, "peer", identity.PeerId, [address], 120).Encode());
    }
}
