// One libp2p host for the NAT namespace and AutoNAT interop tests. Arguments: --listen ADDR, --relay-service,
// --hole-punching, --reserve RELAY_ADDR, --autonat-service (serve AutoNAT v2 with default limits: public addresses only). Prints JSON lines: {"event":"ready",...}, {"event":"reserved","circuit":...}, one
// {"event":"opened"|"closed",...} per connection, and one {"event":"result",...} per command. Commands on stdin:
// "dial ADDR", "echo PEER BYTES" (over a direct connection when there is one), "autonat SERVER_ADDR ADDR" (ask an
// AutoNAT v2 server to dial ADDR back), "quit". Exits when stdin closes.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Relay;

const string Echo = "/wotid/echo/1.0.0";
var listen = new List<Multiaddress>();
string? reserve = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--listen")
    {
        listen.Add(Multiaddress.Parse(args[++i]));
    }
    else if (args[i] == "--reserve")
    {
        reserve = args[++i];
    }
}

object gate = new();
void Out(object o)
{
    lock (gate)
    {
        Console.WriteLine(JsonSerializer.Serialize(o));
        Console.Out.Flush();
    }
}

using var identity = PeerIdentity.Generate();
await using var host = new Libp2pHost(new Libp2pHostOptions(identity)
{
    ListenAddresses = listen,
    RelayService = args.Contains("--relay-service") ? new RelayServiceOptions() : null,
    HolePunching = args.Contains("--hole-punching"),
    AutoNatService = args.Contains("--autonat-service") ? new WotId.Libp2p.Protocols.AutoNat.AutoNatServiceOptions() : null,
    LoggerFactory = new StderrLoggerFactory(),
});
host.SetHandler(Echo, async (stream, ct) =>
{
    var buffer = new byte[65536];
    int n;
    while ((n = await stream.ReadAsync(buffer, ct)) > 0)
    {
        await stream.WriteAsync(buffer.AsMemory(0, n), ct);
    }
});
await host.StartAsync();
using var stop = new CancellationTokenSource();
Task events = Task.Run(async () =>
{
    try
    {
        await foreach (HostEvent e in host.ReadEventsAsync(stop.Token))
        {
            if (e.Kind is HostEventKind.ConnectionOpened or HostEventKind.ConnectionClosed && e.Connection is { } c)
            {
                Out(new
                {
                    @event = e.Kind == HostEventKind.ConnectionOpened ? "opened" : "closed",
                    peer = c.RemotePeer.ToString(),
                    relayed = c.IsRelayed,
                    initiator = c.IsInitiator,
                    remote = c.RemoteAddress.ToString(),
                    reason = e.Reason,
                });
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
});
Out(new { @event = "ready", peerId = host.PeerId.ToString(), addrs = host.AdvertisedAddresses.Select(a => a.ToString()).ToArray() });

RelayReservationLease? lease = null;
if (reserve is not null)
{
    lease = await host.ReserveAsync(Multiaddress.Parse(reserve));
    Out(new { @event = "reserved", circuit = lease.CircuitAddresses[0].ToString() });
}

string? line;
while ((line = await Console.In.ReadLineAsync()) is not null && line != "quit")
{
    string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    try
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        switch (parts[0])
        {
            case "dial":
                Libp2pConnection c = await host.DialAsync(Multiaddress.Parse(parts[1]), cts.Token);
                Out(new { @event = "result", ok = true, peer = c.RemotePeer.ToString(), relayed = c.IsRelayed });
                break;
            case "echo":
                PeerId peer = PeerId.Parse(parts[1]);
                Libp2pConnection conn = host.Connections.Where(x => x.RemotePeer == peer).OrderBy(x => x.IsRelayed).First();
                byte[] data = RandomNumberGenerator.GetBytes(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                await using (Libp2pStream s = await conn.OpenStreamAsync(Echo, cts.Token))
                {
                    Task send = Task.Run(async () => { await s.WriteAsync(data, cts.Token); s.CompleteWrites(); }, cts.Token);
                    var back = new System.IO.MemoryStream();
                    await s.CopyToAsync(back, cts.Token);
                    await send;
                    Out(new { @event = "result", ok = back.ToArray().AsSpan().SequenceEqual(data), relayed = conn.IsRelayed, remote = conn.RemoteAddress.ToString() });
                }

                break;
            case "autonat":
                Libp2pConnection server = await host.DialAsync(Multiaddress.Parse(parts[1]), cts.Token);
                WotId.Libp2p.Protocols.AutoNat.AutoNatCheckResult r = await host.CheckReachabilityAsync(server.RemotePeer, Multiaddress.Parse(parts[2]), cts.Token);
                Out(new { @event = "result", ok = true, outcome = r.Outcome.ToString(), detail = r.Detail, dialData = r.DialDataSent, reachability = host.Reachability.ToString() });
                break;
            default:
                Out(new { @event = "result", ok = false, error = "unknown command" });
                break;
        }
    }
    catch (Exception ex) when (ex is System.IO.IOException or OperationCanceledException or FormatException or InvalidOperationException)
    {
        Out(new { @event = "result", ok = false, error = ex.GetType().Name + ": " + ex.Message });
    }
}

if (lease is not null)
{
    await lease.DisposeAsync();
}

await stop.CancelAsync();
await host.StopAsync();
await events;

/// <summary>Debug-level log lines on stderr (the test shows them when it fails).</summary>
internal sealed class StderrLoggerFactory : Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILogger
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Trace;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.Error.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + " " + formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message));

    public void Dispose()
    {
    }
}
