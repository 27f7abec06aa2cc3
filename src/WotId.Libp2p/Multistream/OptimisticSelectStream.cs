// Optimistic multistream-select for a dialer proposing a single protocol (go-multistream lazyClient.go, js-libp2p
// multistream-select select.ts "optimisticSelect"): the header and the proposal go out with the first write,
// without waiting for the listener, and the listener's answer is checked before the first read returns data.
// Saves one round trip when the dialer speaks first (the Noise initiator does).
using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Multistream;

/// <summary>
/// Wraps a stream during an optimistic negotiation of one protocol. Meant for a bounded exchange (a handshake): the
/// owner keeps using the inner stream afterwards. One reader and one writer at a time, as for any <see cref="Stream"/>.
/// </summary>
internal sealed class OptimisticSelectStream : Stream
{
    private readonly Stream _inner;
    private readonly string _protocol;
    private bool _proposalSent;
    private bool _answerRead;

    public OptimisticSelectStream(Stream inner, string protocol)
    {
        ArgumentNullException.ThrowIfNull(inner);
        MultistreamCodec.CheckProtocolId(protocol);
        _inner = inner;
        _protocol = protocol;
    }

    /// <summary>True once the listener's answer was read and accepted the proposal.</summary>
    public bool Negotiated => _answerRead;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_proposalSent)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        // One write: header ‖ proposal ‖ the caller's first bytes, so they share a segment.
        var writer = new ArrayBufferWriter<byte>(64 + buffer.Length);
        MultistreamSelect.WriteOptimisticProposal(writer, _protocol);
        writer.Write(buffer.Span);
        _proposalSent = true;
        await _inner.WriteAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_answerRead)
        {
            if (!_proposalSent)
            {
                await WriteAsync(ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await MultistreamSelect.ReadOptimisticResponseAsync(_inner, _protocol, cancellationToken).ConfigureAwait(false);
            _answerRead = true;
        }

        return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Not supported: the negotiation is asynchronous only.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Not supported: the negotiation is asynchronous only.</summary>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
