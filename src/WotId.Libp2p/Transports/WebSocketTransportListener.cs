// libp2p/specs websockets/README.md: the listening side of WebSocketTransport. One accept loop owns every pending
// upgrade; finished connections wait in a bounded queue for AcceptAsync. Every accepted socket first takes a
// pending-inbound slot from the limiter (the host's, inside a host), so HTTP upgrades are bounded in total and per IP
// and time out on the limiter's clock; while every slot is taken the loop does not accept (the kernel backlog holds
// new connections).
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A WebSocket listener.</summary>
internal sealed class WebSocketTransportListener : ITransportListener
{
    private const int QueueCapacity = 64;

    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<TransportConnection> _ready = Channel.CreateBounded<TransportConnection>(QueueCapacity);
    private readonly ConcurrentDictionary<Task, bool> _upgrades = new();
    private readonly Task _acceptLoop;
    private readonly ILogger _logger;
    private readonly InboundLimiter _limiter;
    private int _disposed;

    public WebSocketTransportListener(Socket socket, Multiaddress localAddress, ILogger logger, InboundLimiter limiter)
    {
        _socket = socket;
        _logger = logger;
        _limiter = limiter;
        LocalAddress = localAddress;
        _acceptLoop = AcceptLoopAsync();
    }

    public Multiaddress LocalAddress { get; }

    public async Task<TransportConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            return await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(WebSocketTransportListener));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_upgrades.Keys).ConfigureAwait(false);
        _ready.Writer.TryComplete();
        while (_ready.Reader.TryRead(out TransportConnection? leftover))
        {
            leftover.AdmissionLease?.Dispose();
            await leftover.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    public override string ToString() => "WebSocket listener " + LocalAddress;

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                await _limiter.WaitForRoomAsync(_stop.Token).ConfigureAwait(false);
                accepted = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                // A client that resets during accept, or the process running out of descriptors.
                Log.AcceptFailed(_logger, LocalAddress, e);
                continue;
            }

            InboundLease? lease = _limiter.TryAdmit((accepted.RemoteEndPoint as IPEndPoint)?.Address, out InboundRefusal refusal);
            if (lease is null)
            {
                Log.UpgradeRefused(_logger, LocalAddress, refusal, _limiter.LimitOf(refusal));
                accepted.Dispose();
                continue;
            }

            accepted.NoDelay = true;
            Task upgrade = UpgradeAsync(accepted, lease);
            _upgrades.TryAdd(upgrade, true);
            // Owner: _upgrades, awaited by DisposeAsync; the continuation only removes the finished task.
            _ = upgrade.ContinueWith(t => _upgrades.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task UpgradeAsync(Socket socket, InboundLease lease)
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            using (var timeout = new TimeoutScope(_limiter.Time, WebSocketTransport.UpgradeTimeout, _stop.Token))
            {
                await WebSocketUpgrade.ServerHandshakeAsync(stream, timeout.Token).ConfigureAwait(false);
            }

            WebSocket ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            var connection = new WebSocketConnection(ws, stream, false, TcpAddressing.ToMultiaddress(socket.LocalEndPoint, "/ws"), TcpAddressing.ToMultiaddress(socket.RemoteEndPoint, "/ws"))
            {
                AdmissionLease = lease,
            };
            await _ready.Writer.WriteAsync(connection, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException or ChannelClosedException)
        {
            // A failed or abandoned upgrade concerns only that client; the listener keeps serving.
            if (!_stop.IsCancellationRequested)
            {
                Log.UpgradeFailed(_logger, LocalAddress, e);
            }

            lease.Dispose();
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
