// The ACK backlog of outbound streams (hashicorp/yamux spec.md "Stream Establishment"; libp2p/specs yamux/README.md:
// at most 256 unacknowledged streams). A peer that resets our streams without acknowledging them, or that never
// answers at all, must not be able to use up the backlog for good.
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Tests.FakeTime;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

public sealed class YamuxAckBacklogTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StreamsResetWithoutAckGiveTheirBacklogSlotsBack()
    {
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(sessionIsClient: true);
        await using (session)
        await using (raw)
        {
            using var cts = new CancellationTokenSource(s_safetyNet);
            Task peer = ResetEverySynAsync(raw, cts.Token);
            var opened = new List<YamuxStream>();
            // More than twice the 256-stream backlog: before the fix the 257th open waited forever with no stream open.
            for (int i = 0; i < 600; i++)
            {
                opened.Add(await session.OpenStreamAsync(cts.Token));
            }

            while (session.StreamCount > 0)
            {
                await Task.Delay(10, cts.Token);
            }

            Assert.Equal(600, opened.Count);
            YamuxException reset = await Assert.ThrowsAsync<YamuxException>(async () => await opened[^1].ReadExactlyAsync(new byte[1], cts.Token));
            Assert.Equal(YamuxError.StreamReset, reset.Error);
            Assert.False(peer.IsFaulted);
        }
    }

    [Fact]
    public async Task AnOpenThePeerNeverAnswersIsResetAfterTheOpenTimeout()
    {
        var time = new FakeTimeProvider();
        var options = new YamuxOptions { TimeProvider = time, AckBacklog = 2, OpenTimeout = TimeSpan.FromSeconds(5), KeepAliveInterval = TimeSpan.Zero };
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(sessionIsClient: true, options);
        await using (session)
        await using (raw)
        {
            using var cts = new CancellationTokenSource(s_safetyNet);
            YamuxStream first = await session.OpenStreamAsync(cts.Token);
            YamuxStream second = await session.OpenStreamAsync(cts.Token);
            time.Advance(TimeSpan.FromSeconds(3));
            Task<YamuxStream> third = session.OpenStreamAsync(cts.Token).AsTask();
            Assert.False(third.IsCompleted);

            // The silent peer keeps both slots until their open timers fire; then they are reset and the wait ends.
            await FakeClock.AdvanceUntilAsync(time, third, TimeSpan.FromSeconds(1), cts.Token);
            YamuxStream opened = await third;
            Assert.Equal(5u, opened.Id);
            YamuxException timedOut = await Assert.ThrowsAsync<YamuxException>(async () => await first.ReadExactlyAsync(new byte[1], cts.Token));
            Assert.Equal(YamuxError.OpenTimeout, timedOut.Error);
            await Assert.ThrowsAsync<YamuxException>(async () => await second.WriteAsync(new byte[1], cts.Token));

            YamuxFrameHeader rst = await LoopbackPair.ReadUntilAsync(raw, h => (h.Flags & YamuxFlags.Rst) != 0, s_safetyNet);
            Assert.Equal(1u, rst.StreamId);
        }
    }

    [Fact]
    public async Task AcknowledgedStreamsStillOpenAfterTheOpenTimeout()
    {
        var time = new FakeTimeProvider();
        var options = new YamuxOptions { TimeProvider = time, OpenTimeout = TimeSpan.FromSeconds(5), KeepAliveInterval = TimeSpan.Zero };
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync(options, options);
        await using (client)
        await using (server)
        {
            using var cts = new CancellationTokenSource(s_safetyNet);
            YamuxStream stream = await client.OpenStreamAsync(cts.Token);
            await stream.WriteAsync(new byte[] { 1, 2, 3 }, cts.Token);
            YamuxStream accepted = await server.AcceptStreamAsync(cts.Token);
            await accepted.ReadExactlyAsync(new byte[3], cts.Token);
            await accepted.WriteAsync(new byte[] { 4 }, cts.Token);
            await stream.ReadExactlyAsync(new byte[1], cts.Token);

            time.Advance(TimeSpan.FromSeconds(30));
            await stream.WriteAsync(new byte[] { 5 }, cts.Token);
            await accepted.ReadExactlyAsync(new byte[1], cts.Token);
            Assert.Equal(1, client.StreamCount);
        }
    }

    private static async Task ResetEverySynAsync(NetworkStream raw, CancellationToken cancellationToken)
    {
        var header = new byte[YamuxFrameHeader.Size];
        try
        {
            while (true)
            {
                await raw.ReadExactlyAsync(header, cancellationToken);
                YamuxFrameHeader.TryRead(header, out YamuxFrameHeader h);
                if (h.Type == YamuxFrameType.Data && h.Length > 0)
                {
                    await raw.ReadExactlyAsync(new byte[h.Length], cancellationToken);
                }

                if ((h.Flags & YamuxFlags.Syn) != 0 && h.Type != YamuxFrameType.Ping)
                {
                    await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, h.StreamId, 0), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is System.IO.IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The test is over.
        }
    }
}
