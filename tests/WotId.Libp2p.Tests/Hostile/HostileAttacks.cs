// The attacks of the hostile-peer suite (issue "Hostile peers"), each against a victim host on 127.0.0.1 with real
// sockets. An attack ramps up (then reports ready), keeps going until cancelled, cleans up, and returns what it did.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Hostile;

internal static class HostileAttacks
{
    public const string SinkProtocol = "/wotid/sink/1.0.0";

    private const string HoldProtocol = "/wotid/hold/1.0.0";

    public delegate Task<string> Attack(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop);

    public static Attack ByName(string name) => name switch
    {
        "reset-every-stream" => ResetEveryStreamAsync,
        "slow-loris" => SlowLorisAsync,
        "idle-sockets" => IdleSocketsAsync,
        "never-reads" => NeverReadsAsync,
        "inflated-rtt" => InflatedRttAsync,
        "identity-churn" => IdentityChurnAsync,
        "websocket-flood" => WebSocketFloodAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>
    /// A peer whose muxer resets every stream we open (stream limit 1, as honest go and js peers do at their limit)
    /// and which opens and resets streams at us. 300 opens first: past the ACK backlog of 256, which used to leak.
    /// </summary>
    private static async Task<string> ResetEveryStreamAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        await using Libp2pHost m = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Yamux = new YamuxOptions { MaxInboundStreams = 1, AcceptBacklog = 1, MaxRefusedStreams = int.MaxValue },
        });
        m.SetHandler(HoldProtocol, static (s, ct) => Task.Delay(Timeout.Infinite, ct));
        await (await m.DialAsync(HostFixture.AddressOf(victim, ws: false), stop)).Identified.WaitAsync(stop);

        // The victim's one stream the attacker accepts is held: every further stream is reset.
        await HostileFixture.WaitForAsync(() => victim.TryGetConnection(m.PeerId, out Libp2pConnection? c) && c!.Session.StreamCount == 0, stop);
        await using Libp2pStream held = await victim.OpenStreamAsync(m.PeerId, HoldProtocol, stop);
        int ours = 0, reset = 0, theirs = 0;
        async Task OursAsync()
        {
            try
            {
                Libp2pStream s = await victim.OpenStreamAsync(m.PeerId, HostFixture.EchoProtocol, stop);
                s.Abort();
            }
            catch (HostException e) when (e.Error is HostError.StreamReset or HostError.ProtocolNotSupported or HostError.ConnectionClosed)
            {
                reset++;
            }

            ours++;
        }

        while (ours < 300)
        {
            await OursAsync();
        }

        ready.TrySetResult();
        while (!stop.IsCancellationRequested)
        {
            await OursAsync().ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                Libp2pStream s = await m.OpenStreamAsync(victim.PeerId, HostFixture.EchoProtocol, stop);
                s.Abort();
                theirs++;
            }
            catch (Exception e) when (e is HostException or OperationCanceledException)
            {
            }
        }

        return $"{ours} opens by the victim ({reset} reset), {theirs} opened and reset by the attacker";
    }

    /// <summary>80 sockets from 40 addresses in 4 subnets dribble a multistream header, one byte every 300 ms, reconnecting when dropped.</summary>
    private static async Task<string> SlowLorisAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        Multiaddress target = HostFixture.AddressOf(victim, ws: false);
        byte[] header = Encoding.ASCII.GetBytes("\u0013/multistream/1.0.0\n\u0007/noise\n");
        int connects = 0, started = 0;
        async Task OneAsync(int i)
        {
            while (!stop.IsCancellationRequested)
            {
                using Socket s = await HostileFixture.ConnectRawAsync(target, HostileFixture.AttackerIp(i / 2, 10), stop);
                Interlocked.Increment(ref connects);
                if (Interlocked.Increment(ref started) == 80)
                {
                    ready.TrySetResult();
                }

                try
                {
                    for (int b = 0; !stop.IsCancellationRequested; b = (b + 1) % header.Length)
                    {
                        await s.SendAsync(header.AsMemory(b, 1), SocketFlags.None, stop);
                        await Task.Delay(300, stop);
                    }
                }
                catch (SocketException)
                {
                    // Dropped by the victim (upgrade timeout or refusal): come back.
                }
            }
        }

        await IgnoreCancellation(Task.WhenAll(Enumerable.Range(0, 80).Select(OneAsync)));
        return $"{connects} slow connections";
    }

    /// <summary>2,000 idle TCP sockets from 200 addresses in 10 subnets, held open.</summary>
    private static async Task<string> IdleSocketsAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        Multiaddress target = HostFixture.AddressOf(victim, ws: false);
        var sockets = new ConcurrentBag<Socket>();
        try
        {
            for (int batch = 0; batch < 20; batch++)
            {
                await Task.WhenAll(Enumerable.Range(batch * 100, 100).Select(async i =>
                    sockets.Add(await HostileFixture.ConnectRawAsync(target, HostileFixture.AttackerIp(i / 10, 20), stop))));
            }

            ready.TrySetResult();
            await IgnoreCancellation(Task.Delay(Timeout.Infinite, stop));
            return $"{sockets.Count} idle sockets";
        }
        finally
        {
            foreach (Socket s in sockets)
            {
                s.Dispose();
            }
        }
    }

    /// <summary>Three peers each open 16 echo streams, write 1 MiB into each and never read the echo.</summary>
    private static async Task<string> NeverReadsAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        var attackers = new List<Libp2pHost>();
        var writes = new List<Task>();
        try
        {
            for (int a = 0; a < 3; a++)
            {
                Libp2pHost m = await HostFixture.StartAsync(id => new Libp2pHostOptions(id) { ListenAddresses = [HostFixture.Tcp] });
                attackers.Add(m);
                await (await m.DialAsync(HostFixture.AddressOf(victim, ws: false), stop)).Identified.WaitAsync(stop);
                for (int i = 0; i < 16; i++)
                {
                    Libp2pStream s = await m.OpenStreamAsync(victim.PeerId, HostFixture.EchoProtocol, stop);
                    writes.Add(IgnoreCancellation(s.WriteAsync(new byte[1024 * 1024], stop).AsTask()));
                }
            }

            ready.TrySetResult();
            await IgnoreCancellation(Task.Delay(Timeout.Infinite, stop));
            return $"{writes.Count} streams never read, {writes.Count(w => w.IsCompleted)} of their 1 MiB writes completed";
        }
        finally
        {
            await Task.WhenAll(attackers.Select(m => m.DisposeAsync().AsTask()));
            await Task.WhenAll(writes);
        }
    }

    /// <summary>
    /// Three peers behind a proxy that delays their bytes by 300 ms (so they answer pings late: an inflated RTT) push
    /// data into 8 streams each to a fast reader, as hard as they can: window auto-tuning sees a slow link.
    /// </summary>
    private static async Task<string> InflatedRttAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        Assert.True(HostFixture.AddressOf(victim, ws: false).TryGetTcpEndPoint(out IPEndPoint? endPoint));
        await using var proxy = new DelayingProxy(endPoint!, TimeSpan.FromMilliseconds(300));
        var attackers = new List<Libp2pHost>();
        var pushes = new List<Task>();
        long pushed = 0;
        try
        {
            var via = Multiaddress.Parse($"/ip4/127.0.0.1/tcp/{proxy.EndPoint.Port}/p2p/{victim.PeerId}");
            for (int a = 0; a < 3; a++)
            {
                Libp2pHost m = await HostFixture.StartAsync(id => new Libp2pHostOptions(id) { ListenAddresses = [HostFixture.Tcp] });
                attackers.Add(m);
                await (await m.DialAsync(via, stop)).Identified.WaitAsync(stop);
                for (int i = 0; i < 8; i++)
                {
                    Libp2pStream s;
                    try
                    {
                        s = await m.OpenStreamAsync(victim.PeerId, SinkProtocol, stop);
                    }
                    catch (HostException e)
                    {
                        var u = victim.ResourceUsage;
                        throw new InvalidOperationException($"the victim refused attacker stream {i} of peer {a}; refusals: {string.Join(",", u.Refusals.Select(r => r.Key + "=" + r.Value))} mem={u.MemoryBytes} streams={u.Streams}", e);
                    }

                    pushes.Add(IgnoreCancellation(Task.Run(async () =>
                    {
                        var chunk = new byte[64 * 1024];
                        while (!stop.IsCancellationRequested)
                        {
                            await s.WriteAsync(chunk, stop);
                            Interlocked.Add(ref pushed, chunk.Length);
                        }
                    }, CancellationToken.None)));
                }
            }

            HashSet<PeerId> ids = attackers.Select(m => m.PeerId).ToHashSet();
            await HostileFixture.WaitForAsync(() => victim.Connections.Where(c => ids.Contains(c.RemotePeer)).All(c => c.Rtt >= TimeSpan.FromMilliseconds(300)), stop);
            ready.TrySetResult();
            await IgnoreCancellation(Task.Delay(Timeout.Infinite, stop));
            return $"{Interlocked.Read(ref pushed) / (1024 * 1024)} MiB pushed through 24 streams at an RTT of 300 ms or more";
        }
        finally
        {
            await Task.WhenAll(attackers.Select(m => m.DisposeAsync().AsTask()));
            await Task.WhenAll(pushes);
        }
    }

    /// <summary>Throwaway identities connect, identify and leave, one after another, filling the peer store.</summary>
    private static async Task<string> IdentityChurnAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        Multiaddress target = HostFixture.AddressOf(victim, ws: false);
        int churned = 0;
        while (!stop.IsCancellationRequested)
        {
            using var id = PeerIdentity.Generate();
            await using var m = new Libp2pHost(new Libp2pHostOptions(id));
            await m.StartAsync(CancellationToken.None);
            try
            {
                await (await m.DialAsync(target, stop)).Identified.WaitAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or HostException)
            {
                break;
            }

            if (++churned == 20)
            {
                ready.TrySetResult();
            }
        }

        return $"{churned} throwaway identities; peer store holds {victim.PeerStore.Count}";
    }

    /// <summary>400 sockets from 50 addresses in 4 subnets send half an HTTP upgrade request and wait, reconnecting when dropped.</summary>
    private static async Task<string> WebSocketFloodAsync(Libp2pHost victim, TaskCompletionSource ready, CancellationToken stop)
    {
        Multiaddress target = HostFixture.AddressOf(victim, ws: true);
        byte[] partial = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
        int connects = 0, started = 0;
        async Task OneAsync(int i)
        {
            while (!stop.IsCancellationRequested)
            {
                using Socket s = await HostileFixture.ConnectRawAsync(target, HostileFixture.AttackerIp(i / 8, 13), stop);
                Interlocked.Increment(ref connects);
                if (Interlocked.Increment(ref started) == 400)
                {
                    ready.TrySetResult();
                }

                try
                {
                    await s.SendAsync(partial, SocketFlags.None, stop);
                    // Wait until the victim drops us, then come back.
                    while (await s.ReceiveAsync(new byte[256], SocketFlags.None, stop) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                }
            }
        }

        await IgnoreCancellation(Task.WhenAll(Enumerable.Range(0, 400).Select(OneAsync)));
        return $"{connects} WebSocket upgrade attempts";
    }

    private static async Task IgnoreCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is HostException or System.IO.IOException or SocketException)
        {
            // The victim or the attacker closed the connection under the attack.
        }
    }
}
