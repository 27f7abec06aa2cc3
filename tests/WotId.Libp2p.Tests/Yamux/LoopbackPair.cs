using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Yamux;

/// <summary>Two real TCP sockets connected over 127.0.0.1, as duplex streams.</summary>
internal static class LoopbackPair
{
    public static async Task<(NetworkStream Client, NetworkStream Server)> CreateAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Task<Socket> accept = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        Socket server = await accept;
        server.NoDelay = true;
        return (new NetworkStream(client, ownsSocket: true), new NetworkStream(server, ownsSocket: true));
    }

    /// <summary>Two started Yamux sessions (client, server) over a loopback TCP pair.</summary>
    public static async Task<(YamuxSession Client, YamuxSession Server)> SessionsAsync(YamuxOptions? client = null, YamuxOptions? server = null)
    {
        (NetworkStream c, NetworkStream s) = await CreateAsync();
        var a = new YamuxSession(c, isClient: true, client);
        var b = new YamuxSession(s, isClient: false, server);
        a.Start();
        b.Start();
        return (a, b);
    }

    /// <summary>A started Yamux session (server role unless told) facing a raw socket the test drives by hand.</summary>
    public static async Task<(YamuxSession Session, NetworkStream Raw)> SessionWithRawPeerAsync(bool sessionIsClient = false, YamuxOptions? options = null)
    {
        (NetworkStream c, NetworkStream s) = await CreateAsync();
        var session = new YamuxSession(sessionIsClient ? c : s, sessionIsClient, options);
        session.Start();
        return (session, sessionIsClient ? s : c);
    }

    public static byte[] Frame(YamuxFrameType type, YamuxFlags flags, uint stream, uint length, ReadOnlySpan<byte> payload = default)
    {
        var buf = new byte[YamuxFrameHeader.Size + payload.Length];
        new YamuxFrameHeader(type, flags, stream, length).Write(buf);
        payload.CopyTo(buf.AsSpan(YamuxFrameHeader.Size));
        return buf;
    }

    /// <summary>Reads frames from a raw socket until one matches, returning it (payload skipped).</summary>
    public static async Task<YamuxFrameHeader> ReadUntilAsync(NetworkStream raw, Func<YamuxFrameHeader, bool> match, TimeSpan timeout)
    {
        using var cts = new System.Threading.CancellationTokenSource(timeout);
        var header = new byte[YamuxFrameHeader.Size];
        while (true)
        {
            await raw.ReadExactlyAsync(header, cts.Token);
            YamuxFrameHeader.TryRead(header, out YamuxFrameHeader h);
            if (h.Type == YamuxFrameType.Data && h.Length > 0)
            {
                await raw.ReadExactlyAsync(new byte[h.Length], cts.Token);
            }

            if (match(h))
            {
                return h;
            }
        }
    }
}
