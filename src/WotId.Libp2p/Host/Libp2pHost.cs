// A libp2p host: listens, dials, upgrades connections (multistream /noise → Noise → early or negotiated
// /yamux/1.0.0 → Yamux), serves registered protocols, runs identify on every connection, and enforces connection
// limits. libp2p/specs connections/README.md; the swarm/connection split follows rust-libp2p swarm/src/lib.rs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Noise;
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
    private readonly TaskSet _tasks;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly Channel<HostEvent> _events;
    private int _state;
    private readonly InboundLimiter _inbound;
    private int _pendingOutbound;
    private byte[]? _signedRecord;
    private ulong _recordSequence;
    private NoiseStaticKey? _noiseStatic;

    /// <summary>Creates a host (not yet listening).</summary>
    public Libp2pHost(Libp2pHostOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentNullException.ThrowIfNull(options.LoggerFactory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EventCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInboundConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOutboundConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnectionsPerPeer, 1);
        _time = options.TimeProvider;
        Logger = options.LoggerFactory.CreateLogger("WotId.Libp2p.Host");
        _resources = new ResourceManager(options.Resources ?? throw new ArgumentNullException(nameof(options)), Logger);
        ConnectionManager = new ConnectionManager(this, options.ConnectionManager ?? throw new ArgumentNullException(nameof(options)));
        _inbound = new InboundLimiter(
            options.MaxPendingInbound, options.MaxInboundPerIp, _time, Math.Max(options.Resources.MaxInboundPerSubnet, options.MaxInboundPerIp))
        {
            Refused = r => _resources.Count(ResourceKindOf(ConnectionKindOf(r))),
        };
        _tasks = new TaskSet(Logger);
        _events = CreateEventChannel(this, options.EventCapacity);
        _transports = options.Transports ?? [new WebSocketTransport(options.LoggerFactory), new TcpTransport { ReusePort = options.HolePunching }];
        _handlers[IdentifyProtocol.ProtocolId] = HandleIdentifyAsync;
        _handlers[IdentifyProtocol.PushProtocolId] = HandleIdentifyPushAsync;
        _handlers[PingProtocol.ProtocolId] = (s, ct) => PingProtocol.HandleAsync(s, _time, options.PingTimeout, ct);
        if (options.ServePerf)
        {
            _handlers[PerfProtocol.ProtocolId] = static (s, ct) => PerfProtocol.HandleAsync(s, ct);
        }

        InitRelay();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.AutoNatConfirmations, 1);
        InitAutoNat();
    }

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

    /// <summary>
    /// The listen addresses with <c>/p2p/&lt;our id&gt;</c> appended, as shared with others, followed by our circuit
    /// addresses on the relays we hold reservations on (<see cref="Reservations"/>).
    /// </summary>
    public IReadOnlyList<Multiaddress> AdvertisedAddresses =>
        ListenAddresses.Select(a => a.Encapsulate("/p2p/" + PeerId)).Concat(Reservations.SelectMany(r => r.CircuitAddresses)).ToList();

    /// <summary>Open connections.</summary>
    public IReadOnlyList<Libp2pConnection> Connections
    {
        get { lock (_lock) { return _connections.ToList(); } }
    }

    internal TimeProvider Time => _time;

    /// <summary>Inbound connections in their upgrade now (TCP and WebSocket), for tests and diagnostics.</summary>
    internal int PendingInboundCount => _inbound.Pending;

    internal ILogger Logger { get; }

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
            // A transport that upgrades before handing connections over (WebSocket) admits them through our limiter.
            ITransportListener listener = transport is IAdmittingTransport admitting
                ? await admitting.ListenAsync(address, _inbound, cancellationToken).ConfigureAwait(false)
                : await transport.ListenAsync(address, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                _listeners.Add(listener);
            }

            Log.Listening(Logger, PeerId, listener.LocalAddress);
            _tasks.Add(AcceptLoopAsync(listener, admitsItself: transport is IAdmittingTransport));
        }

        ResealPeerRecord();

        // A listening host signs one Noise static key for all its handshakes (the responder then only pays for its
        // ephemeral key); a dial-only host makes one per connection, after its first message is sent.
        if (_listeners.Count > 0)
        {
            _noiseStatic = NoiseStaticKey.Create(_options.Identity);
        }

        if (_options.IdleTimeout > TimeSpan.Zero)
        {
            _tasks.Add(IdleLoopAsync());
        }

        _tasks.Add(TrimLoopAsync());
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
        _events.Writer.TryComplete();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _noiseStatic?.Dispose();
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

    /// <summary>
    /// Accepts and upgrades inbound connections. Unless the listener admits its connections itself (WebSocket, whose
    /// ready connections already hold their slots), the loop accepts only while a pending-inbound slot is free.
    /// </summary>
    private async Task AcceptLoopAsync(ITransportListener listener, bool admitsItself)
    {
        CancellationToken stop = _stopping.Token;
        while (!stop.IsCancellationRequested)
        {
            TransportConnection raw;
            try
            {
                if (!admitsItself)
                {
                    await _inbound.WaitForRoomAsync(stop).ConfigureAwait(false);
                }

                raw = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (TransportException ex)
            {
                Log.AcceptFailed(Logger, listener.LocalAddress, ex);
                continue;
            }

            InboundLease? lease = Admit(raw);
            if (lease is null)
            {
                raw.Abort();
                await raw.DisposeAsync().ConfigureAwait(false);
                continue;
            }

            if (!_punches.IsEmpty && TryTakePunched(raw, lease))
            {
                continue;
            }

            _tasks.Add(UpgradeInboundAsync(raw, lease));
        }
    }

    /// <summary>
    /// The pending-inbound slot of a new connection (taken over from its listener, or taken here), or null when a
    /// limit refuses it (logged as a Warning with the limit).
    /// </summary>
    private InboundLease? Admit(TransportConnection raw)
    {
        InboundLease? lease = raw.AdmissionLease;
        raw.AdmissionLease = null;
        if (lease is null)
        {
            lease = _inbound.TryAdmit(IpOf(raw.RemoteAddress), out InboundRefusal refusal);
            if (lease is null)
            {
                Log.InboundRefused(Logger, raw.RemoteAddress, ConnectionKindOf(refusal), _inbound.LimitOf(refusal));
                return null;
            }
        }

        if (InboundCount() >= _options.MaxInboundConnections)
        {
            lease.Dispose();
            _resources.Count(ResourceLimitKind.InboundConnections);
            Log.InboundRefused(Logger, raw.RemoteAddress, ConnectionLimitKind.InboundConnections, _options.MaxInboundConnections);
            return null;
        }

        return lease;
    }

    private int InboundCount()
    {
        lock (_lock)
        {
            return _connections.Count(c => !c.IsInitiator);
        }
    }

    private static System.Net.IPAddress? IpOf(Multiaddress address)
    {
        MultiaddrComponent first = address.Components[0];
        return first.Code is MultiaddrCodes.Ip4 or MultiaddrCodes.Ip6 ? new System.Net.IPAddress(first.RawValue.Span) : null;
    }

    private async Task UpgradeInboundAsync(TransportConnection raw, InboundLease lease)
    {
        try
        {
            await UpgradeAsync(raw, initiator: false, expected: null, _stopping.Token).ConfigureAwait(false);
        }
        catch (HostException ex)
        {
            // A failed inbound upgrade only costs that peer its connection.
            Log.InboundUpgradeFailed(Logger, raw.RemoteAddress, ex);
        }
        finally
        {
            lease.Dispose();
        }
    }

    private async Task IdleLoopAsync()
    {
        TimeSpan period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond / 10, Math.Min(_options.IdleTimeout.Ticks / 4, TimeSpan.TicksPerSecond * 5)));
        try
        {
            while (true)
            {
                await Task.Delay(period, _time, _stopping.Token).ConfigureAwait(false);
                long now = _time.GetTimestamp();
                foreach (Libp2pConnection c in Connections)
                {
                    if (c.Session.StreamCount == 0 && _time.GetElapsedTime(c.LastActivity, now) > _options.IdleTimeout
                        && c.KeepAliveUntil <= _time.GetUtcNow().ToUnixTimeSeconds())
                    {
                        await c.CloseAsync("idle").ConfigureAwait(false);
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
