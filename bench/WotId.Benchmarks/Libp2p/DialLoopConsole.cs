// Console mode `libp2p-dial-loop [n]`: the dial → identify benchmark as a plain loop with a stopwatch per phase
// (identity, host start, dial = TCP + multistream + Noise + muxer, identify, close), so the phases can be compared
// between builds in the same run. Medians over n fresh connections after a warm-up of n / 4.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>Hand-run dial → identify loop with a per-phase breakdown.</summary>
public static class DialLoopConsole
{
    /// <summary>Runs the mode named by args[0]; false when args[0] is not ours.</summary>
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "libp2p-dial-loop")
        {
            return false;
        }

        int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
        PrimitiveFloor();
        RunAsync(n).GetAwaiter().GetResult();
        return true;
    }

    /// <summary>The public-key operations of one dial (both ends), each timed alone: the CPU floor of a handshake.</summary>
    private static void PrimitiveFloor()
    {
        const int N = 2000;
        using var a = WotId.Crypto.X25519PrivateKey.Generate();
        using var b = WotId.Crypto.X25519PrivateKey.Generate();
        using PeerIdentity id = PeerIdentity.Generate();
        byte[] shared = new byte[32], msg = new byte[56];
        byte[] sig = id.Sign(msg);
        // Medians of single operations: robust against the other jobs of a shared machine.
        double Time(Action op)
        {
            for (int i = 0; i < N / 10; i++)
            {
                op();
            }

            var t = new double[N];
            for (int i = 0; i < N; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                op();
                t[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }

            Array.Sort(t);
            return t[N / 2];
        }

        double keygen = Time(() => WotId.Crypto.X25519PrivateKey.Generate().Dispose());
        double agree = Time(() => a.TryAgree(b.PublicKeySpan, shared));
        double sign = Time(() => id.Sign(msg));
        double verify = Time(() => id.PublicKey.Verify(msg, sig));
        double idgen = Time(() => PeerIdentity.Generate().Dispose());
        Console.WriteLine($"X25519 keygen {keygen:F1} µs, agree {agree:F1} µs; Ed25519 sign {sign:F1} µs, verify {verify:F1} µs; identity {idgen:F1} µs");
        // Per XX handshake and side: 2 keygens (static + ephemeral), 3 DH, 1 payload signature, 1 verification.
        double side = (2 * keygen) + (3 * agree) + sign + verify;
        Console.WriteLine($"Noise XX per side {side:F1} µs, both sides {2 * side:F1} µs (+ identify: 1 peer-record verification {verify:F1} µs)");
        // The critical path of dial → identified once the listener reuses its signed static key: each side's ephemeral
        // key, the responder's 2 DH (ee, es), the initiator's 3 DH (ee, es, se) and its check of the responder's
        // signature, the responder's DH (se) and check, and the initiator's check of the signed peer record.
        double path = (2 * keygen) + (6 * agree) + (3 * verify);
        Console.WriteLine($"critical-path crypto of dial → identified (2 keygen + 6 DH + 3 verify): {path:F0} µs");
    }

    private static async Task RunAsync(int n)
    {
        using PeerIdentity serverId = PeerIdentity.Generate();
        await using var server = new Libp2pHost(new Libp2pHostOptions(serverId) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")] });
        await server.StartAsync();
        Multiaddress target = server.AdvertisedAddresses[0];
        string[] names = ["identity", "start", "dial", "identify", "close", "total"];
        var samples = names.Select(_ => new List<double>(n)).ToArray();
        for (int i = 0; i < n + (n / 4); i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            using PeerIdentity id = PeerIdentity.Generate();
            long t1 = Stopwatch.GetTimestamp();
            var host = new Libp2pHost(new Libp2pHostOptions(id) { IdleTimeout = TimeSpan.Zero });
            await host.StartAsync();
            long t2 = Stopwatch.GetTimestamp();
            Libp2pConnection c = await host.DialAsync(target);
            long t3 = Stopwatch.GetTimestamp();
            await c.Identified;
            long t4 = Stopwatch.GetTimestamp();
            await host.DisposeAsync();
            long t5 = Stopwatch.GetTimestamp();
            if (i >= n / 4)
            {
                long[] t = [t0, t1, t2, t3, t4, t5];
                for (int k = 0; k < 5; k++)
                {
                    samples[k].Add(Stopwatch.GetElapsedTime(t[k], t[k + 1]).TotalMilliseconds);
                }

                samples[5].Add(Stopwatch.GetElapsedTime(t0, t5).TotalMilliseconds);
            }
        }

        for (int k = 0; k < names.Length; k++)
        {
            double[] s = [.. samples[k].Order()];
            Console.WriteLine($"{names[k],-9} median {s[s.Length / 2]:F3} ms  mean {s.Average():F3} ms  p10 {s[s.Length / 10]:F3}  p90 {s[s.Length * 9 / 10]:F3}");
        }
    }
}
