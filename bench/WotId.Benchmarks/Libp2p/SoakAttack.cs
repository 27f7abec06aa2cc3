// The hostile share of the soak run (SoakConsole): the hostile-peer suite's attacks in four equal parts, raw TCP
// sockets that never start a handshake, slow-loris sockets dribbling a multistream header a byte every 300 ms,
// WebSocket upgrade floods (half a request, reconnecting at once when dropped), and throwaway identities that connect
// and open-and-reset streams in a loop; every one reconnects when dropped.
using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>The attackers of a soak run.</summary>
internal static class SoakAttack
{
    public static async Task RunAsync(Multiaddress address, Multiaddress wsAddress, int hostile, CancellationToken stop)
    {
        Assert(address.TryGetTcpEndPoint(out IPEndPoint? endPoint));
        Assert(wsAddress.TryGetTcpEndPoint(out IPEndPoint? wsEndPoint));
        byte[] header = System.Text.Encoding.ASCII.GetBytes("\u0013/multistream/1.0.0\n\u0007/noise\n");
        byte[] halfUpgrade = System.Text.Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");

        // idle: connect and wait to be dropped; slow-loris: a byte every 300 ms; WebSocket: half an upgrade request.
        async Task RawAsync(IPEndPoint target, byte[]? dribble, byte[]? once, TimeSpan pause)
        {
            while (!stop.IsCancellationRequested)
            {
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await s.ConnectAsync(target, stop);
                    if (once is not null)
                    {
                        await s.SendAsync(once, SocketFlags.None, stop);
                    }

                    for (int b = 0; dribble is not null; b = (b + 1) % dribble.Length)
                    {
                        await s.SendAsync(dribble.AsMemory(b, 1), SocketFlags.None, stop);
                        await Task.Delay(300, stop);
                    }

                    while (await s.ReceiveAsync(new byte[64], SocketFlags.None, stop) > 0)
                    {
                    }
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                }

                await Task.Delay(pause, CancellationToken.None);
            }
        }

        async Task ResetterAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                using var id = PeerIdentity.Generate();
                await using var m = new Libp2pHost(new Libp2pHostOptions(id));
                try
                {
                    await m.StartAsync(stop);
                    Libp2pConnection c = await m.DialAsync(address, stop);
                    while (!stop.IsCancellationRequested && !c.IsClosed)
                    {
                        try
                        {
                            (await c.OpenStreamAsync(SoakConsole.ChatProtocol, stop)).Abort();
                        }
                        catch (HostException)
                        {
                        }

                        await Task.Delay(50, stop);
                    }
                }
                catch (Exception e) when (e is HostException or OperationCanceledException)
                {
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, hostile).Select(i => (i % 4) switch
        {
            0 => RawAsync(endPoint!, null, null, TimeSpan.FromMilliseconds(100)),
            1 => RawAsync(endPoint!, header, null, TimeSpan.FromMilliseconds(100)),
            2 => RawAsync(wsEndPoint!, null, halfUpgrade, TimeSpan.Zero),
            _ => ResetterAsync(),
        }));
    }

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("not a TCP address");
        }
    }
}
