// Console mode `libp2p-soak [peers] [messages/s per peer] [seconds] [hostile %] [--keep-alive S] [--ping-timeout S]
// [--drain S]` (issue "Hostile peers", soak): one server host, `peers` client hosts in the same process each with its
// own identity and connection, each sending numbered 64-byte messages on one long-lived stream at the given rate; the
// server acknowledges every message with its number (SoakPeer). A dropped honest connection does not end the run: the
// peer reconnects, resends what was not acknowledged, and the reconnects are reported. At the end every peer should
// have every acknowledgement (zero loss); the mode prints the round-trip percentiles, the server's heap and working
// set, its resource counters, and the reconnects. `--keep-alive` and `--ping-timeout` set the honest clients' Yamux
// keep-alive interval and ping timeout (defaults: YamuxOptions, 30 s and 30 s; the server keeps the defaults, as a
// node does); `--drain` is how long after the sending period the peers may still wait for acknowledgements (60 s).
// With a hostile share, that many extra peers attack at the same time (SoakAttack). The server's gate verifies only the
// honest peers, so the connection manager trims the hostile ones (the honest peers are protected, as the node protects
// its contacts).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Yamux;

namespace WotId.Benchmarks.Libp2p;

/// <summary>The soak run: many peers, steady message rate, optional hostile share.</summary>
public static class SoakConsole
{
    internal const string ChatProtocol = "/wotid/soak/1.0.0";
    internal const int MessageSize = 64;

    /// <summary>Runs the mode when args[0] is <c>libp2p-soak</c>.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "libp2p-soak")
        {
            return false;
        }

        var numbers = new List<int>();
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                named[args[i]] = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                numbers.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }

        int n(int i, int d) => numbers.Count > i ? numbers[i] : d;
        TimeSpan s(string name, double d) => TimeSpan.FromSeconds(named.GetValueOrDefault(name, d));
        var settings = new SoakSettings(n(0, 1000), n(1, 10), n(2, 60), n(3, 0))
        {
            KeepAlive = s("--keep-alive", YamuxOptions.Default.KeepAliveInterval.TotalSeconds),
            PingTimeout = s("--ping-timeout", YamuxOptions.Default.PingTimeout.TotalSeconds),
            Drain = s("--drain", 60),
        };
        RunAsync(settings).GetAwaiter().GetResult();
        return true;
    }

    private static async Task RunAsync(SoakSettings settings)
    {
        int peers = settings.Peers;
        var honest = new ConcurrentDictionary<PeerId, bool>();
        var server = new SoakServer();
        using PeerIdentity serverId = PeerIdentity.Generate();
        await using var host = new Libp2pHost(new Libp2pHostOptions(serverId)
        {
            ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), Multiaddress.Parse("/ip4/127.0.0.1/tcp/0/ws")],
            // Every peer dials from 127.0.0.1 in this run: the per-IP and per-subnet limits are raised to let them in.
            MaxInboundPerIp = 64,
            MaxInboundConnections = peers + 512,
            Resources = new ResourceLimits { MaxInboundPerSubnet = 64 },
            ConnectionGate = new SoakGate(honest),
            ConnectionManager = new ConnectionManagerOptions { LowWater = peers, HighWater = peers + 50, GracePeriod = TimeSpan.FromSeconds(5), CheckInterval = TimeSpan.FromSeconds(2) },
        });
        host.SetHandler(ChatProtocol, server.ServeAsync);
        await host.StartAsync();
        Multiaddress address = host.AdvertisedAddresses.First(a => !a.ToString().Contains("/ws", StringComparison.Ordinal));
        Multiaddress wsAddress = host.AdvertisedAddresses.First(a => a.ToString().Contains("/ws", StringComparison.Ordinal));
        long heap0 = GC.GetTotalMemory(forceFullCollection: true);
        long ws0 = Environment.WorkingSet;

        var clients = new ConcurrentBag<Libp2pHost>();
        var identities = new ConcurrentBag<PeerIdentity>();
        var dialGate = new SemaphoreSlim(32);
        int setupRetries = 0;
        long setup = Stopwatch.GetTimestamp();
        var yamux = new YamuxOptions { KeepAliveInterval = settings.KeepAlive, PingTimeout = settings.PingTimeout };
        await Task.WhenAll(Enumerable.Range(0, peers).Select(async _ =>
        {
            var id = PeerIdentity.Generate();
            identities.Add(id);
            honest[id.PeerId] = true;
            var c = new Libp2pHost(new Libp2pHostOptions(id) { Yamux = yamux });
            clients.Add(c);
            await c.StartAsync();
            await dialGate.WaitAsync();
            try
            {
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        await (await c.DialAsync(address)).Identified;
                        break;
                    }
                    catch (Exception e) when (e is System.IO.IOException && attempt < 10)
                    {
                        // An upgrade that timed out on a loaded machine: dial again.
                        Interlocked.Increment(ref setupRetries);
                    }
                }
            }
            finally
            {
                dialGate.Release();
            }
        }));
        foreach (PeerId p in honest.Keys)
        {
            // As the node does for its contacts: a conversation partner is never trimmed.
            host.ConnectionManager.Protect(p, "contact");
        }

        Console.WriteLine($"{peers} peers connected in {Stopwatch.GetElapsedTime(setup).TotalSeconds:F1} s ({setupRetries} dials repeated); client keep-alive {settings.KeepAlive.TotalSeconds:0.###} s, ping timeout {settings.PingTimeout.TotalSeconds:0.###} s");

        using var stop = new CancellationTokenSource();
        int hostile = peers * settings.HostilePercent / 100;
        Task attack = hostile > 0 ? SoakAttack.RunAsync(address, wsAddress, hostile, stop.Token) : Task.CompletedTask;
        var sampler = new SoakSampler(host);
        Task sampling = sampler.RunAsync(stop.Token);

        var chats = clients.Select(c => new SoakPeer(c, host.PeerId, settings.Rate, settings.Seconds)).ToList();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(settings.Seconds) + settings.Drain);
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(chats.Select(c => Task.Run(() => c.RunAsync(giveUp.Token))));
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        ResourceUsage usage = host.ResourceUsage;
        await stop.CancelAsync();
        await attack;
        await sampling;

        SoakReport.Print(settings, hostile, chats, server, sampler, usage, host.ConnectionManager.TrimmedCount, elapsed, heap0, ws0);
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        foreach (PeerIdentity id in identities)
        {
            id.Dispose();
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
