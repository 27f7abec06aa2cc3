// Shared pieces of the hostile-peer suite: raw sockets from chosen loopback addresses (127.0.0.0/8 is all loopback on
// Linux, so one machine plays many IPs and subnets), a verified "chat" whose round trips are timed while an attack
// runs, and a memory probe.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Hostile;

internal static class HostileFixture
{
    /// <summary>A connected raw TCP socket from <paramref name="from"/>; one the server refused may already be reset.</summary>
    public static async Task<Socket> ConnectRawAsync(Multiaddress address, IPAddress from, CancellationToken cancellationToken)
    {
        Assert.True(address.TryGetTcpEndPoint(out IPEndPoint? endPoint));
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        try
        {
            await socket.ConnectAsync(endPoint!, cancellationToken);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
        {
            // Refused by the server faster than the connect completed here.
        }

        return socket;
    }

    /// <summary>The i-th attacker address: 127.0.x.y spread over subnets of <paramref name="perSubnet"/> addresses.</summary>
    public static IPAddress AttackerIp(int i, int perSubnet) =>
        new(new byte[] { 127, 0, (byte)(10 + (i / perSubnet)), (byte)(1 + (i % perSubnet)) });

    public static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>Managed heap after a full collection, in bytes.</summary>
    public static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Sends <paramref name="messages"/> 64-byte chat messages from <paramref name="from"/> to <paramref name="to"/> over
    /// an echo stream, one every <paramref name="interval"/>, and returns every round-trip time. Throws if any is lost.
    /// </summary>
    public static async Task<List<TimeSpan>> ChatAsync(Libp2pHost from, Libp2pHost to, int messages, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using Libp2pStream stream = await from.OpenStreamAsync(to.PeerId, HostFixture.EchoProtocol, cancellationToken);
        var rtts = new List<TimeSpan>(messages);
        var message = new byte[64];
        var back = new byte[64];
        for (int i = 0; i < messages; i++)
        {
            BitConverter.TryWriteBytes(message, i);
            long start = Stopwatch.GetTimestamp();
            await stream.WriteAsync(message, cancellationToken);
            await stream.ReadExactlyAsync(back, cancellationToken);
            rtts.Add(Stopwatch.GetElapsedTime(start));
            Assert.Equal(i, BitConverter.ToInt32(back));
            await Task.Delay(interval, cancellationToken);
        }

        return rtts;
    }

    public static TimeSpan P99(IReadOnlyList<TimeSpan> samples)
    {
        List<TimeSpan> sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)];
    }
}
