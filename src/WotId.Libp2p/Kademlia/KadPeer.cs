// libp2p/specs kad-dht/README.md "Peer": id = 1 (peer-id bytes), addrs = 2 (binary multiaddrs), connection = 3.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A peer entry of <c>closerPeers</c> or <c>providerPeers</c>.</summary>
internal sealed class KadPeer
{
    public KadPeer(byte[] id, List<byte[]> addrs, KadConnectionType connection = KadConnectionType.NotConnected)
    {
        Id = id;
        Addrs = addrs;
        Connection = connection;
    }

    public byte[] Id { get; }

    public List<byte[]> Addrs { get; }

    public KadConnectionType Connection { get; }

    public static KadPeer From(PeerId peer, IEnumerable<Multiaddress> addresses, KadConnectionType connection = KadConnectionType.NotConnected)
    {
        var addrs = new List<byte[]>();
        foreach (Multiaddress a in addresses)
        {
            if (addrs.Count == KadProtocol.MaxAddressesPerPeer)
            {
                break;
            }

            addrs.Add(a.ToBytes());
        }

        return new KadPeer(peer.Bytes.ToArray(), addrs, connection);
    }

    /// <summary>The peer id, or null when the bytes are not a peer id.</summary>
    public PeerId? TryGetPeerId()
    {
        try
        {
            return PeerId.FromBytes(Id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The addresses that decode (others are skipped), without a trailing <c>/p2p</c>.</summary>
    public List<Multiaddress> ParsedAddresses()
    {
        var list = new List<Multiaddress>(Addrs.Count);
        foreach (byte[] a in Addrs)
        {
            try
            {
                list.Add(Multiaddress.FromBytes(a));
            }
            catch (FormatException)
            {
                // Addresses of transports we do not know are skipped.
            }
        }

        return list;
    }

    internal void WriteTo(ProtobufWriter w)
    {
        w.WriteBytes(1, Id);
        foreach (byte[] a in Addrs)
        {
            w.WriteBytes(2, a);
        }

        if (Connection != KadConnectionType.NotConnected)
        {
            w.WriteUInt32(3, (uint)Connection);
        }
    }

    internal static KadPeer Read(ReadOnlySpan<byte> data)
    {
        byte[] id = [];
        var addrs = new List<byte[]>();
        var connection = KadConnectionType.NotConnected;
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case 1: id = KadLimits.Bytes(r.ReadBytes(wire), KadProtocol.MaxPeerIdLength, "peer id"); break;
                case 2:
                    KadLimits.Count(addrs.Count + 1, KadProtocol.MaxAddressesPerPeer, "addresses per peer");
                    addrs.Add(KadLimits.Bytes(r.ReadBytes(wire), KadProtocol.MaxAddressLength, "address"));
                    break;
                case 3:
                    uint c = r.ReadUInt32(wire);
                    // Unknown enum values read as NOT_CONNECTED (proto3 open enums).
                    connection = c <= 3 ? (KadConnectionType)c : KadConnectionType.NotConnected;
                    break;
                default: r.Skip(wire); break;
            }
        }

        return new KadPeer(id, addrs, connection);
    }
}
