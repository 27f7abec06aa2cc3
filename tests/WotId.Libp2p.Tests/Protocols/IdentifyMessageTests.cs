using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Tests.Yamux;

namespace WotId.Libp2p.Tests.Protocols;

// Identify message codec (libp2p/specs identify/README.md), signed envelopes (RFC 0002) and peer records (RFC 0003).
public sealed class IdentifyMessageTests
{
    private static readonly Gen<string> s_text = Gen.String[Gen.Char.AlphaNumeric, 0, 40];

    [Fact]
    public void EncodesFieldsWithTheSpecNumbers()
    {
        var m = new IdentifyMessage { ProtocolVersion = "ipfs/0.1.0", AgentVersion = "a", PublicKey = [1, 2], ObservedAddr = [4], SignedPeerRecord = [8] };
        m.ListenAddrs.Add([3]);
        m.Protocols.Add("/p");
        // publicKey=1, listenAddrs=2, protocols=3, observedAddr=4, protocolVersion=5, agentVersion=6, signedPeerRecord=8
        Assert.Equal(
            Convert.FromHexString("0A020102" + "120103" + "1A022F70" + "220104" + "2A0A697066732F302E312E30" + "320161" + "420108"),
            m.Encode());
    }

    [Fact]
    public void MessagesMergeLikeProtobuf()
    {
        var a = new IdentifyMessage { AgentVersion = "first" };
        a.Protocols.Add("/a");
        var b = new IdentifyMessage { AgentVersion = "second" };
        b.Protocols.Add("/b");
        IdentifyMessage merged = IdentifyMessage.Decode(a.Encode());
        merged.MergeFrom(b.Encode());
        Assert.Equal("second", merged.AgentVersion);
        Assert.Equal(new[] { "/a", "/b" }, merged.Protocols);
    }

    [Fact]
    public void GeneratedMessagesRoundTrip()
    {
        Gen.Select(s_text, s_text, s_text.Array[0, 5], Gen.Byte.Array[0, 40].Array[0, 4]).Sample((pv, av, protocols, addrs) =>
        {
            var m = new IdentifyMessage { ProtocolVersion = pv, AgentVersion = av };
            m.Protocols.AddRange(protocols);
            m.ListenAddrs.AddRange(addrs);
            IdentifyMessage back = IdentifyMessage.Decode(m.Encode());
            return back.ProtocolVersion == pv && back.AgentVersion == av && back.Protocols.SequenceEqual(protocols)
                && back.ListenAddrs.Count == addrs.Length && back.ListenAddrs.Zip(addrs).All(p => p.First.SequenceEqual(p.Second));
        });
    }

    [Fact]
    public void ArbitraryBytesOnlyThrowIdentifyFormatException()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            try
            {
                IdentifyMessage m = IdentifyMessage.Decode(bytes);
                _ = m.ParsedListenAddrs();
            }
            catch (IdentifyFormatException)
            {
            }

            try
            {
                _ = PeerRecord.Open(bytes);
            }
            catch (IdentifyFormatException)
            {
            }
        }, iter: 5000);
    }

    [Fact]
    public void PeerRecordSealsAndOpens()
    {
        using PeerIdentity id = PeerIdentity.Generate();
        var addrs = new[] { Multiaddress.Parse("/ip4/127.0.0.1/tcp/4001"), Multiaddress.Parse("/ip4/127.0.0.1/tcp/4002/ws") };
        byte[] envelope = new PeerRecord(id.PeerId, 42, addrs).Seal(id);
        PeerRecord back = PeerRecord.Open(envelope);
        Assert.Equal(id.PeerId, back.PeerId);
        Assert.Equal(42ul, back.Sequence);
        Assert.Equal(addrs, back.Addresses);
    }

    [Fact]
    public void TamperedOrForeignEnvelopesAreRejected()
    {
        using PeerIdentity id = PeerIdentity.Generate();
        using PeerIdentity other = PeerIdentity.Generate();
        byte[] envelope = new PeerRecord(id.PeerId, 1, [Multiaddress.Parse("/ip4/1.2.3.4/tcp/1")]).Seal(id);
        Gen.Int[0, envelope.Length - 1].Select(Gen.Byte[1, 255]).Sample((i, x) =>
        {
            byte[] copy = (byte[])envelope.Clone();
            copy[i] ^= x;
            try
            {
                PeerRecord r = PeerRecord.Open(copy);
                return false; // every single-byte change must be caught
            }
            catch (IdentifyFormatException)
            {
                return true;
            }
        });

        // Signed by someone else but naming id: PeerIdMismatch.
        byte[] forged = SignedEnvelope.Seal(other, PeerRecord.Domain, PeerRecord.PayloadType, new PeerRecord(id.PeerId, 2, []).Encode());
        Assert.Equal(IdentifyError.PeerIdMismatch, Assert.Throws<IdentifyFormatException>(() => PeerRecord.Open(forged)).Error);

        // Right key, wrong domain.
        byte[] wrongDomain = SignedEnvelope.Seal(id, "libp2p-relay-rsvp", PeerRecord.PayloadType, new PeerRecord(id.PeerId, 3, []).Encode());
        Assert.Equal(IdentifyError.BadSignature, Assert.Throws<IdentifyFormatException>(() => PeerRecord.Open(wrongDomain)).Error);
    }

    [Fact]
    public async Task ReaderEnforcesSizeAndCountLimits()
    {
        (System.Net.Sockets.NetworkStream a, System.Net.Sockets.NetworkStream b) = await LoopbackPair.CreateAsync();
        await using (a)
        await using (b)
        {
            var m = new IdentifyMessage { AgentVersion = "x" };
            for (int i = 0; i < 11; i++)
            {
                await IdentifyProtocol.WriteAsync(a, m, CancellationToken.None);
            }

            a.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            IdentifyFormatException ex = await Assert.ThrowsAsync<IdentifyFormatException>(() => IdentifyProtocol.ReadAsync(b, CancellationToken.None));
            Assert.Equal(IdentifyError.TooLarge, ex.Error);
        }

        (a, b) = await LoopbackPair.CreateAsync();
        await using (a)
        await using (b)
        {
            await a.WriteAsync(new byte[] { 0x81, 0x40 }); // announces 8193 bytes
            IdentifyFormatException ex = await Assert.ThrowsAsync<IdentifyFormatException>(() => IdentifyProtocol.ReadAsync(b, CancellationToken.None));
            Assert.Equal(IdentifyError.TooLarge, ex.Error);
        }
    }
}
