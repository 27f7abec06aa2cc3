using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Kademlia;

// dht.pb Message codec (libp2p/specs kad-dht/README.md "RPC messages") and its framing.
public sealed class KadMessageTests
{
    [Fact]
    public void EncodesFieldsWithTheSpecNumbers()
    {
        var m = new KadMessage(KadMessageType.GetProviders, [0xAA]) { Record = new KadRecord([1], [2], "t") };
        m.CloserPeers.Add(new KadPeer([3], [[4]], KadConnectionType.Connected));
        m.ProviderPeers.Add(new KadPeer([5], []));
        // type=1 (3), key=2, record=3 {key=1, value=2, timeReceived=5}, closerPeers=8 {id=1, addrs=2, connection=3},
        // providerPeers=9 {id=1}
        Assert.Equal(
            Convert.FromHexString("0803" + "1201AA" + "1A09" + "0A0101" + "120102" + "2A0174" + "4208" + "0A0103" + "120104" + "1801" + "4A03" + "0A0105"),
            m.Encode());
    }

    [Fact]
    public void PutValueOmitsTheTypeAndAMissingTypeDecodesAsPutValue()
    {
        var put = new KadMessage(KadMessageType.PutValue, [7]) { Record = new KadRecord([7], [8]) };
        byte[] wire = put.Encode();
        Assert.NotEqual(0x08, wire[0]);
        KadMessage back = KadMessage.Decode(wire);
        Assert.Equal(KadMessageType.PutValue, back.Type);
        Assert.Equal(new byte[] { 8 }, back.Record!.Value);
    }

    [Fact]
    public void UnknownTypeIsATypedError()
    {
        KadException e = Assert.Throws<KadException>(() => KadMessage.Decode(Convert.FromHexString("0809")));
        Assert.Equal(KadError.InvalidField, e.Error);
    }

    [Fact]
    public void TooManyCloserPeersIsRefused()
    {
        var m = new KadMessage(KadMessageType.FindNode, [1]);
        for (int i = 0; i <= KadProtocol.MaxPeersPerMessage; i++)
        {
            m.CloserPeers.Add(new KadPeer([1], []));
        }

        Assert.Equal(KadError.TooLarge, Assert.Throws<KadException>(() => KadMessage.Decode(m.Encode())).Error);
    }

    [Fact]
    public void OversizedValueIsRefused()
    {
        var m = new KadMessage(KadMessageType.PutValue, [1]) { Record = new KadRecord([1], new byte[KadProtocol.MaxValueLength + 1]) };
        Assert.Equal(KadError.TooLarge, Assert.Throws<KadException>(() => KadMessage.Decode(m.Encode())).Error);
    }

    [Fact]
    public async Task OversizedFrameIsRefusedBeforeItsBodyIsRead()
    {
        // A length prefix announcing 4 MiB, with no body behind it.
        var stream = new MemoryStream(Convert.FromHexString("8080C002"));
        KadException e = await Assert.ThrowsAsync<KadException>(async () => await KadProtocol.ReadAsync(stream, default));
        Assert.Equal(KadError.TooLarge, e.Error);
    }

    [Fact]
    public async Task FramesCarryPipelinedRequests()
    {
        var stream = new MemoryStream();
        await KadProtocol.WriteAsync(stream, new KadMessage(KadMessageType.FindNode, [1]), default);
        await KadProtocol.WriteAsync(stream, new KadMessage(KadMessageType.GetValue, [2]), default);
        stream.Position = 0;
        Assert.Equal(KadMessageType.FindNode, (await KadProtocol.ReadAsync(stream, default))!.Type);
        Assert.Equal(KadMessageType.GetValue, (await KadProtocol.ReadAsync(stream, default))!.Type);
        Assert.Null(await KadProtocol.ReadAsync(stream, default));
    }

    [Fact]
    public void PeerEntriesCarryPeerIdsAndAddresses()
    {
        PeerId id = PeerIdentity.Generate().PeerId;
        Multiaddress a = Multiaddress.Parse("/ip4/127.0.0.1/tcp/4001");
        KadPeer p = KadPeer.From(id, [a], KadConnectionType.CanConnect);
        var m = new KadMessage(KadMessageType.FindNode, [1]);
        m.CloserPeers.Add(p);
        KadPeer back = KadMessage.Decode(m.Encode()).CloserPeers.Single();
        Assert.Equal(id, back.TryGetPeerId());
        Assert.Equal(a, back.ParsedAddresses().Single());
        Assert.Equal(KadConnectionType.CanConnect, back.Connection);
    }

    [Fact]
    public void GeneratedMessagesRoundTrip()
    {
        Gen<byte[]> bytes = Gen.Byte.Array[1, 40];
        Gen.Select(Gen.Int[0, 5], bytes, bytes.Array[0, 4], Gen.Bool).Sample((type, key, ids, withRecord) =>
        {
            var m = new KadMessage((KadMessageType)type, key) { Record = withRecord ? new KadRecord(key, ids.FirstOrDefault() ?? [9]) : null };
            foreach (byte[] id in ids)
            {
                m.CloserPeers.Add(new KadPeer(id, [id]));
            }

            KadMessage back = KadMessage.Decode(m.Encode());
            return back.Type == m.Type && back.Key.SequenceEqual(key) && back.CloserPeers.Count == ids.Length
                && back.CloserPeers.Zip(ids).All(p => p.First.Id.SequenceEqual(p.Second) && p.First.Addrs.Single().SequenceEqual(p.Second))
                && (back.Record is null) == !withRecord;
        });
    }

    [Fact]
    public void ArbitraryBytesOnlyThrowKadException()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            try
            {
                KadMessage m = KadMessage.Decode(bytes);
                foreach (KadPeer p in m.CloserPeers.Concat(m.ProviderPeers))
                {
                    _ = p.TryGetPeerId();
                    _ = p.ParsedAddresses();
                }

                _ = KadMessage.Decode(m.Encode());
            }
            catch (KadException)
            {
            }
        }, iter: 5000);
    }
}
