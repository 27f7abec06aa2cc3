// "Arbitrary bytes never throw anything but the documented exception", and text/binary round trips.
using System;
using CsCheck;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Tests.Multiaddr;

public sealed class MultiaddressPropertyTests
{
    private static readonly Gen<string> s_validTexts = Gen.OneOf(
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte, Gen.Byte, Gen.UShort).Select((a, b, c, d, p) => $"/ip4/{a}.{b}.{c}.{d}/tcp/{p}"),
        Gen.Select(Gen.Byte.Array[16], Gen.UShort).Select((ip, p) => $"/ip6/{new System.Net.IPAddress(ip)}/udp/{p}/quic-v1"),
        Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-"], 1, 40], Gen.UShort).Select((h, p) => $"/dns4/{h}/tcp/{p}/ws"));

    [Fact]
    public void ArbitraryBytesOnlyThrowMultiaddrFormatException()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            try
            {
                Multiaddress a = Multiaddress.FromBytes(bytes);
                Assert.Equal(bytes, a.ToBytes());
                Assert.Equal(a, Multiaddress.Parse(a.ToString()));
            }
            catch (MultiaddrFormatException)
            {
            }
        }, iter: 50_000);
    }

    [Fact]
    public void ArbitraryTextOnlyThrowsMultiaddrFormatException()
    {
        Gen<string> texts = Gen.OneOf(Gen.String, Gen.String[Gen.Char["/ip46tcpudp2.:0123456789abcdefws-"], 0, 40]);
        texts.Sample(text =>
        {
            try
            {
                Multiaddress a = Multiaddress.Parse(text);
                Assert.Equal(a, Multiaddress.FromBytes(a.ToBytes()));
            }
            catch (MultiaddrFormatException)
            {
            }
        }, iter: 50_000);
    }

    [Fact]
    public void ValidAddressesRoundTrip()
    {
        s_validTexts.Sample(text =>
        {
            Multiaddress a = Multiaddress.Parse(text);
            Assert.Equal(a, Multiaddress.FromBytes(a.ToBytes()));
            Assert.Equal(a, Multiaddress.Parse(a.ToString()));
        }, iter: 5_000);
    }
}
