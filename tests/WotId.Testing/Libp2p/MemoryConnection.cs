// One end of an in-memory duplex connection: two System.IO.Pipelines pipes, one per direction. Half-close completes
// our writer (the peer reads end of stream); Abort completes both with an IOException, like a TCP reset; Dispose is
// close (FIN, and our reads stop). Writes pause at 256 KiB unread, so back-pressure works as on a socket.
using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;

namespace WotId.Testing.Libp2p;

/// <summary>An in-memory <see cref="TransportConnection"/>.</summary>
internal sealed class MemoryConnection : TransportConnection
{
    private static readonly PipeOptions s_pipeOptions = new(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024, useSynchronizationContext: false);

    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly bool _initiator;
    private int _writesCompleted;
    private int _aborted;
    private int _disposed;

    private MemoryConnection(PipeReader reader, PipeWriter writer, bool initiator, Multiaddress local, Multiaddress remote)
        : base(local, remote)
    {
        _reader = reader;
        _writer = writer;
        _initiator = initiator;
    }

    public override bool IsInitiator => _initiator;

    public static (MemoryConnection Client, MemoryConnection Server) CreatePair(Multiaddress clientAddress, Multiaddress serverAddress)
    {
        var toServer = new Pipe(s_pipeOptions);
        var toClient = new Pipe(s_pipeOptions);
        return (new MemoryConnection(toClient.Reader, toServer.Writer, true, clientAddress, serverAddress),
                new MemoryConnection(toServer.Reader, toClient.Writer, false, serverAddress, clientAddress));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfAbortedOrDisposed();
        try
        {
            ReadResult result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ThrowIfAbortedOrDisposed();
            ReadOnlySequence<byte> data = result.Buffer;
            if (buffer.IsEmpty)
            {
                // A zero-byte read waits for data (or the end) and consumes nothing, as on a socket.
                _reader.AdvanceTo(data.Start);
                return 0;
            }

            if (data.IsEmpty)
            {
                _reader.AdvanceTo(data.End);
                return 0;
            }

            int n = (int)Math.Min(buffer.Length, data.Length);
            data.Slice(0, n).CopyTo(buffer.Span);
            _reader.AdvanceTo(data.GetPosition(n));
            return n;
        }
        catch (InvalidOperationException)
        {
            // The reader was completed under us by Abort or Dispose.
            throw new IOException("the in-memory connection was closed locally");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfAbortedOrDisposed();
        if (Volatile.Read(ref _writesCompleted) != 0)
        {
            throw new IOException("writes were completed on this in-memory connection");
        }

        FlushResult result;
        try
        {
            result = await _writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            throw new IOException("the in-memory connection was closed locally");
        }

        if (result.IsCompleted)
        {
            throw new IOException("connection reset by peer (in-memory)");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void CompleteWrites()
    {
        if (Interlocked.Exchange(ref _writesCompleted, 1) == 0)
        {
            _writer.Complete();
        }
    }

    public override void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _writesCompleted, 1);
        _writer.Complete(new IOException("connection reset by peer (in-memory)"));
        _reader.CancelPendingRead();
        _reader.Complete();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CompleteWrites();
            _reader.CancelPendingRead();
            _reader.Complete();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfAbortedOrDisposed()
    {
        if (Volatile.Read(ref _aborted) != 0)
        {
            throw new IOException("the in-memory connection was aborted");
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
    }
}
