// The RTT floor of receive-window auto-tuning (YamuxOptions.MinAutoTuneRtt, 10 ms; docs/limits.md). go-yamux
// stream.go and js-yamux src/stream.ts double a window when the reader consumed half of it within 4 × RTT. On loopback
// the RTT is far below a millisecond, so without a floor a window would practically never grow; the floor makes
// "within 4 × max(RTT, floor)" the test. A raw peer answers our ping 1 ms later on fake time and then sends half a
// window, consumed after a chosen fake delay; the window update we send shows whether the window grew. Real TCP on
// 127.0.0.1.
using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

public sealed class YamuxAutoTuneFloorTests
{
    private const int Half = YamuxOptions.InitialWindow / 2;
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(10, 5, true)] // 4 × 10 ms floor covers 5 ms: the window doubles although the RTT is 1 ms
    [InlineData(0, 5, false)] // no floor: 4 × 1 ms is less than 5 ms, no growth
    [InlineData(10, 50, false)] // slower than 4 × the floor: no growth either
    public async Task AWindowGrowsOnlyWhenHalfOfItIsConsumedWithinFourTimesTheRttOrTheFloor(int floorMs, int consumeAfterMs, bool grows)
    {
        var time = new FakeTimeProvider();
        var options = new YamuxOptions { TimeProvider = time, KeepAliveInterval = TimeSpan.Zero, MinAutoTuneRtt = TimeSpan.FromMilliseconds(floorMs) };
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(options: options);
        await using (session)
        await using (raw)
        {
            using var cts = new CancellationTokenSource(s_safetyNet);
            Task<TimeSpan> ping = session.PingAsync(cts.Token);
            YamuxFrameHeader request = await LoopbackPair.ReadUntilAsync(raw, h => h.Type == YamuxFrameType.Ping, s_safetyNet);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Ping, YamuxFlags.Ack, 0, request.Length), cts.Token);
            Assert.Equal(TimeSpan.FromMilliseconds(1), await ping);

            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0), cts.Token);
            YamuxStream s = await session.AcceptStreamAsync(cts.Token);
            var payload = new byte[Half / 2];
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)payload.Length, payload), cts.Token);
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Data, YamuxFlags.None, 1, (uint)payload.Length, payload), cts.Token);
            time.Advance(TimeSpan.FromMilliseconds(consumeAfterMs));
            await s.ReadExactlyAsync(new byte[Half], cts.Token);

            YamuxFrameHeader update = await LoopbackPair.ReadUntilAsync(raw, h => h.Type == YamuxFrameType.WindowUpdate && h.StreamId == 1 && h.Length > 0, s_safetyNet);

            // The update returns the consumed half, plus the growth when the window doubled.
            Assert.Equal(grows ? Half + YamuxOptions.InitialWindow : Half, (int)update.Length);
            Assert.Equal(grows ? 2L * YamuxOptions.InitialWindow : YamuxOptions.InitialWindow, s.ReceiveWindow);
        }
    }
}
