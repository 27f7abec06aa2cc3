// The sending half of /wotid/msg/1.0.0 on one verified connection (docs/node.md "Messaging"): one long-lived stream
// opened by this node, MESSAGE frames numbered from 1 in the order they are written, at most
// MessageProtocol.MaxInFlight frames unacknowledged, and a reader task that matches each ACK to its frame. Any
// stream error, a malformed or unexpected ACK, or the end of the connection fails the link: every frame still
// waiting fails with an IOException (the outbox keeps the message queued) and the link is replaced on next use.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host;
using WotId.Libp2p.Protocols;
using WotId.Node.Messaging;

namespace WotId.Node.Runtime;

/// <summary>An outgoing message stream to one peer.</summary>
internal sealed class PeerLink : IAsyncDisposable
{
    private readonly Libp2pStream _stream;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _window = new(MessageProtocol.MaxInFlight, MessageProtocol.MaxInFlight);
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<AckStatus>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private ulong _seq;
    private int _failed;

    private PeerLink(Libp2pStream stream, ILogger logger)
    {
        _stream = stream;
        _logger = logger;
        _reader = ReadAcksAsync(_stop.Token);
    }

    /// <summary>The connection the stream runs on.</summary>
    internal Libp2pConnection Connection => _stream.Connection;

    /// <summary>False once the stream failed or the connection closed.</summary>
    internal bool IsUsable => Volatile.Read(ref _failed) == 0 && !_stream.Connection.IsClosed;

    /// <summary>Opens the stream on <paramref name="connection"/>.</summary>
    internal static async Task<PeerLink> OpenAsync(Libp2pConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        Libp2pStream stream = await connection.OpenStreamAsync(MessageProtocol.ProtocolId, cancellationToken).ConfigureAwait(false);
        return new PeerLink(stream, logger);
    }

    /// <summary>
    /// Writes one MESSAGE frame (waiting for a free slot of the window) and returns the task of its ACK status.
    /// Frames are numbered in the order their writes complete, which is the order of the calls.
    /// </summary>
    /// <exception cref="IOException">The link failed.</exception>
    internal async Task<Task<AckStatus>> SendAsync(ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        var ack = new TaskCompletionSource<AckStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool registered = false;
        try
        {
            await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ThrowIfFailed();
                ulong seq = ++_seq;
                _pending[seq] = ack;
                registered = true;
                byte[] body = MessageFrameCodec.Encode(MessageFrame.Message(seq, envelope));
                // Not cancellable half-way: a frame cut short would desynchronise the stream.
                await LengthPrefixed.WriteAsync(_stream, body, _stop.Token).ConfigureAwait(false);
            }
            finally
            {
                _write.Release();
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or HostException)
        {
            if (!registered)
            {
                _window.Release();
                throw;
            }

            Fail("write failed: " + e.GetType().Name);
            throw e as IOException ?? new IOException("the message stream failed", e);
        }

        return ack.Task;
    }

    /// <summary>Resets the stream and waits for the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        Fail("closed");
        await _reader.ConfigureAwait(false);
        _stop.Dispose();
    }

    private void ThrowIfFailed()
    {
        if (!IsUsable)
        {
            throw new IOException("the message stream is closed");
        }
    }

    private async Task ReadAcksAsync(CancellationToken cancellationToken)
    {
        string reason = "ended";
        try
        {
            while (true)
            {
                byte[]? body = await LengthPrefixed.ReadAsync(_stream, MessageFrameCodec.AckLength, cancellationToken).ConfigureAwait(false);
                if (body is null)
                {
                    break;
                }

                MessageFrame frame = MessageFrameCodec.Decode(body);
                Log.LinkStep(_logger, _stream.RemotePeer, "ACK frame read");
                if (frame.Kind != MessageFrameKind.Ack || !_pending.TryRemove(frame.Seq, out TaskCompletionSource<AckStatus>? ack))
                {
                    reason = "unexpected frame";
                    break;
                }

                _window.Release();
                ack.TrySetResult(frame.Status);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or MessagingException)
        {
            reason = e.GetType().Name;
        }

        Fail(reason);
    }

    private void Fail(string reason)
    {
        if (Interlocked.Exchange(ref _failed, 1) != 0)
        {
            return;
        }

        Log.StreamEnded(_logger, _stream.RemotePeer, reason);
        _stream.Abort();
        _stop.Cancel();
        foreach (ulong seq in _pending.Keys)
        {
            if (_pending.TryRemove(seq, out TaskCompletionSource<AckStatus>? ack))
            {
                _window.Release();
                ack.TrySetException(new IOException("the message stream ended before the acknowledgement: " + reason));
            }
        }
    }
}
