// Seeds for the Circuit Relay v2 and DCUtR targets: a reservation answer with a signed voucher, a CONNECT, a stop
// CONNECT with limits, and DCUtR CONNECT/SYNC messages.
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Dcutr;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Relay()
    {
        using PeerIdentity relay = PeerIdentity.FromSeed(new byte[32]);
        using PeerIdentity peer = PeerIdentity.FromSeed(Enumerable32(1));
        Multiaddress addr = Multiaddress.Parse("/ip4/203.0.113.7/tcp/4001/p2p/" + relay.PeerId);
        byte[] voucher = new ReservationVoucher(relay.PeerId, peer.PeerId, 1_900_000_000).Seal(relay);
        var reserved = new HopMessage
        {
            Type = HopMessageType.Status,
            Status = RelayStatus.Ok,
            Reservation = new RelayReservation(1_900_000_000, [addr], voucher),
            Limit = new RelayLimit(120, 131072),
        };
        yield return new Seed("libp2p-relay", "hop-reserved", reserved.Encode());
        yield return new Seed("libp2p-relay", "hop-connect", new HopMessage { Type = HopMessageType.Connect, Peer = new RelayPeer(peer.PeerId, [addr]) }.Encode());
        yield return new Seed("libp2p-relay", "stop-connect", new StopMessage { Type = StopMessageType.Connect, Peer = new RelayPeer(peer.PeerId, []), Limit = new RelayLimit(60, 4096) }.Encode());
        yield return new Seed("libp2p-relay", "voucher", voucher);

        var connect = new HolePunchMessage(HolePunchType.Connect, [Multiaddress.Parse("/ip4/198.51.100.2/tcp/4001"), Multiaddress.Parse("/ip6/::1/tcp/4002")]);
        yield return new Seed("libp2p-dcutr", "connect", connect.Encode());
        yield return new Seed("libp2p-dcutr", "sync", new HolePunchMessage(HolePunchType.Sync, []).Encode());
    }

    private static byte[] Enumerable32(byte value)
    {
        var seed = new byte[32];
        System.Array.Fill(seed, value);
        return seed;
    }
}
