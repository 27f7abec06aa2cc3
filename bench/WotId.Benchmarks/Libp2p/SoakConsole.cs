// Console mode `libp2p-soak [peers] [messages/s per peer] [seconds] [hostile %]` (issue "Hostile peers", soak): one
// server host, `peers` client hosts in the same process each with its own identity and connection, each sending
// numbered 64-byte messages on one long-lived stream at the given rate; the server acknowledges every message with
// its number. At the end every peer must have every acknowledgement (zero loss); the mode prints the round-trip
// percentiles, the server's heap and working set, and its resource counters. With a hostile share, that many extra
// peers attack at the same time, a mix of the hostile-peer suite's attacks in four equal parts: raw TCP sockets that
// never start a handshake, slow-loris sockets dribbling a multistream header a byte every 300 ms, WebSocket upgrade
// floods (half a request, reconnecting at once when dropped), and throwaway identities that connect and open-and-reset
// streams in a loop; every one reconnects when dropped. The server's gate verifies only the honest peers, so the
// connection manager trims the hostile ones (the honest peers are protected, as the node protects its contacts).
using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>The soak run: many peers, steady message rate, optional hostile share.</summary>
public static class SoakConsole
{
    private const string ChatProtocol = "/wotid/soak/1.0.0";
    private const int MessageSize = 64;

    /// <summary>Runs the mode when args[0] is <c>libp2p-soak</c>.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "libp2p-soak")
        {
            return false;
        }

        int n(int i, int d) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : d;
        RunAsync(n(1, 1000), n(2, 10), n(3, 60), n(4, 0)).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(int peers, int rate, int seconds, int hostilePercent)
    {
        var honest = new ConcurrentDictionary<PeerId, bool>();
        using PeerIdentity serverId = PeerIdentity.Generate();
        await using var server = new Libp2pHost(new Libp2pHostOptions(serverId)
        {
            ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), Multiaddress.Parse("/ip4/127.0.0.1/tcp/0/ws")],
            // Every peer dials from 127.0.0.1 in this run: the per-IP and per-subnet limits are raised to let them in.
            MaxInboundPerIp = 64,
            MaxInboundConnections = peers + 512,
            Resources = new ResourceLimits { MaxInboundPerSubnet = 64 },
            ConnectionGate = new SoakGate(honest),
            ConnectionManager = new ConnectionManagerOptions { LowWater = peers, HighWater = peers + 50, GracePeriod = TimeSpan.FromSeconds(5), CheckInterval = TimeSpan.FromSeconds(2) },
        });
        server.SetHandler(ChatProtocol, ServeChatAsync);
        await server.StartAsync();
        Multiaddress address = server.AdvertisedAddresses.First(a => !a.ToString().Contains("/ws", StringComparison.Ordinal));
        Multiaddress wsAddress = server.AdvertisedAddresses.First(a => a.ToString().Contains("/ws", StringComparison.Ordinal));
        long heap0 = GC.GetTotalMemory(forceFullCollection: true);
        long ws0 = Environment.WorkingSet;

        var clients = new List<Libp2pHost>();
        var identities = new ConcurrentBag<PeerIdentity>();
        var dialGate = new SemaphoreSlim(32);
        long setup = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, peers).Select(async _ =>
        {
            var id = PeerIdentity.Generate();
            identities.Add(id);
            honest[id.PeerId] = true;
            var c = new Libp2pHost(new Libp2pHostOptions(id));
            await c.StartAsync();
            await dialGate.WaitAsync();
            try
            {
                await (await c.DialAsync(address)).Identified;
            }
            finally
            {
                dialGate.Release();
            }

            lock (clients)
            {
                clients.Add(c);
            }
        }));
        foreach (PeerId p in honest.Keys)
        {
            // As the node does for its contacts: a conversation partner is never trimmed.
            server.ConnectionManager.Protect(p, "contact");
        }

        Console.WriteLine($"{peers} peers connected in {Stopwatch.GetElapsedTime(setup).TotalSeconds:F1} s");

        using var stop = new CancellationTokenSource();
        int hostile = peers * hostilePercent / 100;
        Task attack = hostile > 0 ? AttackAsync(address, wsAddress, hostile, stop.Token) : Task.CompletedTask;

        var rtts = new ConcurrentBag<double[]>();
        long sent = 0, acked = 0, peakHeap = 0, peakWindows = 0;
        int peakStreams = 0, peakPending = 0;
        Task sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                ResourceUsage u = server.ResourceUsage;
                peakWindows = Math.Max(peakWindows, u.MemoryBytes);
                peakStreams = Math.Max(peakStreams, u.Streams);
                peakPending = Math.Max(peakPending, u.PendingInbound);
                await Task.Delay(500).ConfigureAwait(false);
            }
        });
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            var (s, a, samples) = await ChatAsync(c, server.PeerId, rate, seconds);
            Interlocked.Add(ref sent, s);
            Interlocked.Add(ref acked, a);
            rtts.Add(samples);
        })));
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        ResourceUsage usage = server.ResourceUsage;
        await stop.CancelAsync();
        await attack;
        await sampler;

        double[] all = rtts.SelectMany(x => x).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * q))];
        Console.WriteLine($"{peers} peers x {rate}/s for {seconds} s (+{hostile} hostile): sent {sent}, acknowledged {acked}, lost {sent - acked}, {acked / elapsed:F0} msg/s");
        Console.WriteLine($"round trip ms: p50 {P(0.50):F1}, p99 {P(0.99):F1}, p99.9 {P(0.999):F1}, max {(all.Length == 0 ? 0 : all[^1]):F1}");
        Console.WriteLine($"process: heap {heap0 / 1048576.0:F0} -> peak {peakHeap / 1048576.0:F0} MiB; working set {ws0 / 1048576.0:F0} -> {Environment.WorkingSet / 1048576.0:F0} MiB (clients and server in one process)");
        Console.WriteLine($"server peaks: {peakStreams} streams, {peakPending} pending inbound, {peakWindows / 1048576.0:F0} MiB receive windows");
        Console.WriteLine($"server at the end: {usage.InboundConnections} in, {usage.PendingInbound} pending, {usage.TransientConnections} unverified, trimmed {server.ConnectionManager.TrimmedCount}; refusals {string.Join(", ", usage.RefusalsByScope.Where(r => r.Value > 0).Select(r => r.Key + " " + r.Value))}");
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        foreach (PeerIdentity id in identities)
        {
            id.Dispose();
        }
    }

    private static async Task ServeChatAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        var message = new byte[MessageSize];
        var ack = new byte[4];
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(message, cancellationToken);
            }
            catch (System.IO.EndOfStreamException)
            {
                return;
            }

            message.AsSpan(0, 4).CopyTo(ack);
            await stream.WriteAsync(ack, cancellationToken);
        }
    }

    private static async Task<(long Sent, long Acked, double[] Rtts)> ChatAsync(Libp2pHost client, PeerId server, int rate, int seconds)
    {
        await using Libp2pStream stream = await OpenAsync(client, server);
        int total = rate * seconds;
        var sentAt = new long[total];
        var rtts = new double[total];
        long acked = 0;
        Task reader = Task.Run(async () =>
        {
            var ack = new byte[4];
            for (int i = 0; i < total; i++)
            {
                await stream.ReadExactlyAsync(ack);
                int n = BinaryPrimitives.ReadInt32LittleEndian(ack);
                if (n != i)
                {
                    throw new InvalidOperationException($"acknowledgement {n} where {i} was due");
                }

                rtts[i] = Stopwatch.GetElapsedTime(sentAt[i]).TotalMilliseconds;
                acked++;
            }
        });
        var message = new byte[MessageSize];
        long t0 = Stopwatch.GetTimestamp();
        // Spread the peers' send times over the first period.
        await Task.Delay(Random.Shared.Next(1000 / rate));
        for (int i = 0; i < total; i++)
        {
            TimeSpan due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(t0);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            BinaryPrimitives.WriteInt32LittleEndian(message, i);
            sentAt[i] = Stopwatch.GetTimestamp();
            await stream.WriteAsync(message);
        }

        await reader.WaitAsync(TimeSpan.FromSeconds(60));
        stream.CompleteWrites();
        return (total, acked, rtts);
    }

    /// <summary>Opens the chat stream, retrying while the server's gate has not opened yet (it answers "na").</summary>
    private static async Task<Libp2pStream> OpenAsync(Libp2pHost client, PeerId server)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await client.OpenStreamAsync(server, ChatProtocol);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported && attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task AttackAsync(Multiaddress address, Multiaddress wsAddress, int hostile, CancellationToken stop)
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
                            (await c.OpenStreamAsync(ChatProtocol, stop)).Abort();
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

    /// <summary>Opens the gate for the honest peers only: hostile ones stay unverified and are trimmed first.</summary>
    private sealed class SoakGate(ConcurrentDictionary<PeerId, bool> honest) : IConnectionGate
    {
        public IReadOnlyCollection<string> PreVerificationProtocols { get; } = [];

        public ValueTask<ConnectionGateDecision> OnIdentifiedAsync(Libp2pConnection connection, CancellationToken cancellationToken) =>
            ValueTask.FromResult(honest.ContainsKey(connection.RemotePeer) ? ConnectionGateDecision.Open : ConnectionGateDecision.Hold);
    }
}
