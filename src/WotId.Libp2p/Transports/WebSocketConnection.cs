// libp2p/specs websockets/README.md: the libp2p byte stream carried in binary WebSocket messages (RFC 6455); message
// boundaries mean nothing. CompleteWrites sends a Close frame (RFC 6455 §5.5.1), Abort drops the TCP connection.
using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A WebSocket connection exposed as a byte stream.</summary>
internal sealed class WebSocketConnection : TransportConnection
{
    private readonly WebSocket _webSocket;
    private readonly IDisposable? _owned;
    private readonly bool _isInitiator;
    private int _writesCompleted;
    private int _disposed;
    private bool _readsCompleted;

    public WebSocketConnection(WebSocket webSocket, IDisposable? owned, bool isInitiator, Multiaddress localAddress, Multiaddress remoteAddress)
        : base(localAddress, remoteAddress)
    {
        _webSocket = webSocket;
        _owned = owned;
        _isInitiator = isInitiator;
    }

    public override bool IsInitiator => _isInitiator;

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (!_readsCompleted)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _webSocket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException e)
            {
                throw new IOException("WebSocket failed: " + e.WebSocketErrorCode, e);
            }
            catch (ObjectDisposedException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException("connection was closed or aborted");
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                _readsCompleted = true;
                break;
            }

            if (result.Count > 0 || buffer.IsEmpty)
            {
                return result.Count;
            }
        }

        return 0;
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_writesCompleted != 0)
        {
            throw new IOException("writes were completed (half-closed)");
        }

        if (buffer.IsEmpty)
        {
            return;
        }

        try
        {
            await _webSocket.SendAsync(buffer, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            throw new IOException("WebSocket failed: " + e.WebSocketErrorCode, e);
        }
        catch (ObjectDisposedException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException("connection was closed or aborted");
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void CompleteWrites()
    {
        if (_disposed != 0 || Interlocked.Exchange(ref _writesCompleted, 1) != 0)
        {
            return;
        }

        try
        {
            _webSocket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The remote already went away; there is nothing left to half-close.
        }
    }

    public override void Abort()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _webSocket.Abort();
        _webSocket.Dispose();
        _owned?.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _webSocket.Dispose();
            _owned?.Dispose();
        }

        base.Dispose(disposing);
    }
}
