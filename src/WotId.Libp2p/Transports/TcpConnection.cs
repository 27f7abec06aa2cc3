// libp2p/specs connections/README.md over TCP (RFC 9293): a socket as a TransportConnection; CompleteWrites sends
// FIN (shutdown(SHUT_WR)), Abort sends RST (linger 0).
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A TCP connection.</summary>
internal sealed class TcpConnection : TransportConnection
{
    private readonly Socket _socket;
    private readonly bool _isInitiator;
    private int _writesCompleted;
    private int _disposed;

    public TcpConnection(Socket socket, bool isInitiator, Multiaddress localAddress, Multiaddress remoteAddress)
        : base(localAddress, remoteAddress)
    {
        _socket = socket;
        _isInitiator = isInitiator;
    }

    public override bool IsInitiator => _isInitiator;

    public Socket Socket => _socket;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            return _socket.Receive(buffer);
        }
        catch (SocketException e)
        {
            throw Wrap(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            return await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw Wrap(e);
        }
        catch (ObjectDisposedException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException("connection was closed or aborted");
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        CheckWritable();
        try
        {
            while (!buffer.IsEmpty)
            {
                buffer = buffer[_socket.Send(buffer)..];
            }
        }
        catch (SocketException e)
        {
            throw Wrap(e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        CheckWritable();
        try
        {
            while (!buffer.IsEmpty)
            {
                int n = await _socket.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                buffer = buffer[n..];
            }
        }
        catch (SocketException e)
        {
            throw Wrap(e);
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
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already reset by the remote; nothing left to half-close.
        }
    }

    public override void Abort()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // Socket already unusable; closing is all that is left.
        }

        _socket.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_writesCompleted != 0)
        {
            throw new IOException("writes were completed (half-closed)");
        }
    }

    private static IOException Wrap(SocketException e) => new("socket error: " + e.SocketErrorCode, e);
}
