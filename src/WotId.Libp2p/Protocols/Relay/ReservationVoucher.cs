// libp2p/specs relay/circuit-v2.md, "Reservation Vouchers": a signed envelope (RFC/0002) with domain
// "libp2p-relay-rsvp", payload type bytes 03 02 and payload Voucher { required bytes relay = 1; required bytes peer = 2;
// required uint64 expiration = 3; } in canonical field order. Advisory: implementations do not enforce it yet.
using System;
using WotId.Core.Protobuf;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A relay's signed statement that <see cref="Peer"/> holds a reservation until <see cref="Expiration"/>.</summary>
/// <param name="Relay">The relay.</param>
/// <param name="Peer">The peer holding the reservation.</param>
/// <param name="Expiration">Expiry, Unix seconds UTC.</param>
public sealed record ReservationVoucher(PeerId Relay, PeerId Peer, ulong Expiration)
{
    /// <summary>The envelope domain.</summary>
    public const string Domain = "libp2p-relay-rsvp";

    /// <summary>The payload type: the literal bytes 03 02.</summary>
    public static ReadOnlySpan<byte> PayloadType => [0x03, 0x02];

    /// <summary>Encodes the voucher payload.</summary>
    public byte[] Encode()
    {
        var w = new ProtobufWriter(96);
        w.WriteBytes(1, Relay.Bytes.Span);
        w.WriteBytes(2, Peer.Bytes.Span);
        w.WriteUInt64(3, Expiration);
        return w.ToArray();
    }

    /// <summary>Signs the voucher with the relay's identity and returns the encoded envelope.</summary>
    /// <exception cref="ArgumentException"><paramref name="relay"/> is not <see cref="Relay"/>.</exception>
    public byte[] Seal(PeerIdentity relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        if (relay.PeerId != Relay)
        {
            throw new ArgumentException("the voucher must be signed by its relay", nameof(relay));
        }

        return SignedEnvelope.Seal(relay, Domain, PayloadType, Encode());
    }

    /// <summary>Verifies an envelope and decodes its voucher; the signer must be the voucher's relay.</summary>
    /// <exception cref="RelayFormatException">Malformed, unsigned, wrongly signed or naming another signer.</exception>
    public static ReservationVoucher Open(ReadOnlySpan<byte> envelope)
    {
        SignedEnvelope opened;
        try
        {
            opened = SignedEnvelope.Open(envelope, Domain, PayloadType);
        }
        catch (IdentifyFormatException e)
        {
            throw new RelayFormatException(RelayError.BadVoucher, "voucher envelope rejected: " + e.Message);
        }

        ReservationVoucher voucher = Decode(opened.Payload);
        if (!voucher.Relay.Matches(opened.PublicKey))
        {
            throw new RelayFormatException(RelayError.BadVoucher, "voucher is not signed by its relay");
        }

        return voucher;
    }

    /// <summary>Decodes a voucher payload (no signature check).</summary>
    /// <exception cref="RelayFormatException">Malformed or missing fields.</exception>
    public static ReservationVoucher Decode(ReadOnlySpan<byte> payload)
    {
        PeerId? relay = null;
        PeerId? peer = null;
        ulong? expiration = null;
        try
        {
            var r = new ProtobufReader(payload);
            while (r.TryReadTag(out int field, out WireType wire))
            {
                switch (field)
                {
                    case 1: relay = RelayWire.DecodePeerId(r.ReadBytes(wire)); break;
                    case 2: peer = RelayWire.DecodePeerId(r.ReadBytes(wire)); break;
                    case 3: expiration = r.ReadUInt64(wire); break;
                    default: r.Skip(wire); break;
                }
            }
        }
        catch (ProtobufException e)
        {
            throw new RelayFormatException(RelayError.BadVoucher, "malformed voucher: " + e.Message);
        }

        if (relay is null || peer is null || expiration is null)
        {
            throw new RelayFormatException(RelayError.BadVoucher, "voucher without relay, peer or expiration");
        }

        return new ReservationVoucher(relay, peer, expiration.Value);
    }
}
