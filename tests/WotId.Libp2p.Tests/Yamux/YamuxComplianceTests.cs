using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

// Muxer compliance scenarios named after rust-libp2p muxers/test-harness (close_implies_flush, read_after_close)
// and go-yamux session_test.go (TestHalfClose, TestStreamResetRead, TestBacklogExceeded, window exhaustion).
// Ported as scenarios, over real loopback TCP.
public sealed class YamuxComplianceTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CloseImpliesFlush()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            byte[] payload = RandomNumberGenerator.GetBytes(1_000_000);
            YamuxStream outbound = await client.OpenStreamAsync();
            Task send = Task.Run(async () =>
            {
                await outbound.WriteAsync(payload);
                await outbound.DisposeAsync();
            });

            YamuxStream inbound = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            var received = new MemoryStream();
            await inbound.CopyToAsync(received).WaitAsync(s_timeout);
            await send.WaitAsync(s_timeout);
            Assert.Equal(payload, received.ToArray());
        }
    }

    [Fact]
    public async Task ReadAfterCloseReturnsEndOfStreamAndOtherDirectionStillWorks()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            YamuxStream a = await client.OpenStreamAsync();
            await a.WriteAsync(new byte[] { 1, 2, 3 });
            a.CompleteWrites();
            YamuxStream b = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            byte[] got = new byte[3];
            await b.ReadExactlyAsync(got).AsTask().WaitAsync(s_timeout);
            Assert.Equal(new byte[] { 1, 2, 3 }, got);
            Assert.Equal(0, await b.ReadAsync(new byte[8]).AsTask().WaitAsync(s_timeout));
            Assert.Equal(0, await b.ReadAsync(new byte[8]).AsTask().WaitAsync(s_timeout));

            // Half-closed: the server can still answer.
            await b.WriteAsync(new byte[] { 9 });
            b.CompleteWrites();
            Assert.Equal(9, await ReadByteAsync(a));
            Assert.Equal(-1, await ReadByteAsync(a));
            await Assert.ThrowsAsync<YamuxException>(async () => await a.WriteAsync(new byte[] { 1 }));
        }
    }

    [Fact]
    public async Task ResetFailsPendingReadOnTheOtherSideWithTypedError()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            YamuxStream a = await client.OpenStreamAsync();
            await a.WriteAsync(new byte[] { 1 });
            YamuxStream b = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            Assert.Equal(1, await ReadByteAsync(b));
            Task<int> pending = b.ReadAsync(new byte[4]).AsTask();
            a.Abort();
            YamuxException ex = await Assert.ThrowsAsync<YamuxException>(() => pending.WaitAsync(s_timeout));
            Assert.Equal(YamuxError.StreamReset, ex.Error);
            YamuxException w = await Assert.ThrowsAsync<YamuxException>(async () => await b.WriteAsync(new byte[1]));
            Assert.Equal(YamuxError.StreamReset, w.Error);
            YamuxException local = await Assert.ThrowsAsync<YamuxException>(async () => _ = await a.ReadAsync(new byte[1]));
            Assert.Equal(YamuxError.StreamAborted, local.Error);

            // The session survives a stream reset.
            YamuxStream c = await client.OpenStreamAsync();
            await c.WriteAsync(new byte[] { 7 });
            YamuxStream d = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            Assert.Equal(7, await ReadByteAsync(d));
        }
    }

    [Fact]
    public async Task WindowExhaustionBlocksTheWriterUntilTheReaderConsumes()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            YamuxStream a = await client.OpenStreamAsync();
            byte[] payload = RandomNumberGenerator.GetBytes(YamuxOptions.InitialWindow + 100_000);
            Task write = a.WriteAsync(payload).AsTask();
            YamuxStream b = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);

            // The receiver buffers exactly one window and the writer waits for credit.
            await WaitUntilAsync(() => b.BufferedBytes == YamuxOptions.InitialWindow);
            Assert.False(write.IsCompleted);
            Assert.Equal(YamuxOptions.InitialWindow, b.BufferedBytes);

            var received = new byte[payload.Length];
            await b.ReadExactlyAsync(received).AsTask().WaitAsync(s_timeout);
            await write.WaitAsync(s_timeout);
            Assert.Equal(payload, received);
        }
    }

    [Fact]
    public async Task InboundBacklogIsBoundedAndExtraStreamsAreReset()
    {
        var small = new YamuxOptions { AcceptBacklog = 4 };
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync(server: small);
        await using (client)
        await using (server)
        {
            var streams = new YamuxStream[6];
            for (int i = 0; i < streams.Length; i++)
            {
                streams[i] = await client.OpenStreamAsync();
            }

            // Streams 5 and 6 exceed the backlog of 4 and are reset by the server.
            YamuxException ex = await Assert.ThrowsAsync<YamuxException>(() => streams[5].ReadAsync(new byte[1]).AsTask().WaitAsync(s_timeout));
            Assert.Equal(YamuxError.StreamReset, ex.Error);
            for (int i = 0; i < 4; i++)
            {
                YamuxStream accepted = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
                Assert.Equal(streams[i].Id, accepted.Id);
            }

            Assert.False(server.IsClosed);
        }
    }

    [Fact]
    public async Task ManyConcurrentStreamsEchoIndependently()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Task serve = Task.Run(async () =>
            {
                var echoes = Enumerable.Range(0, 50).Select(async _ =>
                {
                    YamuxStream s = await server.AcceptStreamAsync(cts.Token);
                    await s.CopyToAsync(s, cts.Token);
                    s.CompleteWrites();
                });
                await Task.WhenAll(echoes);
            });
            var clients = Enumerable.Range(0, 50).Select(async i =>
            {
                byte[] data = RandomNumberGenerator.GetBytes(1000 + (i * 20_000));
                YamuxStream s = await client.OpenStreamAsync(cts.Token);
                Task w = Task.Run(async () =>
                {
                    await s.WriteAsync(data, cts.Token);
                    s.CompleteWrites();
                });
                var back = new MemoryStream();
                await s.CopyToAsync(back, cts.Token);
                await w;
                Assert.Equal(data, back.ToArray());
            });
            await Task.WhenAll(clients);
            await serve;
        }
    }

    [Fact]
    public async Task WindowGrowsUnderSustainedTransfer()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            await client.PingAsync().WaitAsync(s_timeout);
            await server.PingAsync().WaitAsync(s_timeout);
            YamuxStream a = await client.OpenStreamAsync();
            var chunk = new byte[1 << 20];
            Task write = Task.Run(async () =>
            {
                for (int i = 0; i < 64; i++)
                {
                    await a.WriteAsync(chunk);
                }

                a.CompleteWrites();
            });
            YamuxStream b = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            await b.CopyToAsync(Stream.Null).WaitAsync(TimeSpan.FromSeconds(60));
            await write;
            Assert.True(b.ReceiveWindow >= YamuxOptions.InitialWindow);
            Assert.True(b.ReceiveWindow <= server.Options.MaxWindow);
        }
    }

    [Fact]
    public async Task PingMeasuresRoundTrip()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            TimeSpan rtt = await client.PingAsync().WaitAsync(s_timeout);
            Assert.True(rtt > TimeSpan.Zero);
            Assert.NotNull(client.Rtt);
        }
    }

    [Fact]
    public async Task GoAwayStopsNewStreamsButKeepsExistingOnes()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        await using (server)
        {
            YamuxStream a = await client.OpenStreamAsync();
            await a.WriteAsync(new byte[] { 5 });
            YamuxStream b = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            server.GoAway();
            await WaitUntilAsync(() =>
            {
                try
                {
                    client.OpenStreamAsync().AsTask().GetAwaiter().GetResult().Abort();
                    return false;
                }
                catch (YamuxException e) when (e.Error == YamuxError.RemoteGoAway)
                {
                    return true;
                }
            });
            Assert.Equal(5, await ReadByteAsync(b));
            await b.WriteAsync(new byte[] { 6 });
            Assert.Equal(6, await ReadByteAsync(a));
        }
    }

    [Fact]
    public async Task PeerDisappearingFailsOpenStreamsWithTypedError()
    {
        (YamuxSession client, YamuxSession server) = await LoopbackPair.SessionsAsync();
        await using (client)
        {
            YamuxStream a = await client.OpenStreamAsync();
            await a.WriteAsync(new byte[] { 1 });
            _ = await server.AcceptStreamAsync().AsTask().WaitAsync(s_timeout);
            Task<int> pending = a.ReadAsync(new byte[1]).AsTask();
            await server.DisposeAsync();
            YamuxException ex = await Assert.ThrowsAsync<YamuxException>(() => pending.WaitAsync(s_timeout));
            Assert.True(ex.Error is YamuxError.SessionClosed or YamuxError.TransportFailed or YamuxError.StreamReset);
            await client.Completion.WaitAsync(s_timeout);
        }
    }

    internal static async Task<int> ReadByteAsync(Stream s)
    {
        var one = new byte[1];
        int n = await s.ReadAsync(one).AsTask().WaitAsync(s_timeout);
        return n == 0 ? -1 : one[0];
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime end = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > end)
            {
                throw new TimeoutException("condition not reached");
            }

            await Task.Delay(10);
        }
    }
}
