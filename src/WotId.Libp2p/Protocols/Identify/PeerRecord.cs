// libp2p/specs RFC/0003-routing-records.md: PeerRecord { bytes peer_id = 1; uint64 seq = 2;
// repeated AddressInfo addresses = 3; } with AddressInfo { bytes multiaddr = 1; }, sealed in a signed envelope with
// domain "libp2p-peer-record" and payload type bytes 03 01 (RFC/0003 "Address Record Format").
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>A signed peer record: who a peer is and where it listens, with a sequence number.</summary>
public sealed class PeerRecord
{
    /// <summary>The envelope domain.</summary>
    public const string Domain = "libp2p-peer-record";

    /// <summary>Creates a record.</summary>
    public PeerRecord(PeerId peerId, ulong sequence, IReadOnlyList<Multiaddress> addresses)
    {
        PeerId = peerId;
        Sequence = sequence;
        Addresses = addresses;
    }

    /// <summary>The payload type: the literal bytes 03 01.</summary>
    public static ReadOnlySpan<byte> PayloadType => [0x03, 0x01];

    /// <summary>The peer.</summary>
    public PeerId PeerId { get; }

    /// <summary>Sequence number; newer records have larger values.</summary>
    public ulong Sequence { get; }

    /// <summary>The addresses.</summary>
    public IReadOnlyList<Multiaddress> Addresses { get; }

    /// <summary>Encodes the record payload.</summary>
    public byte[] Encode()
    {
        var w = new ProtobufWriter(128);
        w.WriteBytes(1, PeerId.Bytes.Span);
        w.WriteUInt64(2, Sequence);
        var inner = new ProtobufWriter(64);
        foreach (Multiaddress a in Addresses)
        {
            inner.Clear();
            inner.WriteBytes(1, a.ToBytes());
            w.WriteBytes(3, inner.WrittenSpan);
        }

        return w.ToArray();
    }

    /// <summary>Signs the record with <paramref name="identity"/> and returns the encoded envelope.</summary>
    public byte[] Seal(PeerIdentity identity) => SignedEnvelope.Seal(identity, Domain, PayloadType, Encode());

    /// <summary>Decodes a record payload (unreadable addresses are skipped).</summary>
    /// <exception cref="IdentifyFormatException">Malformed payload.</exception>
    public static PeerRecord Decode(ReadOnlySpan<byte> payload)
    {
        PeerId? id = null;
        ulong seq = 0;
        var addresses = new List<Multiaddress>();
        try
        {
            var r = new ProtobufReader(payload);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: id = DecodePeerId(r.ReadBytes(wire)); break;
                    case 2: seq = r.ReadUInt64(wire); break;
                    case 3: DecodeAddressInfo(r.ReadBytes(wire), addresses); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw IdentifyProtobuf.Malformed(e);
        }

        return new PeerRecord(
            id ?? throw new IdentifyFormatException(IdentifyError.MissingField, "peer record without peer id"),
            seq,
            addresses);
    }

    /// <summary>Opens and verifies an envelope, decodes the record and checks it names the signer.</summary>
    /// <exception cref="IdentifyFormatException">Bad envelope, signature, payload or peer id.</exception>
    public static PeerRecord Open(ReadOnlySpan<byte> envelope)
    {
        SignedEnvelope e = SignedEnvelope.Open(envelope, Domain, PayloadType);
        PeerRecord record = Decode(e.Payload);
        if (!record.PeerId.Matches(e.PublicKey))
        {
            throw new IdentifyFormatException(IdentifyError.PeerIdMismatch, "peer record names a different peer than its signer");
        }

        return record;
    }

    private static PeerId DecodePeerId(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return PeerId.FromBytes(bytes);
        }
        catch (FormatException ex) when (ex is not IdentifyFormatException)
        {
            throw new IdentifyFormatException(IdentifyError.BadPublicKey, "peer record peer id does not decode");
        }
    }

    /// <summary>AddressInfo { bytes multiaddr = 1; }: unknown or malformed addresses are skipped.</summary>
    private static void DecodeAddressInfo(ReadOnlySpan<byte> info, List<Multiaddress> addresses)
    {
        var r = new ProtobufReader(info);
        while (r.TryReadTag(out int field, out WireType wire))
        {
            if (field != 1)
            {
                r.Skip(wire);
                continue;
            }

            byte[] ma = r.ReadBytes(wire).ToArray();
            try
            {
                addresses.Add(Multiaddress.FromBytes(ma));
            }
            catch (FormatException)
            {
                // Unknown or malformed address: skip it.
            }
        }
    }
}
