// Dialing and the connection upgrade: multistream-select /noise (optimistic on the dialer's side), Noise XX with early muxer negotiation, then
// /yamux/1.0.0 (or a multistream round when either side sent no muxer list). libp2p/specs connections/README.md,
// connections/inlined-muxer-negotiation.md.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    /// <summary>The muxer protocol id.</summary>
    public const string YamuxProtocolId = "/yamux/1.0.0";

    private static readonly string[] s_noise = [NoiseSecuredStream.ProtocolId];
    private static readonly string[] s_yamux = [YamuxProtocolId];

    /// <summary>
    /// Connects to <paramref name="address"/> (reusing an open connection when it names a peer we are connected to).
    /// When the address ends in <c>/p2p/&lt;id&gt;</c> the remote must prove that identity.
    /// </summary>
    /// <exception cref="HostException">No transport, limits, or a failed upgrade.</exception>
    public Task<Libp2pConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken = default) =>
        DialCoreAsync(address, reuse: true, cancellationToken);

    /// <summary>
    /// Opens a new connection to <paramref name="address"/> even when one to the same peer is open (whoever dialled
    /// it), so that this host is the initiator of the connection returned, e.g. to run a protocol that only the
    /// dialler of a connection starts. The per-peer and outbound limits apply as for <see cref="DialAsync"/>.
    /// </summary>
    /// <exception cref="HostException">No transport, limits, or a failed upgrade.</exception>
    public Task<Libp2pConnection> DialNewAsync(Multiaddress address, CancellationToken cancellationToken = default) =>
        DialCoreAsync(address, reuse: false, cancellationToken);

    private async Task<Libp2pConnection> DialCoreAsync(Multiaddress address, bool reuse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ThrowIfNotRunning();
        PeerId? expected = address.PeerId;
        if (expected == PeerId)
        {
            throw new HostException(HostError.DialSelf, "refusing to dial ourselves");
        }

        if (reuse && expected is not null && TryGetConnection(expected, out Libp2pConnection? existing))
        {
            return existing!;
        }

        if (address.Contains(MultiaddrCodes.P2pCircuit))
        {
            return await DialCircuitAsync(address, cancellationToken).ConfigureAwait(false);
        }

        ITransport transport = _transports.FirstOrDefault(t => t.CanDial(address))
            ?? throw new HostException(HostError.NoTransport, "no transport can dial " + address);
        lock (_lock)
        {
            // Only our own dials count here: inbound connections, established or pending, never fail a dial.
            if (_connections.Count(c => c.IsInitiator) + _pendingOutbound >= _options.MaxOutboundConnections)
            {
                _resources.Count(ResourceLimitKind.OutboundConnections);
                Log.OutboundRefused(Logger, address, _options.MaxOutboundConnections);
                throw new HostException(HostError.ConnectionLimit, "outbound connection limit reached")
                {
                    Limit = ConnectionLimitKind.OutboundConnections,
                    Scope = ResourceScope.System,
                };
            }

            _pendingOutbound++;
        }

        try
        {
            using var stopOrCaller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
            using var timeout = new TimeoutScope(_time, _options.UpgradeTimeout, stopOrCaller.Token);
            TransportConnection raw;
            try
            {
                raw = await transport.DialAsync(address, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TransportException or IOException or OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new HostException(HostError.UpgradeFailed, "dialing " + address + " failed: " + ex.Message, ex);
            }

            Libp2pConnection connection = await UpgradeAsync(raw, initiator: true, expected, timeout.Token).ConfigureAwait(false);
            PeerStore.AddAddresses(connection.RemotePeer, [address]);
            return connection;
        }
        finally
        {
            lock (_lock)
            {
                _pendingOutbound--;
            }
        }
    }

    /// <summary>An open connection to <paramref name="peer"/>, if any.</summary>
    public bool TryGetConnection(PeerId peer, out Libp2pConnection? connection)
    {
        lock (_lock)
        {
            connection = _connections.FirstOrDefault(c => c.RemotePeer == peer && !c.IsClosed);
            return connection is not null;
        }
    }

    /// <summary>Connects to <paramref name="peer"/> through an open connection or its known addresses.</summary>
    public async Task<Libp2pConnection> ConnectAsync(PeerId peer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (TryGetConnection(peer, out Libp2pConnection? existing))
        {
            return existing!;
        }

        HostException? last = null;
        foreach (Multiaddress a in PeerStore.GetAddresses(peer))
        {
            try
            {
                return await DialAsync(a.Encapsulate("/p2p/" + peer), cancellationToken).ConfigureAwait(false);
            }
            catch (HostException ex)
            {
                last = ex;
            }
        }

        throw last ?? new HostException(HostError.NoAddress, "no connection to and no address for " + peer);
    }

    internal async Task<Libp2pConnection> UpgradeAsync(TransportConnection raw, bool initiator, PeerId? expected, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_time, _options.UpgradeTimeout, cancellationToken);
        CancellationToken token = timeout.Token;
        NoiseSecuredStream secured;
        try
        {
            // The dialer proposes /noise optimistically, together with Noise message 1 (one round trip less); the
            // listener's answer is checked before message 2 is read.
            if (!initiator)
            {
                await MultistreamSelect.HandleAsync(raw, s_noise, token).ConfigureAwait(false);
            }

            IReadOnlyList<string> muxers = _options.EarlyMuxerNegotiation ? s_yamux : [];
            secured = await NoiseSecuredStream.HandshakeAsync(raw, _options.Identity, _noiseStatic, initiator, expected, muxers, optimisticSelect: initiator, token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException or ObjectDisposedException)
        {
            raw.Abort();
            await raw.DisposeAsync().ConfigureAwait(false);
            throw new HostException(HostError.UpgradeFailed, "security upgrade failed: " + ex.Message, ex);
        }

        try
        {
            if (secured.NegotiatedMuxer is null)
            {
                if (initiator)
                {
                    await MultistreamSelect.SelectAsync(secured, s_yamux, token).ConfigureAwait(false);
                }
                else
                {
                    await MultistreamSelect.HandleAsync(secured, s_yamux, token).ConfigureAwait(false);
                }
            }
            else if (secured.NegotiatedMuxer != YamuxProtocolId)
            {
                throw new HostException(HostError.UpgradeFailed, "unsupported muxer " + secured.NegotiatedMuxer);
            }
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException)
        {
            secured.Abort();
            await secured.DisposeAsync().ConfigureAwait(false);
            throw ex as HostException ?? new HostException(HostError.UpgradeFailed, "muxer negotiation failed: " + ex.Message, ex);
        }

        bool gateOpen = _options.ConnectionGate is null;
        ConnectionResources resources = _resources.OpenConnection(secured.RemotePeerId, verified: gateOpen);
        var session = new YamuxSession(secured, initiator, _options.Yamux, _time, resources);
        var connection = new Libp2pConnection(this, secured, session, raw.LocalAddress, raw.RemoteAddress, initiator, gateOpen)
        {
            Resources = resources,
        };
        ConnectionLimitKind? refused = null;
        bool running;
        lock (_lock)
        {
            running = _state == 1;
            if (_connections.Count(c => c.RemotePeer == connection.RemotePeer) >= _options.MaxConnectionsPerPeer)
            {
                refused = ConnectionLimitKind.ConnectionsPerPeer;
            }
            else if (!initiator && _connections.Count(c => !c.IsInitiator) >= _options.MaxInboundConnections)
            {
                refused = ConnectionLimitKind.InboundConnections;
            }
            else if (running)
            {
                _connections.Add(connection);
            }
        }

        if (refused is not null || !running)
        {
            await session.CloseAsync().ConfigureAwait(false);
            resources.Close();
            if (refused is { } kind)
            {
                _resources.Count(ResourceKindOf(kind));
            }

            if (!running)
            {
                throw new HostException(HostError.NotRunning, "the host stopped during the upgrade");
            }

            if (refused == ConnectionLimitKind.ConnectionsPerPeer)
            {
                Log.PeerOverLimit(Logger, connection.RemotePeer, _options.MaxConnectionsPerPeer);
                throw new HostException(HostError.ConnectionLimit, "too many connections to " + connection.RemotePeer) { Limit = refused, Scope = ResourceScope.Peer };
            }

            Log.InboundRefused(Logger, connection.RemoteAddress, refused!.Value, _options.MaxInboundConnections);
            throw new HostException(HostError.ConnectionLimit, "inbound connection limit reached") { Limit = refused, Scope = ResourceScope.System };
        }

        session.Start();
        PeerStore.MarkConnected(connection.RemotePeer);
        if (initiator)
        {
            PeerStore.MarkDialled(connection.RemotePeer);
        }

        PeerStore.SetPublicKey(connection.RemotePeer, connection.RemotePublicKey);
        Log.ConnectionOpened(Logger, connection.RemotePeer, connection.RemoteAddress, initiator);
        Emit(HostEventKind.ConnectionOpened, connection);
        _tasks.Add(WatchConnectionAsync(connection));
        OnConnectionAdded();
        connection.Tasks.Add(AcceptStreamsAsync(connection));
        connection.Tasks.Add(IdentifyOnConnectAsync(connection));
        return connection;
    }

    private async Task WatchConnectionAsync(Libp2pConnection connection)
    {
        await connection.Completion.ConfigureAwait(false);
        lock (_lock)
        {
            _connections.Remove(connection);
        }

        connection.MarkClosed();
        PeerStore.MarkDisconnected(connection.RemotePeer);
        await connection.Tasks.WhenAllAsync().ConfigureAwait(false);
        connection.ReleaseResources();
        YamuxException? failure = connection.Session.TerminationError;
        bool normal = failure is null || failure.Error == YamuxError.SessionClosed;
        string reason = connection.CloseReason ?? (normal ? "closed" : "yamux: " + failure!.Error);
        Log.ConnectionClosed(Logger, connection.RemotePeer, reason, normal ? null : failure);
        Emit(HostEventKind.ConnectionClosed, connection, reason, normal ? null : failure);
    }

    private void ThrowIfNotRunning()
    {
        if (Volatile.Read(ref _state) != 1)
        {
            throw new HostException(HostError.NotRunning, "the host is not running");
        }
    }
}
