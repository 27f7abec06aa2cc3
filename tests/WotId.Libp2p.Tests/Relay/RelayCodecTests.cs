using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Dcutr;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Libp2p.Tests.Relay;

// The Circuit Relay v2 and DCUtR wire formats: round trips, the bytes of known messages, bounds, typed errors, and
// "arbitrary bytes never throw anything but RelayFormatException".
public sealed class RelayCodecTests
{
    private static readonly PeerIdentity s_relay = PeerIdentity.FromSeed(new byte[32]);
    private static readonly PeerIdentity s_peer = PeerIdentity.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());

    [Fact]
    public void ReserveIsTypeZeroWrittenExplicitly()
    {
        // go and js write `type = RESERVE (0)`: 08 00.
        Assert.Equal(new byte[] { 0x08, 0x00 }, new HopMessage { Type = HopMessageType.Reserve }.Encode());
        Assert.Equal(HopMessageType.Reserve, HopMessage.Decode([]).Type);
        Assert.Equal(StopMessageType.Connect, StopMessage.Decode([]).Type);
    }

    [Fact]
    public void StatusAnswerHasTheSpecLayout()
    {
        // type = STATUS (2), limit {duration 120, data 131072}, status = OK (100).
        byte[] encoded = new HopMessage { Type = HopMessageType.Status, Status = RelayStatus.Ok, Limit = new RelayLimit(120, 131072) }.Encode();
        Assert.Equal(Convert.FromHexString("0802" + "2206" + "0878" + "10808008" + "2864"), encoded);
    }

    [Fact]
    public void ReservationWithVoucherRoundTrips()
    {
        Multiaddress addr = Multiaddress.Parse("/ip4/203.0.113.7/tcp/4001/p2p/" + s_relay.PeerId);
        byte[] voucher = new ReservationVoucher(s_relay.PeerId, s_peer.PeerId, 1_900_000_000).Seal(s_relay);
        var m = new HopMessage
        {
            Type = HopMessageType.Status,
            Status = RelayStatus.Ok,
            Reservation = new RelayReservation(1_900_000_000, [addr], voucher),
            Limit = new RelayLimit(0, 4096),
        };
        HopMessage back = HopMessage.Decode(m.Encode());
        Assert.Equal(RelayStatus.Ok, back.Status);
        Assert.Equal(1_900_000_000UL, back.Reservation!.Expire);
        Assert.Equal(addr, Assert.Single(back.Reservation.Addresses));
        Assert.Equal(new RelayLimit(0, 4096), back.Limit);
        ReservationVoucher v = ReservationVoucher.Open(back.Reservation.Voucher!);
        Assert.Equal(new ReservationVoucher(s_relay.PeerId, s_peer.PeerId, 1_900_000_000), v);
    }

    [Fact]
    public void VoucherSignedByAnotherKeyIsRejected()
    {
        byte[] payload = new ReservationVoucher(s_relay.PeerId, s_peer.PeerId, 5).Encode();
        byte[] forged = WotId.Libp2p.Protocols.Identify.SignedEnvelope.Seal(s_peer, ReservationVoucher.Domain, ReservationVoucher.PayloadType, payload);
        Assert.Equal(RelayError.BadVoucher, Assert.Throws<RelayFormatException>(() => ReservationVoucher.Open(forged)).Error);
        Assert.Throws<ArgumentException>(() => new ReservationVoucher(s_relay.PeerId, s_peer.PeerId, 5).Seal(s_peer));

        // A peer record envelope is not a voucher (payload type 03 01 against 03 02).
        byte[] record = new WotId.Libp2p.Protocols.Identify.PeerRecord(s_relay.PeerId, 1, []).Seal(s_relay);
        Assert.Equal(RelayError.BadVoucher, Assert.Throws<RelayFormatException>(() => ReservationVoucher.Open(record)).Error);
    }

    [Fact]
    public void OversizedAndMalformedMessagesGiveTypedErrors()
    {
        Assert.Equal(RelayError.TooLarge, Assert.Throws<RelayFormatException>(() => HopMessage.Decode(new byte[4097])).Error);
        Assert.Equal(RelayError.TooLarge, Assert.Throws<RelayFormatException>(() => StopMessage.Decode(new byte[4097])).Error);
        Multiaddress big = Multiaddress.Parse("/dns4/" + new string('a', 250) + ".example/tcp/1");
        var tooMany = new HopMessage { Type = HopMessageType.Connect, Peer = new RelayPeer(s_peer.PeerId, Enumerable.Repeat(big, 20).ToList()) };
        Assert.Equal(RelayError.TooLarge, Assert.Throws<RelayFormatException>(() => tooMany.Encode()).Error);
        Assert.Equal(RelayError.MalformedProtobuf, Assert.Throws<RelayFormatException>(() => HopMessage.Decode([0x12, 0x05, 0x0a])).Error);
        Assert.Equal(RelayError.MissingField, Assert.Throws<RelayFormatException>(() => HopMessage.Decode([0x08, 0x01, 0x12, 0x00])).Error);
        Assert.Equal(RelayError.BadPeer, Assert.Throws<RelayFormatException>(() => HopMessage.Decode([0x08, 0x01, 0x12, 0x03, 0x0a, 0x01, 0xff])).Error);
        Assert.Equal(RelayError.UnexpectedMessage, Assert.Throws<RelayFormatException>(() => HopMessage.Decode([0x08, 0x07])).Error);
        Assert.Equal(RelayError.MissingField, Assert.Throws<RelayFormatException>(() => HolePunchMessage.Decode([])).Error);
        Assert.Equal(RelayError.UnexpectedMessage, Assert.Throws<RelayFormatException>(() => HolePunchMessage.Decode([0x08, 0x01])).Error);
    }

    [Fact]
    public async Task FramedReadsStopAtTheMessageAndRejectLongFrames()
    {
        var ms = new MemoryStream();
        await RelayProtocol.WriteAsync(ms, new StopMessage { Type = StopMessageType.Status, Status = RelayStatus.Ok }, CancellationToken.None);
        ms.Write("rest"u8);
        ms.Position = 0;
        Assert.Equal(RelayStatus.Ok, (await RelayProtocol.ReadStopAsync(ms, CancellationToken.None)).Status);
        Assert.Equal("rest"u8.ToArray(), ms.ToArray()[(int)ms.Position..]);

        var oversized = new MemoryStream([0x81, 0x20]); // length 4097
        RelayFormatException ex = await Assert.ThrowsAsync<RelayFormatException>(() => RelayProtocol.ReadHopAsync(oversized, CancellationToken.None));
        Assert.Equal(RelayError.TooLarge, ex.Error);
        ex = await Assert.ThrowsAsync<RelayFormatException>(() => RelayProtocol.ReadHopAsync(new MemoryStream(), CancellationToken.None));
        Assert.Equal(RelayError.Truncated, ex.Error);
    }

    [Fact]
    public void HolePunchRoundTrips()
    {
        var m = new HolePunchMessage(HolePunchType.Connect, [Multiaddress.Parse("/ip4/198.51.100.2/tcp/4001")]);
        HolePunchMessage back = HolePunchMessage.Decode(m.Encode());
        Assert.Equal(HolePunchType.Connect, back.Type);
        Assert.Equal(m.ObservedAddresses, back.ObservedAddresses);
        Assert.Equal(new byte[] { 0x08, 0xac, 0x02 }, new HolePunchMessage(HolePunchType.Sync, []).Encode());
    }

    [Fact]
    public void ArbitraryBytesOnlyThrowRelayFormatException()
    {
        Gen.Byte.Array[0, 120].Sample(bytes =>
        {
            foreach (Action decode in new Action[]
            {
                () => HopMessage.Decode(HopMessage.Decode(bytes).Encode()),
                () => StopMessage.Decode(StopMessage.Decode(bytes).Encode()),
                () => ReservationVoucher.Decode(bytes),
                () => ReservationVoucher.Open(bytes),
                () => HolePunchMessage.Decode(HolePunchMessage.Decode(bytes).Encode()),
            })
            {
                try
                {
                    decode();
                }
                catch (RelayFormatException)
                {
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void GeneratedMessagesRoundTrip()
    {
        Gen.Select(Gen.UInt, Gen.ULong, Gen.Int[0, 5], Gen.Int[0, 9]).Sample((duration, data, type, status) =>
        {
            RelayStatus[] statuses = Enum.GetValues<RelayStatus>();
            var m = new StopMessage
            {
                Type = (StopMessageType)(type % 2),
                Peer = new RelayPeer(s_peer.PeerId, [Multiaddress.Parse("/ip4/10.0.0.1/tcp/" + (duration % 65536))]),
                Limit = new RelayLimit(duration, data),
                Status = statuses[status % statuses.Length],
            };
            StopMessage back = StopMessage.Decode(m.Encode());
            Assert.Equal(m.Type, back.Type);
            Assert.Equal(m.Peer.Id, back.Peer!.Id);
            Assert.Equal(m.Peer.Addresses, back.Peer.Addresses);
            Assert.Equal(m.Limit, back.Limit);
            Assert.Equal(m.Status, back.Status);
        });
    }
}
