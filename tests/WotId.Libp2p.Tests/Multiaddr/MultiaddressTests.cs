// multiformats/multiaddr text and binary forms; vectors from multiformats/multiaddr protocols.csv (as encoded by
// @multiformats/multiaddr 13.0.3) and cross-checked against that library at test time.
using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Libp2p.Multiaddr;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Multiaddr;

public sealed class MultiaddressTests
{
    private const string Id = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
    private const string IdMultihash = "0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

    private static readonly string[] s_texts =
    [
        "/ip4/127.0.0.1/tcp/4001",
        "/ip6/::1/udp/4001/quic-v1",
        "/ip4/127.0.0.1/tcp/4001/p2p/" + Id,
        "/dns4/example.com/tcp/443/wss/p2p/" + Id,
        "/ip4/1.2.3.4/tcp/1/p2p/" + Id + "/p2p-circuit/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N",
        "/ip6/2001:db8::8a2e:370:7334/tcp/0/ws",
        "/dns/node.example/tcp/4001",
        "/dns6/v6.example/udp/9/quic-v1/webtransport",
        "/dnsaddr/bootstrap.libp2p.io",
        "/ip4/10.0.0.1/udp/1234/webrtc-direct",
        "/ip4/0.0.0.0/tcp/65535/tls/sni/example.com/ws",
        "/ip4/127.0.0.1/tcp/80/http",
        "/ip4/127.0.0.1/tcp/443/https",
        "/ip4/127.0.0.1/tcp/4001/noise",
        "/memory/abc",
        "/ip6zone/eth0/ip6/fe80::1/tcp/1",
    ];

    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/4001", "047f000001060fa1")]
    [InlineData("/ip6/::1/udp/4001/quic-v1", "29000000000000000000000000000000019102" + "0fa1cd03")]
    [InlineData("/ip4/127.0.0.1/tcp/4001/p2p/" + Id, "047f000001060fa1a50326" + IdMultihash)]
    [InlineData("/dns4/example.com/tcp/443/wss/p2p/" + Id, "360b6578616d706c652e636f6d0601bbde03a50326" + IdMultihash)]
    [InlineData("/ip4/1.2.3.4/tcp/1/p2p/" + Id + "/p2p-circuit", "0401020304060001a50326" + IdMultihash + "a202")]
    public void KnownVectorsEncodeAndDecode(string text, string hex)
    {
        Multiaddress a = Multiaddress.Parse(text);
        Assert.Equal(hex, Hex.Encode(a.ToBytes()));
        Assert.Equal(text, a.ToString());
        Assert.Equal(a, Multiaddress.FromBytes(Hex.Decode(hex)));
    }

    [Fact]
    public void LegacyIpfsNameAndCidPeerIdsNormaliseToP2pBase58()
    {
        Multiaddress a = Multiaddress.Parse("/ip4/1.2.3.4/tcp/1/ipfs/bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6");
        Assert.Equal("/ip4/1.2.3.4/tcp/1/p2p/" + Id, a.ToString());
        Assert.Equal(Id, a.PeerId!.ToString());
    }

    [Fact]
    public async Task BinaryFormsAgreeWithJsMultiaddr()
    {
        string stdout = await NodeProcess.RunAsync("libp2p/multiaddr.mjs", JsonSerializer.Serialize(s_texts), TimeSpan.FromSeconds(60));
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] results = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(s_texts.Length, results.Length);
        for (int i = 0; i < s_texts.Length; i++)
        {
            Assert.True(results[i].TryGetProperty("hex", out JsonElement hex), s_texts[i] + ": " + results[i]);
            Assert.Equal(hex.GetString(), Hex.Encode(Multiaddress.Parse(s_texts[i]).ToBytes()));
            Assert.Equal(Multiaddress.Parse(s_texts[i]), Multiaddress.Parse(results[i].GetProperty("text").GetString()!));
        }
    }

    [Theory]
    [InlineData("", MultiaddrError.Empty)]
    [InlineData("ip4/1.2.3.4", MultiaddrError.InvalidSyntax)]
    [InlineData("/ip4//tcp/1", MultiaddrError.InvalidValue)]
    [InlineData("//ip4/1.2.3.4", MultiaddrError.InvalidSyntax)]
    [InlineData("/ip4", MultiaddrError.MissingValue)]
    [InlineData("/ip4/1.2.3", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/1.2.3.256", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/01.2.3.4", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/::1", MultiaddrError.InvalidValue)]
    [InlineData("/ip6/1.2.3.4", MultiaddrError.InvalidValue)]
    [InlineData("/ip6/fe80::1%eth0", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/1.2.3.4/tcp/65536", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/1.2.3.4/tcp/-1", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/1.2.3.4/tcp/+1", MultiaddrError.InvalidValue)]
    [InlineData("/ip4/1.2.3.4/tcp", MultiaddrError.MissingValue)]
    [InlineData("/ip4/1.2.3.4/foo/1", MultiaddrError.UnknownProtocol)]
    [InlineData("/p2p/notapeerid", MultiaddrError.InvalidValue)]
    [InlineData("/certhash/zzz", MultiaddrError.InvalidValue)]
    [InlineData("/999/00/ip4", MultiaddrError.InvalidSyntax)]
    [InlineData("/999/xyz", MultiaddrError.InvalidValue)]
    public void MalformedTextIsRejectedWithATypedError(string text, MultiaddrError error)
    {
        Assert.Equal(error, Assert.Throws<MultiaddrFormatException>(() => Multiaddress.Parse(text)).Error);
        Assert.False(Multiaddress.TryParse(text, out _));
    }

    [Theory]
    [InlineData("", MultiaddrError.Empty)]
    [InlineData("04", MultiaddrError.Truncated)]
    [InlineData("047f0000", MultiaddrError.Truncated)]
    [InlineData("047f000001060f", MultiaddrError.Truncated)]
    [InlineData("80", MultiaddrError.Truncated)]
    [InlineData("8000", MultiaddrError.InvalidVarint)]
    [InlineData("a503", MultiaddrError.Truncated)]
    [InlineData("a50326", MultiaddrError.Truncated)]
    [InlineData("a50300", MultiaddrError.InvalidValue)]
    [InlineData("a5030401020304", MultiaddrError.InvalidValue)]
    [InlineData("3503ff2f61", MultiaddrError.InvalidValue)]
    [InlineData("3503612f62", MultiaddrError.InvalidValue)]
    public void MalformedBinaryIsRejectedWithATypedError(string hex, MultiaddrError error)
    {
        Assert.Equal(error, Assert.Throws<MultiaddrFormatException>(() => Multiaddress.FromBytes(Hex.Decode(hex))).Error);
    }

    [Fact]
    public void AUnixPathIsTheLastComponentOfTheBinaryForm()
    {
        // Found by AFL++ (fuzz/README.md, libp2p-multiaddr-bytes): /unix/x followed by /tcp/4001 decoded, but its text
        // "/unix/x/tcp/4001" is one path, so the address did not round-trip.
        MultiaddrFormatException e = Assert.Throws<MultiaddrFormatException>(() => Multiaddress.FromBytes(Hex.Decode("9003017806" + "0fa1")));
        Assert.Equal(MultiaddrError.InvalidSyntax, e.Error);
        Multiaddress last = Multiaddress.FromBytes(Hex.Decode("047f000001" + "900303782f79"));
        Assert.Equal(last, Multiaddress.Parse(last.ToString()));
    }

    [Fact]
    public void AUnixPathEndingInASlashIsRejectedInTheBinaryForm()
    {
        // Found by AFL++ (fuzz/README.md, libp2p-multiaddr-bytes, second campaign): the path "\u0004 /" decoded, but the
        // text form drops a trailing '/', so "/unix/\u0004 /" read back as another path.
        byte[] bytes = Hex.Decode("0464001601" + "062488" + "900303" + "04202f");
        MultiaddrFormatException e = Assert.Throws<MultiaddrFormatException>(() => Multiaddress.FromBytes(bytes));
        Assert.Equal(MultiaddrError.InvalidValue, e.Error);
        Multiaddress inner = Multiaddress.FromBytes(Hex.Decode("900303" + "612f62"));
        Assert.Equal(inner, Multiaddress.Parse(inner.ToString()));
    }

    [Fact]
    public void OversizedInputIsRejected()
    {
        string text = "/dns/" + new string('a', Multiaddress.MaxBinaryLength);
        Assert.Equal(MultiaddrError.TooLong, Assert.Throws<MultiaddrFormatException>(() => Multiaddress.Parse(text)).Error);
        Assert.Equal(MultiaddrError.TooLong, Assert.Throws<MultiaddrFormatException>(() => Multiaddress.FromBytes(new byte[Multiaddress.MaxBinaryLength + 1])).Error);
    }

    [Fact]
    public void UnknownCodesRoundTripAsOpaqueTails()
    {
        byte[] bytes = Hex.Decode("047f000001" + "e807" + "deadbeef");
        Multiaddress a = Multiaddress.FromBytes(bytes);
        Assert.Equal("/ip4/127.0.0.1/1000/deadbeef", a.ToString());
        Assert.True(a.Components[1].IsUnknown);
        Assert.Equal(bytes, a.ToBytes());
        Assert.Equal(a, Multiaddress.Parse(a.ToString()));
    }

    [Fact]
    public void EndPointsAndPeerIdsAreExtracted()
    {
        Multiaddress v4 = Multiaddress.Parse("/ip4/127.0.0.1/tcp/4001/p2p/" + Id);
        Assert.True(v4.TryGetTcpEndPoint(out IPEndPoint? ep));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 4001), ep);
        Assert.Equal(Id, v4.PeerId!.ToString());
        Assert.True(Multiaddress.Parse("/ip6/::1/tcp/5/ws").TryGetTcpEndPoint(out IPEndPoint? ep6));
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 5), ep6);
        Assert.False(Multiaddress.Parse("/ip4/1.1.1.1/udp/5").TryGetTcpEndPoint(out _));
        Assert.False(Multiaddress.Parse("/dns4/x/tcp/5").TryGetTcpEndPoint(out _));
        Assert.Null(Multiaddress.Parse("/ip4/1.1.1.1/udp/5").PeerId);
    }

    [Fact]
    public void EncapsulateAndDecapsulate()
    {
        Multiaddress relay = Multiaddress.Parse("/ip4/1.2.3.4/tcp/1/p2p/" + Id);
        Multiaddress circuit = relay.Encapsulate("/p2p-circuit/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        Assert.Equal(relay + "/p2p-circuit/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", circuit.ToString());
        Assert.Equal(relay, circuit.Decapsulate("/p2p-circuit"));
        Assert.Equal(relay, circuit.DecapsulateCode(MultiaddrCodes.P2pCircuit));
        Assert.Equal("/ip4/1.2.3.4/tcp/1/p2p/" + Id + "/p2p-circuit", circuit.DecapsulateCode(MultiaddrCodes.P2p).ToString());
        Assert.Equal("/ip4/1.2.3.4", circuit.Decapsulate("/tcp/1").ToString());
        Assert.Same(circuit, circuit.Decapsulate("/ws"));
        Assert.Equal("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", circuit.PeerId!.ToString());
    }

    [Fact]
    public void EqualityIsByBytes()
    {
        Assert.Equal(Multiaddress.Parse("/ip6/0:0::1/tcp/1"), Multiaddress.Parse("/ip6/::1/tcp/1"));
        Assert.Equal(Multiaddress.Parse("/ip6/0:0::1/tcp/1").GetHashCode(), Multiaddress.Parse("/ip6/::1/tcp/1").GetHashCode());
        Assert.True(Multiaddress.Parse("/ip4/1.1.1.1/tcp/1") != Multiaddress.Parse("/ip4/1.1.1.1/tcp/2"));
        Assert.Equal("/ip4/1.2.3.4/tcp/1", Multiaddress.Parse("/ip4/1.2.3.4/tcp/1/").ToString());
    }
}
