using System;
using System.Linq;
using System.Text;
using CsCheck;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Mdns;

// DNS message codec (RFC 1035 §4.1) and the libp2p mDNS records (libp2p/specs discovery/mdns.md).
public sealed class DnsMessageTests
{
    [Fact]
    public void QueryHasOnePtrQuestionForTheService()
    {
        byte[] wire = MdnsProtocol.Query("_p2p._udp.local").Encode();
        // id 0, flags 0, 1 question; "_p2p" "_udp" "local" root; type PTR (12), class IN (1)
        Assert.Equal(Convert.FromHexString("000000000001000000000000" + "045F703270045F756470056C6F63616C00" + "000C0001"), wire);
        DnsMessage back = DnsMessage.Decode(wire);
        Assert.True(MdnsProtocol.AsksFor(back, "_P2P._udp.local"));
    }

    [Fact]
    public void CompressedNamesAreFollowedBackwards()
    {
        // Header with one answer: name "_p2p._udp.local" at offset 12, PTR rdata "abc" + pointer to offset 12.
        byte[] wire = Convert.FromHexString(
            "000084000000000100000000" + "045F703270045F756470056C6F63616C00" + "000C0001" + "00000078" + "0006" + "03616263C00C");
        DnsRecord ptr = DnsMessage.Decode(wire).Answers.Single();
        Assert.Equal("_p2p._udp.local", ptr.Name);
        Assert.Equal("abc._p2p._udp.local", ptr.Target);
        Assert.Equal(120u, ptr.Ttl);
    }

    [Fact]
    public void PointerLoopsAndForwardPointersAreRejected()
    {
        // A question whose name is a pointer to itself.
        byte[] loop = Convert.FromHexString("000000000001000000000000" + "C00C" + "000C0001");
        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(loop));
        byte[] forward = Convert.FromHexString("000000000001000000000000" + "C020" + "000C0001");
        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(forward));
    }

    [Fact]
    public void TooManyRecordsAreRejectedBeforeParsing()
    {
        byte[] wire = Convert.FromHexString("00000000FFFF000000000000");
        Assert.Throws<DnsFormatException>(() => DnsMessage.Decode(wire));
    }

    [Fact]
    public void ResponsesCarryDnsaddrRecordsBackToPeerAndAddresses()
    {
        PeerId self = PeerIdentity.Generate().PeerId;
        PeerId other = PeerIdentity.Generate().PeerId;
        Multiaddress a = Multiaddress.Parse("/ip4/192.168.1.5/tcp/4001");
        Multiaddress b = Multiaddress.Parse("/ip4/192.168.1.5/tcp/4002/ws");
        DnsMessage response = MdnsProtocol.Response("_p2p._udp.local", "peername", other, [a, b], 120);
        DnsMessage back = DnsMessage.Decode(response.Encode());
        Assert.Equal(2, back.Additionals.Count);
        var found = MdnsProtocol.Discovered(back, "_p2p._udp.local", self);
        Assert.Equal(new[] { a, b }, found[other]);
        Assert.Empty(MdnsProtocol.Discovered(back, "_p2p._udp.local", other));
    }

    [Fact]
    public void TxtRecordsInTheAnswerSectionAreReadLikeJsSendsThem()
    {
        PeerId other = PeerIdentity.Generate().PeerId;
        var m = new DnsMessage { Flags = 0x8400 };
        m.Answers.Add(new DnsRecord("_p2p._udp.local", DnsRecord.TypePtr, ttl: 120) { Target = "x._p2p._udp.local" });
        m.Answers.Add(new DnsRecord("x._p2p._udp.local", DnsRecord.TypeTxt, ttl: 120) { Texts = [Encoding.ASCII.GetBytes("dnsaddr=/ip4/10.0.0.1/tcp/1/p2p/" + other)] });
        m.Answers.Add(new DnsRecord("x._p2p._udp.local", DnsRecord.TypeTxt, ttl: 120) { Texts = ["dnsaddr=garbage"u8.ToArray(), "other=1"u8.ToArray()] });
        var found = MdnsProtocol.Discovered(DnsMessage.Decode(m.Encode()), "_p2p._udp.local", PeerIdentity.Generate().PeerId);
        Assert.Equal(Multiaddress.Parse("/ip4/10.0.0.1/tcp/1"), found[other].Single());
    }

    [Fact]
    public void ArbitraryBytesOnlyThrowDnsFormatException()
    {
        PeerId self = PeerIdentity.Generate().PeerId;
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            try
            {
                DnsMessage m = DnsMessage.Decode(bytes);
                _ = MdnsProtocol.Discovered(m, "_p2p._udp.local", self);
                _ = MdnsProtocol.AsksFor(m, "_p2p._udp.local");
            }
            catch (DnsFormatException)
            {
            }
        }, iter: 5000);
    }
}
