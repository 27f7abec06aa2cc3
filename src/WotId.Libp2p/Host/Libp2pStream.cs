// An application stream of a libp2p connection: a Yamux stream after multistream-select chose its protocol
// (libp2p/specs connections/README.md "Protocol Negotiation").
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

/// <summary>A negotiated protocol stream: read, write, <see cref="CompleteWrites"/> (half-close), <see cref="Abort"/>.</summary>
public sealed class Libp2pStream : Stream
{
    private readonly YamuxStream _inner;

    // Set while an optimistic proposal's answer is unread (multistream-select, go-multistream lazyClient.go): the first
    // read checks it before returning data.
    private string? _unconfirmed;

    internal Libp2pStream(YamuxStream inner, Libp2pConnection connection, string protocol, bool unconfirmed = false)
    {
        _inner = inner;
        Connection = connection;
        Protocol = protocol;
        _unconfirmed = unconfirmed ? protocol : null;
    }

    /// <summary>The negotiated protocol id.</summary>
    public string Protocol { get; }

    /// <summary>The connection carrying the stream.</summary>
    public Libp2pConnection Connection { get; }

    /// <summary>The remote peer.</summary>
    public PeerId RemotePeer => Connection.RemotePeer;

    /// <summary>The underlying Yamux stream.</summary>
    internal YamuxStream Muxed => _inner;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Half-closes: the peer reads end of stream after everything written so far.</summary>
    public void CompleteWrites() => _inner.CompleteWrites();

    /// <summary>Resets the stream in both directions.</summary>
    public void Abort(uint errorCode = 0) => _inner.Abort(errorCode);

    /// <inheritdoc />
    /// <exception cref="HostException">
    /// The first read of an optimistically opened stream: <see cref="HostError.ProtocolNotSupported"/> when the peer
    /// refused the protocol.
    /// </exception>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _unconfirmed is null ? _inner.ReadAsync(buffer, cancellationToken) : ConfirmThenReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _unconfirmed is null ? _inner.ReadAsync(buffer, offset, count, cancellationToken) : ConfirmThenReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        _unconfirmed is null ? _inner.Read(buffer, offset, count) : throw new NotSupportedException("an optimistically opened stream is read asynchronously");

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    private async ValueTask<int> ConfirmThenReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        string protocol = _unconfirmed!;
        try
        {
            await MultistreamSelect.ReadOptimisticResponseAsync(_inner, protocol, cancellationToken).ConfigureAwait(false);
        }
        catch (MultistreamException ex) when (ex.Error == MultistreamError.NoProtocolInCommon)
        {
            _inner.Abort();
            throw new HostException(HostError.ProtocolNotSupported, RemotePeer + " does not support " + protocol, ex);
        }

        _unconfirmed = null;
        return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => Protocol + " with " + RemotePeer;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Connection.Touch();
        }

        base.Dispose(disposing);
    }
}
