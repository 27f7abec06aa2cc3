// A libp2p host: listens, dials, upgrades connections (multistream /noise → Noise → early or negotiated
// /yamux/1.0.0 → Yamux), serves registered protocols, runs identify on every connection, and enforces connection
// limits. libp2p/specs connections/README.md; design per shared notes libp2p.md §1 and §17.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Perf;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Host;

/// <summary>A libp2p node: start it, register handlers, dial peers and open protocol streams.</summary>
public sealed partial class Libp2pHost : IAsyncDisposable
{
    private readonly Libp2pHostOptions _options;
    private readonly IReadOnlyList<ITransport> _transports;
    private readonly ConcurrentDictionary<string, StreamHandler> _handlers = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly List<ITransportListener> _listeners = new();
    private readonly List<Libp2pConnection> _connections = new();
    private readonly TaskSet _tasks = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _state;
    private int _pending;
    private byte[]? _signedRecord;

    /// <summary>Creates a host (not yet listening).</summary>
    public Libp2pHost(Libp2pHostOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _transports = options.Transports ?? [new WebSocketTransport(), new TcpTransport()];
        _handlers[IdentifyProtocol.ProtocolId] = HandleIdentifyAsync;
        _handlers[IdentifyProtocol.PushProtocolId] = HandleIdentifyPushAsync;
        _handlers[PingProtocol.ProtocolId] = static (s, ct) => PingProtocol.HandleAsync(s, ct);
        if (options.ServePerf)
        {
            _handlers[PerfProtocol.ProtocolId] = static (s, ct) => PerfProtocol.HandleAsync(s, ct);
        }
    }

    /// <summary>A connection finished its upgrade.</summary>
    public event EventHandler<ConnectionEventArgs>? ConnectionOpened;

    /// <summary>A connection closed.</summary>
    public event EventHandler<ConnectionEventArgs>? ConnectionClosed;

    /// <summary>Identify completed on a connection.</summary>
    public event EventHandler<ConnectionEventArgs>? PeerIdentified;

    /// <summary>Our peer id.</summary>
    public PeerId PeerId => _options.Identity.PeerId;

    /// <summary>What we know about other peers.</summary>
    public PeerStore PeerStore { get; } = new();

    /// <summary>The options in force.</summary>
    public Libp2pHostOptions Options => _options;

    /// <summary>The bound listen addresses (real ports), without <c>/p2p</c>.</summary>
    public IReadOnlyList<Multiaddress> ListenAddresses
    {
        get { lock (_lock) { return _listeners.Select(l => l.LocalAddress).ToList(); } }
    }

    /// <summary>The listen addresses with <c>/p2p/&lt;our id&gt;</c> appended, as shared with others.</summary>
    public IReadOnlyList<Multiaddress> AdvertisedAddresses =>
        ListenAddresses.Select(a => a.Encapsulate("/p2p/" + PeerId)).ToList();

    /// <summary>Open connections.</summary>
    public IReadOnlyList<Libp2pConnection> Connections
    {
        get { lock (_lock) { return _connections.ToList(); } }
    }

    /// <summary>Protocols served inbound.</summary>
    public IReadOnlyCollection<string> Protocols => _handlers.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Binds the listen addresses and starts accepting connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new HostException(HostError.NotRunning, "the host was already started");
        }

        foreach (Multiaddress address in _options.ListenAddresses)
        {
            ITransport transport = _transports.FirstOrDefault(t => t.CanListen(address))
                ?? throw new HostException(HostError.NoTransport, "no transport can listen on " + address);
            ITransportListener listener = await transport.ListenAsync(address, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                _listeners.Add(listener);
            }

            _tasks.Add(AcceptLoopAsync(listener));
        }

        var record = new PeerRecord(PeerId, (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ListenAddresses);
        _signedRecord = record.Seal(_options.Identity);
        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            _tasks.Add(IdleLoopAsync());
        }
    }

    /// <summary>Stops listening, closes every connection and waits for all background work.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        List<ITransportListener> listeners;
        List<Libp2pConnection> connections;
        lock (_lock)
        {
            listeners = _listeners.ToList();
            connections = _connections.ToList();
        }

        foreach (ITransportListener l in listeners)
        {
            await l.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(connections.Select(c => c.CloseAsync().AsTask())).ConfigureAwait(false);
        await _tasks.WhenAllAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Registers (or replaces) the handler of <paramref name="protocolId"/>; connected peers get an identify push.</summary>
    public void SetHandler(string protocolId, StreamHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[protocolId] = handler;
        SchedulePush();
    }

    /// <summary>Removes a handler; connected peers get an identify push.</summary>
    public void RemoveHandler(string protocolId)
    {
        if (_handlers.TryRemove(protocolId, out _))
        {
            SchedulePush();
        }
    }

    private async Task AcceptLoopAsync(ITransportListener listener)
    {
        CancellationToken stop = _stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            TransportConnection raw;
            try
            {
                raw = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (TransportException)
            {
                continue;
            }

            int load;
            lock (_lock)
            {
                load = _connections.Count + _pending;
                if (load < _options.MaxConnections)
                {
                    _pending++;
                }
            }

            if (load >= _options.MaxConnections)
            {
                raw.Abort();
                await raw.DisposeAsync().ConfigureAwait(false);
                continue;
            }

            _tasks.Add(UpgradeInboundAsync(raw));
        }
    }

    private async Task UpgradeInboundAsync(TransportConnection raw)
    {
        try
        {
            await UpgradeAsync(raw, initiator: false, expected: null, _stopping.Token).ConfigureAwait(false);
        }
        catch (HostException)
        {
            // A failed inbound upgrade only costs that peer its connection.
        }
        finally
        {
            lock (_lock)
            {
                _pending--;
            }
        }
    }

    private async Task IdleLoopAsync()
    {
        TimeSpan period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond / 10, Math.Min(_options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond * 5)));
        try
        {
            while (true)
            {
                await Task.Delay(period, _stopping.Token).ConfigureAwait(false);
                long now = Stopwatch.GetTimestamp();
                foreach (Libp2pConnection c in Connections)
                {
                    if (c.Session.StreamCount == 0 && Stopwatch.GetElapsedTime(c.LastActivity, now) > _options.IdleTimeout)
                    {
                        await c.CloseAsync().ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
