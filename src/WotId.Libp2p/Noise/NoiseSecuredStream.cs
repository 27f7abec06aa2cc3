// libp2p/specs noise/README.md, "Wire Format": after the handshake every message is a 2-byte big-endian length
// followed by ChaCha20-Poly1305 ciphertext (≤ 65535 bytes, so ≤ 65519 plaintext bytes per frame).
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Noise;

/// <summary>
/// A connection secured by libp2p Noise. One reader and any number of writers may work concurrently
/// (writes are serialised). Buffers are pooled and released when idle.
/// </summary>
internal sealed partial class NoiseSecuredStream : Stream
{
    private const int FrameOverhead = 2 + 16;
    private const int FramesPerWrite = 4;

    private readonly Stream _transport;
    private readonly NoiseTransportState _state;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _header = new byte[2];
    private int _headerHave;
    private int _nextHeaderHave;
    private byte[]? _cipher;
    private int _cipherLength;
    private int _cipherHave;
    private byte[]? _plain;
    private int _plainStart;
    private int _plainEnd;
    private bool _eof;
    private bool _readFaulted;
    private bool _writeFaulted;
    private int _writesCompleted;
    private int _disposed;

    private NoiseSecuredStream(Stream transport, NoiseTransportState state, PeerId localPeerId, PeerId remotePeerId, PeerPublicKey remoteKey, string? muxer, byte[] handshakeHash)
    {
        HandshakeHash = handshakeHash;
        _transport = transport;
        _state = state;
        LocalPeerId = localPeerId;
        RemotePeerId = remotePeerId;
        RemotePublicKey = remoteKey;
        NegotiatedMuxer = muxer;
    }

    /// <summary>Our peer id.</summary>
    public PeerId LocalPeerId { get; }

    /// <summary>The authenticated remote peer id.</summary>
    public PeerId RemotePeerId { get; }

    /// <summary>The remote's identity key (verified against its Noise static key).</summary>
    public PeerPublicKey RemotePublicKey { get; }

    /// <summary>The muxer chosen by early negotiation, or null when multistream-select must pick one.</summary>
    public string? NegotiatedMuxer { get; }

    /// <summary>
    /// The handshake hash <c>h</c> after the last XX message (Noise rev. 34 §11.2): the same 32 bytes on both sides and
    /// different for every handshake, so upper layers can bind credentials to this very connection.
    /// </summary>
    public ReadOnlyMemory<byte> HandshakeHash { get; }

    /// <summary>The underlying transport stream.</summary>
    public Stream Transport => _transport;

    /// <inheritdoc />
    public override bool CanRead => _disposed == 0;

    /// <inheritdoc />
    public override bool CanWrite => _disposed == 0 && _writesCompleted == 0;

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

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        byte[] temp = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int n = ReadAsync(temp.AsMemory(0, buffer.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            temp.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(temp);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) =>
        WriteAsync(buffer.ToArray(), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush() => _transport.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _transport.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Half-closes: waits for pending writes, then shuts down the transport's sending side (TCP FIN) when it supports
    /// it. The remote reads end-of-stream; reading continues here. Idempotent.
    /// </summary>
    public async ValueTask CompleteWritesAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HalfCloseTransport();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Synchronous <see cref="CompleteWritesAsync"/>.</summary>
    public void CompleteWrites()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _writeLock.Wait();
        try
        {
            HalfCloseTransport();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Tears the connection down at once (TCP RST when the transport supports it).</summary>
    public void Abort()
    {
        if (_transport is TransportConnection connection)
        {
            connection.Abort();
        }

        Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => "Noise " + LocalPeerId + " <-> " + RemotePeerId;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _transport.Dispose();
            _state.Dispose();
            ReturnBuffers();
        }

        base.Dispose(disposing);
    }

    private void HalfCloseTransport()
    {
        if (Interlocked.Exchange(ref _writesCompleted, 1) != 0)
        {
            return;
        }

        switch (_transport)
        {
            case TransportConnection connection:
                connection.CompleteWrites();
                break;
            case NetworkStream network:
                try
                {
                    network.Socket.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException)
                {
                    // Remote already gone; nothing left to half-close.
                }

                break;
            default:
                break;
        }
    }

    private void ReturnBuffers()
    {
        if (_cipher is not null)
        {
            ArrayPool<byte>.Shared.Return(_cipher);
            _cipher = null;
        }

        if (_plain is not null)
        {
            ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
            _plain = null;
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt16BigEndian(header);
}
