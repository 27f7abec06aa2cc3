// libp2p/specs RFC/0003-routing-records.md: PeerRecord { bytes peer_id = 1; uint64 seq = 2;
// repeated AddressInfo addresses = 3; } with AddressInfo { bytes multiaddr = 1; }, sealed in a signed envelope with
// domain "libp2p-peer-record" and payload type bytes 03 01 (shared notes libp2p.md §7).
using System;
using System.Collections.Generic;
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
        var w = new ProtoWriter(128);
        w.WriteBytesField(1, PeerId.Bytes.Span);
        w.WriteVarintField(2, Sequence);
        foreach (Multiaddress a in Addresses)
        {
            var inner = new ProtoWriter(64);
            inner.WriteBytesField(1, a.ToBytes());
            w.WriteBytesField(3, inner.ToArray());
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
        var r = new ProtoReader(payload);
        while (ProtoFields.NextTag(ref r, out int field, out int wire))
        {
            switch (field)
            {
                case 1:
                    try
                    {
                        id = PeerId.FromBytes(ProtoFields.Bytes(ref r, wire));
                    }
                    catch (FormatException ex) when (ex is not IdentifyFormatException)
                    {
                        throw new IdentifyFormatException(IdentifyError.BadPublicKey, "peer record peer id does not decode");
                    }

                    break;
                case 2:
                    seq = ProtoFields.Varint(ref r, wire);
                    break;
                case 3:
                    byte[] info = ProtoFields.Bytes(ref r, wire);
                    var ir = new ProtoReader(info);
                    while (ProtoFields.NextTag(ref ir, out int f2, out int w2))
                    {
                        if (f2 == 1)
                        {
                            byte[] ma = ProtoFields.Bytes(ref ir, w2);
                            try
                            {
                                addresses.Add(Multiaddress.FromBytes(ma));
                            }
                            catch (FormatException)
                            {
                                // Unknown or malformed address: skip it.
                            }
                        }
                        else
                        {
                            ProtoFields.Skip(ref ir, w2);
                        }
                    }

                    break;
                default:
                    ProtoFields.Skip(ref r, wire);
                    break;
            }
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
}
