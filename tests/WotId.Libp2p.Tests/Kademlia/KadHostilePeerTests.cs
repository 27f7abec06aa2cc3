using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Protocols;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Kademlia;

// A DHT server on real sockets facing a peer that breaks the rules: an oversized frame, an oversized record, a
// forged /pk/ record and a record of a namespace without validator each cost the sender only its stream; the
// server keeps its store unchanged and answers the next request.
public sealed class KadHostilePeerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BadRequestsResetOnlyTheirStreamAndStoreNothing()
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using Libp2pHost server = await HostFixture.StartAsync();
        await using Libp2pHost attacker = await HostFixture.StartAsync();
        await using var dht = new KadDht(server, new KadDhtOptions { Validators = TestNamespaceValidator.WithPk() });
        await dht.StartAsync(cts.Token);
        await attacker.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);

        // A frame announcing 2 MiB: refused from its prefix.
        await ExpectResetAsync(attacker, server, s => s.WriteAsync(Convert.FromHexString("80808001"), cts.Token).AsTask(), cts.Token);

        // A record value over 64 KiB, a /pk/ record whose key names another peer, a namespace with no validator.
        byte[] big = TestNamespaceValidator.Value(1, new string('x', KadProtocol.MaxValueLength));
        byte[] pk = [.. "/pk/"u8, .. server.PeerId.Bytes.Span];
        foreach ((byte[] key, byte[] value) in new[]
        {
            ("/wotid-test/big"u8.ToArray(), big),
            (pk, attacker.Options.Identity.PublicKey.Encode()),
            ("/nobody/x"u8.ToArray(), new byte[] { 1 }),
        })
        {
            var put = new KadMessage(KadMessageType.PutValue, key) { Record = new KadRecord(key, value) };
            await ExpectResetAsync(attacker, server, s => LengthPrefixed.WriteAsync(s, put.Encode(), cts.Token).AsTask(), cts.Token);
        }

        Assert.Equal(0, dht.StoredRecordCount);

        // The server still answers a well-formed request on a new stream.
        await using Libp2pStream ok = await attacker.OpenStreamAsync(server.PeerId, KadProtocol.IpfsProtocolId, cts.Token);
        await KadProtocol.WriteAsync(ok, new KadMessage(KadMessageType.FindNode, attacker.PeerId.Bytes.ToArray()), cts.Token);
        KadMessage? answer = await KadProtocol.ReadAsync(ok, cts.Token);
        Assert.Equal(KadMessageType.FindNode, answer!.Type);
    }

    [Fact]
    public async Task AFloodOfIdleLookupStreamsFromOnePeerCannotStarveHonestPeers()
    {
        using var cts = new CancellationTokenSource(s_timeout);
        await using Libp2pHost server = await HostFixture.StartAsync();
        await using Libp2pHost attacker = await HostFixture.StartAsync();
        await using Libp2pHost honest = await HostFixture.StartAsync();
        await using var dht = new KadDht(server, new KadDhtOptions { MaxConcurrentInbound = 16, MaxConcurrentInboundPerPeer = 4 });
        await dht.StartAsync(cts.Token);
        await attacker.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        await honest.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);

        // 40 lookup streams that ask once and then sit idle: 4 are served, the others are reset at once.
        // (A reset can arrive while the stream's protocol is still being negotiated: HostException(StreamReset).)
        var streams = new System.Collections.Generic.List<Libp2pStream>();
        int answered = 0, reset = 0;
        for (int i = 0; i < 40; i++)
        {
            try
            {
                Libp2pStream s = await attacker.OpenStreamAsync(server.PeerId, KadProtocol.IpfsProtocolId, cts.Token);
                streams.Add(s);
                await KadProtocol.WriteAsync(s, new KadMessage(KadMessageType.FindNode, attacker.PeerId.Bytes.ToArray()), cts.Token);
                answered += await KadProtocol.ReadAsync(s, cts.Token) is null ? 0 : 1;
            }
            catch (Exception ex) when (ex is IOException or HostException)
            {
                reset++;
            }
        }

        Assert.Equal((4, 36), (answered, reset));

        // While the attacker's 4 streams stay open, an honest peer's lookup is answered.
        await using Libp2pStream ok = await honest.OpenStreamAsync(server.PeerId, KadProtocol.IpfsProtocolId, cts.Token);
        await KadProtocol.WriteAsync(ok, new KadMessage(KadMessageType.FindNode, honest.PeerId.Bytes.ToArray()), cts.Token);
        Assert.Equal(KadMessageType.FindNode, (await KadProtocol.ReadAsync(ok, cts.Token))!.Type);
        foreach (Libp2pStream s in streams)
        {
            await s.DisposeAsync();
        }
    }

    private static async Task ExpectResetAsync(Libp2pHost attacker, Libp2pHost server, Func<Stream, Task> send, CancellationToken ct)
    {
        await using Libp2pStream s = await attacker.OpenStreamAsync(server.PeerId, KadProtocol.IpfsProtocolId, ct);
        await send(s);
        // No answer comes: the server resets the stream rather than replying (a close without an answer counts too).
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            var buffer = new byte[1];
            int n = await s.ReadAsync(buffer, ct);
            if (n == 0)
            {
                throw new EndOfStreamException("closed without an answer");
            }
        });
    }
}
