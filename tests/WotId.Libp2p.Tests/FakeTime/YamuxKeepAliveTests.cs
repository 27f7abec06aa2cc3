// Yamux keep-alive on fake time (hashicorp/yamux spec.md "Ping"): a ping every KeepAliveInterval, and a session that
// fails with KeepAliveTimeout when the peer leaves a ping unanswered for PingTimeout. The peer here is raw bytes over
// the in-memory transport, so the test sees every frame.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Transports;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.FakeTime;

public sealed class YamuxKeepAliveTests
{
    private static readonly TimeSpan s_realSafetyNet = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pingTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task KeepAlivePingsFollowTheIntervalAndAnsweredPingsKeepTheSession()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_realSafetyNet);
        (TransportConnection a, TransportConnection b) = await FakeClock.MemoryPairAsync(cts.Token);
        await using var session = new YamuxSession(a, isClient: true, Options(time));
        session.Start();

        YamuxFrameHeader first = await ReadHeaderAsync(b, cts.Token);
        Assert.Equal(YamuxFrameType.Ping, first.Type);
        Assert.Equal(YamuxFlags.Syn, first.Flags);
        for (int round = 0; round < 3; round++)
        {
            YamuxFrameHeader ping = round == 0 ? first : default;
            if (round > 0)
            {
                Task<YamuxFrameHeader> next = ReadHeaderAsync(b, cts.Token);
                TimeSpan waited = await FakeClock.AdvanceUntilAsync(time, next, TimeSpan.FromSeconds(1), cts.Token);
                ping = await next;
                Assert.True(waited >= s_interval, $"ping {round} came after {waited} of fake time");
                Assert.Equal(YamuxFrameType.Ping, ping.Type);
            }

            await WriteHeaderAsync(b, new YamuxFrameHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, ping.Length), cts.Token);
            while (session.Rtt is null)
            {
                await Task.Delay(1, cts.Token);
            }
        }

        Assert.False(session.IsClosed);
        Assert.Null(session.TerminationError);
        await b.DisposeAsync();
    }

    [Fact]
    public async Task AnUnansweredPingFailsTheSessionAfterThePingTimeout()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_realSafetyNet);
        (TransportConnection a, TransportConnection b) = await FakeClock.MemoryPairAsync(cts.Token);
        await using var session = new YamuxSession(a, isClient: true, Options(time));
        session.Start();

        YamuxFrameHeader ping = await ReadHeaderAsync(b, cts.Token);
        Assert.Equal(YamuxFrameType.Ping, ping.Type);
        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, session.Completion, TimeSpan.FromSeconds(1), cts.Token);

        Assert.Equal(YamuxError.KeepAliveTimeout, session.TerminationError?.Error);
        Assert.True(took >= s_pingTimeout, $"failed after {took} of fake time");
        await b.DisposeAsync();
    }

    private static YamuxOptions Options(TimeProvider time) =>
        new() { KeepAliveInterval = s_interval, PingTimeout = s_pingTimeout, TimeProvider = time };

    private static async Task<YamuxFrameHeader> ReadHeaderAsync(TransportConnection peer, CancellationToken cancellationToken)
    {
        var buffer = new byte[YamuxFrameHeader.Size];
        await peer.ReadExactlyAsync(buffer, cancellationToken);
        Assert.True(YamuxFrameHeader.TryRead(buffer, out YamuxFrameHeader header));
        return header;
    }

    private static async Task WriteHeaderAsync(TransportConnection peer, YamuxFrameHeader header, CancellationToken cancellationToken)
    {
        var buffer = new byte[YamuxFrameHeader.Size];
        header.Write(buffer);
        await peer.WriteAsync(buffer, cancellationToken);
    }
}
