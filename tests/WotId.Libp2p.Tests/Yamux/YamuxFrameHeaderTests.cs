using System;
using CsCheck;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

// Vectors written from hashicorp/yamux spec.md "Framing" (big-endian fields, 12 bytes).
public sealed class YamuxFrameHeaderTests
{
    [Theory]
    [InlineData((byte)YamuxFrameType.Data, (ushort)YamuxFlags.Syn, 1u, 5u, "000000010000000100000005")]
    [InlineData((byte)YamuxFrameType.WindowUpdate, (ushort)YamuxFlags.Syn, 3u, 0u, "000100010000000300000000")]
    [InlineData((byte)YamuxFrameType.WindowUpdate, (ushort)(YamuxFlags.Fin | YamuxFlags.Ack), 2u, 262144u, "000100060000000200040000")]
    [InlineData((byte)YamuxFrameType.WindowUpdate, (ushort)YamuxFlags.Rst, 0x01020304u, 0u, "000100080102030400000000")]
    [InlineData((byte)YamuxFrameType.Ping, (ushort)YamuxFlags.Ack, 0u, 0xdeadbeefu, "00020002000000 00deadbeef")]
    [InlineData((byte)YamuxFrameType.GoAway, (ushort)YamuxFlags.None, 0u, 1u, "000300000000000000000001")]
    public void EncodesAndDecodesKnownBytes(byte type, ushort flags, uint id, uint length, string hex)
    {
        // The frame types and flags are internal; the rows carry their numeric values.
        byte[] expected = Convert.FromHexString(hex.Replace(" ", string.Empty));
        var header = new YamuxFrameHeader((YamuxFrameType)type, (YamuxFlags)flags, id, length);
        var buf = new byte[12];
        header.Write(buf);
        Assert.Equal(expected, buf);
        Assert.True(YamuxFrameHeader.TryRead(expected, out YamuxFrameHeader decoded));
        Assert.Equal(header, decoded);
    }

    [Fact]
    public void ShortInputNeedsMoreData()
    {
        Assert.False(YamuxFrameHeader.TryRead(new byte[11], out _));
    }

    [Theory]
    [InlineData("010000000000000100000000", YamuxError.InvalidVersion)]
    [InlineData("000400000000000100000000", YamuxError.InvalidFrameType)]
    [InlineData("000200010000000100000000", YamuxError.InvalidStreamId)] // ping on a stream
    [InlineData("000300000000000500000000", YamuxError.InvalidStreamId)] // go-away on a stream
    [InlineData("000000000000000000000000", YamuxError.InvalidStreamId)] // data on stream 0
    public void RejectsMalformedHeadersWithTypedErrors(string hex, YamuxError error)
    {
        YamuxException ex = Assert.Throws<YamuxException>(() => YamuxFrameHeader.TryRead(Convert.FromHexString(hex), out _));
        Assert.Equal(error, ex.Error);
    }

    [Fact]
    public void UnknownFlagBitsAreIgnored()
    {
        Assert.True(YamuxFrameHeader.TryRead(Convert.FromHexString("0001FFF10000000100000000"), out YamuxFrameHeader h));
        Assert.Equal(YamuxFlags.Syn, h.Flags);
    }

    [Fact]
    public void ValidHeadersRoundTrip()
    {
        Gen.Select(Gen.Int[0, 3], Gen.UShort[0, 15], Gen.UInt, Gen.UInt).Sample((t, f, id, len) =>
        {
            var type = (YamuxFrameType)t;
            uint sid = type is YamuxFrameType.Ping or YamuxFrameType.GoAway ? 0 : Math.Max(1, id);
            var h = new YamuxFrameHeader(type, (YamuxFlags)f, sid, len);
            var buf = new byte[12];
            h.Write(buf);
            return YamuxFrameHeader.TryRead(buf, out YamuxFrameHeader back) && back == h;
        });
    }

    [Fact]
    public void ArbitraryBytesOnlyEverThrowYamuxException()
    {
        Gen.Byte.Array[0, 24].Sample(bytes =>
        {
            try
            {
                YamuxFrameHeader.TryRead(bytes, out _);
            }
            catch (YamuxException)
            {
                // documented failure
            }
        });
    }
}
