using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Protocols.Perf;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Tests.Yamux;

namespace WotId.Libp2p.Tests.Protocols;

// ping (libp2p/specs ping/ping.md) and perf (perf/perf.md) over a real loopback socket pair.
public sealed class PingPerfTests
{
    [Fact]
    public async Task PingEchoesAndDetectsAWrongEcho()
    {
        (NetworkStream a, NetworkStream b) = await LoopbackPair.CreateAsync();
        await using (a)
        await using (b)
        {
            Task server = PingProtocol.HandleAsync(b, CancellationToken.None);
            for (int i = 0; i < 3; i++)
            {
                Assert.True(await PingProtocol.PingAsync(a, CancellationToken.None) > TimeSpan.Zero);
            }

            a.Socket.Shutdown(SocketShutdown.Send);
            await server.WaitAsync(TimeSpan.FromSeconds(10));
        }

        (a, b) = await LoopbackPair.CreateAsync();
        await using (a)
        await using (b)
        {
            Task liar = Task.Run(async () =>
            {
                var buf = new byte[32];
                await b.ReadExactlyAsync(buf);
                buf[0] ^= 1;
                await b.WriteAsync(buf);
            });
            await Assert.ThrowsAsync<PingException>(async () => await PingProtocol.PingAsync(a, CancellationToken.None));
            await liar;
        }
    }

    [Fact]
    public async Task PerfMovesTheRequestedBytesBothWays()
    {
        (NetworkStream a, NetworkStream b) = await LoopbackPair.CreateAsync();
        await using (a)
        await using (b)
        {
            Task server = Task.Run(async () =>
            {
                await PerfProtocol.HandleAsync(b, CancellationToken.None);
                b.Socket.Shutdown(SocketShutdown.Send);
            });
            PerfResult r = await PerfProtocol.RunAsync(a, () => a.Socket.Shutdown(SocketShutdown.Send), 3_000_000, 5_000_000, CancellationToken.None);
            await server;
            Assert.Equal(3_000_000, r.UploadBytes);
            Assert.Equal(5_000_000, r.DownloadBytes);
            Assert.True(r.DownloadMiBPerSecond > 0);
        }
    }
}
