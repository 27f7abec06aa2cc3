// Optimistic multistream-select (go-multistream lazyClient.go, js-libp2p multistream-select "optimisticSelect"):
// the dialer's proposal travels with its first bytes, the listener's answer is checked by the first read; a refusal
// ("na" after optimistic data) fails that read. Real TCP on 127.0.0.1 and real hosts.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Multistream;

public sealed class OptimisticSelectTests
{
    [Fact]
    public async Task ProposalAndFirstBytesGoOutTogetherAndTheAnswerIsCheckedOnFirstRead()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var dialer = new OptimisticSelectStream(a, "/b/1");
            // The dialer writes before anyone answered: nothing waits for the listener.
            await dialer.WriteAsync("hello"u8.ToArray(), ct);
            Assert.False(dialer.Negotiated);

            Assert.Equal("/b/1", await MultistreamSelect.HandleAsync(b, ["/a/1", "/b/1"], ct));
            var got = new byte[5];
            await b.ReadExactlyAsync(got, ct);
            Assert.Equal("hello"u8.ToArray(), got);

            await b.WriteAsync("world"u8.ToArray(), ct);
            var back = new byte[5];
            await dialer.ReadExactlyAsync(back, ct);
            Assert.True(dialer.Negotiated);
            Assert.Equal("world"u8.ToArray(), back);
        }
    }

    [Fact]
    public async Task RefusalAfterOptimisticDataFailsTheDialersFirstReadWithNoProtocolInCommon()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var dialer = new OptimisticSelectStream(a, "/a/1");
            // Optimistic data that is no multistream message: the listener answers "na", then fails on these bytes.
            await dialer.WriteAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, ct);

            var listener = await Assert.ThrowsAsync<MultistreamException>(async () => await MultistreamSelect.HandleAsync(b, ["/x/1"], ct));
            Assert.Equal(MultistreamError.MessageTooLong, listener.Error);

            var e = await Assert.ThrowsAsync<MultistreamException>(async () => await dialer.ReadExactlyAsync(new byte[4], ct));
            Assert.Equal(MultistreamError.NoProtocolInCommon, e.Error);
        }
    }

    [Fact]
    public async Task ReadingFirstSendsTheProposalAloneAndAnOddAnswerIsAProtocolViolation()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.TcpAsync(ct);
        await using (a)
        await using (b)
        {
            var dialer = new OptimisticSelectStream(a, "/a/1");
            Task read = dialer.ReadExactlyAsync(new byte[4], ct).AsTask();

            // A listener that answers the header and then something else than "/a/1" or "na".
            var header = new byte[20];
            await b.ReadExactlyAsync(header, ct);
            var proposal = new byte[6];
            await b.ReadExactlyAsync(proposal, ct);
            Assert.Equal("\u0005/a/1\n", System.Text.Encoding.ASCII.GetString(proposal));
            var reply = new System.Buffers.ArrayBufferWriter<byte>();
            MultistreamSelect.WriteOptimisticProposal(reply, "/b/1");
            await b.WriteAsync(reply.WrittenMemory, ct);

            var e = await Assert.ThrowsAsync<MultistreamException>(() => read);
            Assert.Equal(MultistreamError.UnexpectedResponse, e.Error);
        }
    }

    [Fact]
    public async Task HostPingAndIdentifyNegotiateOptimisticallyAndAnUnsupportedProtocolFailsTheFirstRead()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using Libp2pHost server = await HostFixture.StartAsync();
        await using Libp2pHost client = await HostFixture.StartAsync();
        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        Assert.Equal(3, (await client.PingAsync(server.PeerId, 3, cts.Token)).Count);
        Assert.Contains(HostFixture.EchoProtocol, (await client.IdentifyAsync(c, cts.Token)).Protocols);

        await using Libp2pStream stream = await client.OpenStreamOnAsync(c, "/wotid/absent/1.0.0", optimistic: true, cts.Token);
        await stream.WriteAsync("data"u8.ToArray(), cts.Token);
        HostException e = await Assert.ThrowsAsync<HostException>(async () => await stream.ReadExactlyAsync(new byte[4], cts.Token));
        Assert.Equal(HostError.ProtocolNotSupported, e.Error);

        // The refused stream cost only that stream: the connection still serves the echo protocol.
        await using Libp2pStream echo = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 7, 8 }, await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, [7, 8], cts.Token));
    }
}
