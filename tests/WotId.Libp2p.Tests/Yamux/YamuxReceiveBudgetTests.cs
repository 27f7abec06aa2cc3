// Receive-window auto-tuning under a hostile RTT (go-yamux stream.go / js-yamux src/stream.ts grow a window when
// updates come within 4 × RTT; the RTT comes from pings the peer answers). A raw peer answers our ping 10 s late on
// fake time, so every window update qualifies for growth; the session's MaxReceiveBuffer must still cap the sum of
// all receive windows. Real TCP on 127.0.0.1.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

public sealed class YamuxReceiveBudgetTests
{
    private const int Streams = 8;
    private const int BytesPerStream = 4 * 1024 * 1024;
    private const long Budget = 4L * 1024 * 1024;
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task APeerThatInflatesTheRttCannotGrowWindowsBeyondTheBudget()
    {
        var time = new FakeTimeProvider();
        var options = new YamuxOptions { TimeProvider = time, KeepAliveInterval = TimeSpan.Zero, MaxReceiveBuffer = Budget };
        (YamuxSession session, NetworkStream raw) = await LoopbackPair.SessionWithRawPeerAsync(options: options);
        await using (session)
        await using (raw)
        {
            using var cts = new CancellationTokenSource(s_safetyNet);
            Task<TimeSpan> ping = session.PingAsync(cts.Token);
            YamuxFrameHeader request = await LoopbackPair.ReadUntilAsync(raw, h => h.Type == YamuxFrameType.Ping, s_safetyNet);
            time.Advance(TimeSpan.FromSeconds(10));
            await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Ping, YamuxFlags.Ack, 0, request.Length), cts.Token);
            Assert.True(await ping >= TimeSpan.FromSeconds(10));

            var peer = new WindowTrackingPeer(raw);
            Task peerReader = peer.ReadWindowUpdatesAsync(cts.Token);
            for (uint i = 0; i < Streams; i++)
            {
                await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, (2 * i) + 1, 0), cts.Token);
            }

            var accepted = new List<YamuxStream>();
            long consumed = 0;
            var readers = new List<Task>();
            for (int i = 0; i < Streams; i++)
            {
                YamuxStream s = await session.AcceptStreamAsync(cts.Token);
                accepted.Add(s);
                readers.Add(Task.Run(
                    async () =>
                    {
                        var sink = new byte[64 * 1024];
                        while (Interlocked.Read(ref consumed) < (long)Streams * BytesPerStream)
                        {
                            int n = await s.ReadAsync(sink, cts.Token);
                            Interlocked.Add(ref consumed, n);
                        }
                    },
                    cts.Token));
            }

            await peer.SendAsync(BytesPerStream, cts.Token);
            while (Interlocked.Read(ref consumed) < (long)Streams * BytesPerStream)
            {
                await Task.Delay(10, cts.Token);
            }

            long total = accepted.Sum(s => s.ReceiveWindow);
            Assert.True(total <= Budget, $"receive windows total {total} bytes, budget {Budget}");
            Assert.True(session.CommittedReceiveWindow <= Budget);
            // Growth still happens, inside the budget.
            Assert.Contains(accepted, s => s.ReceiveWindow > YamuxOptions.InitialWindow);
            await cts.CancelAsync();
            await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
            await peerReader.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>The raw peer's sending side: Data frames within the windows our session grants.</summary>
    private sealed class WindowTrackingPeer(NetworkStream raw)
    {
        private readonly long[] _windows = Enumerable.Repeat((long)YamuxOptions.InitialWindow, Streams).ToArray();
        private readonly SemaphoreSlim _credit = new(0);

        public async Task ReadWindowUpdatesAsync(CancellationToken cancellationToken)
        {
            var header = new byte[YamuxFrameHeader.Size];
            while (true)
            {
                await raw.ReadExactlyAsync(header, cancellationToken);
                YamuxFrameHeader.TryRead(header, out YamuxFrameHeader h);
                if (h.Type == YamuxFrameType.WindowUpdate && h.StreamId % 2 == 1 && h.Length > 0)
                {
                    Interlocked.Add(ref _windows[(h.StreamId - 1) / 2], h.Length);
                    _credit.Release();
                }
            }
        }

        public async Task SendAsync(int perStream, CancellationToken cancellationToken)
        {
            var remaining = Enumerable.Repeat((long)perStream, Streams).ToArray();
            var payload = new byte[64 * 1024];
            while (remaining.Any(r => r > 0))
            {
                bool progress = false;
                for (int i = 0; i < Streams; i++)
                {
                    int n = (int)Math.Min(Math.Min(Interlocked.Read(ref _windows[i]), remaining[i]), payload.Length);
                    if (n <= 0)
                    {
                        continue;
                    }

                    Interlocked.Add(ref _windows[i], -n);
                    remaining[i] -= n;
                    await raw.WriteAsync(LoopbackPair.Frame(YamuxFrameType.Data, YamuxFlags.None, (uint)((2 * i) + 1), (uint)n, payload.AsSpan(0, n)), cancellationToken);
                    progress = true;
                }

                if (!progress)
                {
                    await _credit.WaitAsync(cancellationToken);
                }
            }
        }
    }
}
