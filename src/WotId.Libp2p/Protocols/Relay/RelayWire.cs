// The nested messages shared by HopMessage and StopMessage (libp2p/specs relay/circuit-v2.md, "Protobuf"):
// Peer { id = 1; addrs = 2 }, Reservation { expire = 1; addrs = 2; voucher = 3 }, Limit { duration = 1; data = 2 }.
// Bounds: the whole message is at most RelayProtocol.MaxMessageSize bytes, so every repeated field is bounded too.
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Encoders and decoders of the nested relay messages.</summary>
internal static class RelayWire
{
    public static void CheckSize(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > RelayProtocol.MaxMessageSize)
        {
            throw new RelayFormatException(RelayError.TooLarge, $"relay message of {encoded.Length} bytes exceeds {RelayProtocol.MaxMessageSize}");
        }
    }

    public static RelayFormatException Malformed(ProtobufException e) =>
        new(RelayError.MalformedProtobuf, "malformed relay protobuf: " + e.Message);

    public static byte[] EncodePeer(RelayPeer peer)
    {
        var w = new ProtobufWriter(64);
        w.WriteBytes(1, peer.Id.Bytes.Span);
        foreach (Multiaddress a in peer.Addresses)
        {
            w.WriteBytes(2, a.ToBytes());
        }

        return w.ToArray();
    }

    public static RelayPeer DecodePeer(ReadOnlySpan<byte> data)
    {
        PeerId? id = null;
        var addrs = new List<Multiaddress>();
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case 1: id = DecodePeerId(r.ReadBytes(wire)); break;
                case 2: AddAddress(addrs, r.ReadBytes(wire)); break;
                default: r.Skip(wire); break;
            }
        }

        return new RelayPeer(id ?? throw new RelayFormatException(RelayError.MissingField, "relay peer without id"), addrs);
    }

    public static byte[] EncodeLimit(RelayLimit limit)
    {
        var w = new ProtobufWriter(16);
        if (limit.DurationSeconds != 0)
        {
            w.WriteUInt32(1, limit.DurationSeconds);
        }

        if (limit.DataBytes != 0)
        {
            w.WriteUInt64(2, limit.DataBytes);
        }

        return w.ToArray();
    }

    public static RelayLimit DecodeLimit(ReadOnlySpan<byte> data)
    {
        uint duration = 0;
        ulong bytes = 0;
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case 1: duration = r.ReadUInt32(wire); break;
                case 2: bytes = r.ReadUInt64(wire); break;
                default: r.Skip(wire); break;
            }
        }

        return new RelayLimit(duration, bytes);
    }

    public static byte[] EncodeReservation(RelayReservation reservation)
    {
        var w = new ProtobufWriter(128);
        w.WriteUInt64(1, reservation.Expire);
        foreach (Multiaddress a in reservation.Addresses)
        {
            w.WriteBytes(2, a.ToBytes());
        }

        if (reservation.Voucher is not null)
        {
            w.WriteBytes(3, reservation.Voucher);
        }

        return w.ToArray();
    }

    public static RelayReservation DecodeReservation(ReadOnlySpan<byte> data)
    {
        ulong expire = 0;
        byte[]? voucher = null;
        var addrs = new List<Multiaddress>();
        var r = new ProtobufReader(data);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            switch (field)
            {
                case 1: expire = r.ReadUInt64(wire); break;
                case 2: AddAddress(addrs, r.ReadBytes(wire)); break;
                case 3: voucher = r.ReadBytes(wire).ToArray(); break;
                default: r.Skip(wire); break;
            }
        }

        return new RelayReservation(expire, addrs, voucher);
    }

    public static PeerId DecodePeerId(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return PeerId.FromBytes(bytes);
        }
        catch (FormatException e)
        {
            throw new RelayFormatException(RelayError.BadPeer, "relay message names an invalid peer id: " + e.Message);
        }
    }

    /// <summary>Adds a binary multiaddr; addresses that do not decode are dropped, as go and js do.</summary>
    private static void AddAddress(List<Multiaddress> addrs, ReadOnlySpan<byte> bytes)
    {
        try
        {
            addrs.Add(Multiaddress.FromBytes(bytes));
        }
        catch (FormatException)
        {
            // Unreadable address: ignored.
        }
    }
}
