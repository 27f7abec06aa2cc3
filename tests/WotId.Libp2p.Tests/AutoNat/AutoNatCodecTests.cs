using System;
using System.IO;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.AutoNat;

namespace WotId.Libp2p.Tests.AutoNat;

// libp2p/specs autonat/autonat-v2.md, "RPC Messages": byte layouts, round trips, bounds and typed errors.
public sealed class AutoNatCodecTests
{
    private static readonly Multiaddress s_addr = Multiaddress.Parse("/ip4/1.2.3.4/tcp/4001");

    [Fact]
    public void DialRequestHasTheSpecLayout()
    {
        byte[] addr = s_addr.ToBytes();
        byte[] encoded = AutoNatMessage.DialRequest([s_addr], 0x0102030405060708).Encode();
        byte[] inner = [0x0a, (byte)addr.Length, .. addr, 0x11, 8, 7, 6, 5, 4, 3, 2, 1];
        Assert.Equal([0x0a, (byte)inner.Length, .. inner], encoded);

        AutoNatMessage back = AutoNatMessage.Decode(encoded);
        Assert.Equal(AutoNatMessageKind.DialRequest, back.Kind);
        Assert.Equal(0x0102030405060708UL, back.Nonce);
        Assert.Equal(s_addr, back.Addresses[0]);
    }

    [Fact]
    public void DialResponseAndDialDataRequestHaveTheSpecLayout()
    {
        Assert.Equal(
            new byte[] { 0x12, 0x06, 0x08, 0xc8, 0x01, 0x18, 0xc8, 0x01 },
            AutoNatMessage.DialResponse(AutoNatResponseStatus.Ok, 0, AutoNatDialStatus.Ok).Encode());
        Assert.Equal(
            new byte[] { 0x1a, 0x06, 0x08, 0x01, 0x10, 0xb0, 0xea, 0x01 },
            AutoNatMessage.DialDataRequest(1, 30_000).Encode());

        // proto3: E_INTERNAL_ERROR / index 0 / UNUSED are all zero and omitted, leaving an empty member.
        AutoNatMessage empty = AutoNatMessage.Decode([0x12, 0x00]);
        Assert.Equal(AutoNatMessageKind.DialResponse, empty.Kind);
        Assert.Equal(AutoNatResponseStatus.InternalError, empty.Status);
        Assert.Equal(AutoNatDialStatus.Unused, empty.DialStatus);
    }

    [Fact]
    public void DialDataResponseKeepsOnlyTheLengthAndRejectsChunksOver4096Bytes()
    {
        byte[] encoded = AutoNatMessage.DialDataResponse(4096).Encode();
        Assert.Equal(4096, AutoNatMessage.Decode(encoded).DataLength);

        byte[] tooBig = [0x22, 0x84, 0x20, 0x0a, 0x81, 0x20, .. new byte[4097]];
        AutoNatFormatException e = Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode(tooBig));
        Assert.Equal(AutoNatError.TooLarge, e.Error);
    }

    [Fact]
    public void DialBackCarriesTheNonceAsFixed64()
    {
        byte[] encoded = AutoNatProtocol.EncodeDialBack(42);
        Assert.Equal(new byte[] { 0x09, 42, 0, 0, 0, 0, 0, 0, 0 }, encoded);
        Assert.Equal(42UL, AutoNatProtocol.DecodeDialBack(encoded));
        Assert.True(AutoNatProtocol.DecodeDialBackResponse(AutoNatProtocol.EncodeDialBackResponse()));
        Assert.False(AutoNatProtocol.DecodeDialBackResponse([0x08, 0x01]));
        Assert.Equal(AutoNatError.MissingField, Assert.Throws<AutoNatFormatException>(() => AutoNatProtocol.DecodeDialBack([])).Error);
    }

    [Fact]
    public void MalformedMessagesGiveTypedErrors()
    {
        Assert.Equal(AutoNatError.MissingField, Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode([])).Error);
        Assert.Equal(AutoNatError.MissingField, Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode([0x0a, 0x00])).Error);
        Assert.Equal(AutoNatError.MalformedProtobuf, Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode([0x0a, 0x05, 0x01])).Error);
        Assert.Equal(AutoNatError.TooLarge, Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode(new byte[8193])).Error);

        // 17 addresses: over the 16 a request may hold.
        var w = new Core.Protobuf.ProtobufWriter();
        for (int i = 0; i < 17; i++)
        {
            w.WriteBytes(1, s_addr.ToBytes());
        }

        var outer = new Core.Protobuf.ProtobufWriter();
        outer.WriteBytes(1, w.WrittenSpan);
        byte[] request = outer.ToArray();
        Assert.Equal(AutoNatError.TooLarge, Assert.Throws<AutoNatFormatException>(() => AutoNatMessage.Decode(request)).Error);
    }

    [Fact]
    public void UnreadableAddressesKeepTheirIndex()
    {
        byte[] good = s_addr.ToBytes();
        byte[] inner = [0x0a, 0x02, 0xff, 0xff, 0x0a, (byte)good.Length, .. good];
        AutoNatMessage m = AutoNatMessage.Decode([0x0a, (byte)inner.Length, .. inner]);
        Assert.Equal(2, m.Addresses.Count);
        Assert.Null(m.Addresses[0]);
        Assert.Equal(s_addr, m.Addresses[1]);
    }

    [Fact]
    public async Task FramesOverTheLimitOrCutShortAreRejectedBeforeReading()
    {
        using var big = new MemoryStream([0x81, 0x40]);
        Assert.Equal(AutoNatError.TooLarge, (await Assert.ThrowsAsync<AutoNatFormatException>(() => AutoNatProtocol.ReadAsync(big, default))).Error);
        using var cut = new MemoryStream([0x08, 0x12, 0x06]);
        Assert.Equal(AutoNatError.Truncated, (await Assert.ThrowsAsync<AutoNatFormatException>(() => AutoNatProtocol.ReadAsync(cut, default))).Error);
        using var none = new MemoryStream([]);
        Assert.Equal(AutoNatError.Truncated, (await Assert.ThrowsAsync<AutoNatFormatException>(() => AutoNatProtocol.ReadAsync(none, default))).Error);
    }

    [Fact]
    public void ArbitraryBytesOnlyThrowAutoNatFormatException()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            foreach (Action decode in new Action[]
            {
                () => AutoNatMessage.Decode(AutoNatMessage.Decode(bytes).Encode()),
                () => AutoNatProtocol.DecodeDialBack(bytes),
                () => AutoNatProtocol.DecodeDialBackResponse(bytes),
            })
            {
                try
                {
                    decode();
                }
                catch (AutoNatFormatException)
                {
                }
            }
        }, iter: 20_000);
    }

    [Fact]
    public void EncodedMessagesRoundTrip()
    {
        Gen.Select(Gen.ULong, Gen.UInt, Gen.Int[0, 4096], Gen.Int[1, 16]).Sample((nonce, index, length, count) =>
        {
            var addrs = new Multiaddress[count];
            Array.Fill(addrs, s_addr);
            AutoNatMessage r = AutoNatMessage.Decode(AutoNatMessage.DialRequest(addrs, nonce).Encode());
            Assert.Equal(nonce, r.Nonce);
            Assert.Equal(count, r.Addresses.Count);
            AutoNatMessage d = AutoNatMessage.Decode(AutoNatMessage.DialDataRequest(index, nonce).Encode());
            Assert.Equal((index, nonce), (d.AddressIndex, d.ByteCount));
            Assert.Equal(length, AutoNatMessage.Decode(AutoNatMessage.DialDataResponse(length).Encode()).DataLength);
            Assert.Equal(nonce, AutoNatProtocol.DecodeDialBack(AutoNatProtocol.EncodeDialBack(nonce)));
        }, iter: 2_000);
    }
}
