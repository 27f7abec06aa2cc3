// One Yamux stream as a System.IO.Stream: libp2p/specs yamux/README.md, hashicorp/yamux spec.md ("Stream
// Establishment", "Stream Close", "Flow Control"). Half-close = FIN, abort = RST (go-yamux v5 error code in length).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

/// <summary>
/// A bidirectional Yamux stream. <see cref="CompleteWrites"/> half-closes (the peer reads end of stream after the
/// data already written); <see cref="Abort"/> resets both directions; disposing completes writes and stops reading.
/// Failures surface as <see cref="YamuxException"/>.
/// </summary>
internal sealed partial class YamuxStream : Stream
{
    private readonly YamuxSession _session;
    private readonly object _lock = new();
    private long _sendWindow = YamuxOptions.InitialWindow;
    private TaskCompletionSource? _writeSignal;
    private bool _localFin;
    private bool _acknowledged;
    private bool _disposed;
    private YamuxException? _failure;

    internal YamuxStream(YamuxSession session, uint id, bool outbound)
    {
        _session = session;
        Id = id;
        IsOutbound = outbound;
        _epochStart = session.Time.GetTimestamp();
    }

    /// <summary>The Yamux stream id (odd when opened by the client).</summary>
    public uint Id { get; }

    /// <summary>True when this side opened the stream.</summary>
    public bool IsOutbound { get; }

    /// <summary>True while this outbound stream occupies a slot of the ACK backlog (guarded by the session's lock).</summary>
    internal bool HoldsAckSlot { get; set; }

    /// <summary>Fires when the peer took too long to acknowledge this outbound stream (guarded by the session's lock).</summary>
    internal ITimer? OpenTimer { get; set; }

    /// <summary>The session this stream belongs to.</summary>
    public YamuxSession Session => _session;

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

    /// <summary>Half-closes: sends FIN after everything written so far. Further writes throw. Idempotent.</summary>
    public void CompleteWrites()
    {
        YamuxFlags flags;
        bool remove;
        lock (_lock)
        {
            if (_localFin || _failure is not null)
            {
                return;
            }

            _localFin = true;
            flags = YamuxFlags.Fin;
            remove = _remoteFin;
        }

        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, flags, Id, 0));
        WakeWriter();
        if (remove)
        {
            _session.RemoveStream(this);
        }
    }

    /// <summary>Resets the stream in both directions (RST, with <paramref name="errorCode"/> in the length field).</summary>
    public void Abort(uint errorCode = 0)
    {
        lock (_lock)
        {
            if (_failure is not null || (_localFin && _remoteFin))
            {
                return;
            }

            _failure = new YamuxException(YamuxError.StreamAborted, "yamux stream was aborted locally");
            DropBufferedLocked();
        }

        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, Id, errorCode));
        WakeReader();
        WakeWriter();
        _session.RemoveStream(this);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int max = _session.Options.MaxFramePayload;
        while (!buffer.IsEmpty)
        {
            Task? wait = null;
            int n = 0;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_failure is not null)
                {
                    throw new YamuxException(_failure.Error, _failure.Message);
                }

                if (_localFin)
                {
                    throw new YamuxException(YamuxError.WriteAfterClose, "write after the yamux stream's write side was completed");
                }

                if (_sendWindow == 0)
                {
                    _writeSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = _writeSignal.Task;
                }
                else
                {
                    n = (int)Math.Min(Math.Min(buffer.Length, _sendWindow), max);
                    _sendWindow -= n;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await _session.SendDataAsync(Id, YamuxFlags.None, buffer[..n], cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_lock)
                {
                    _sendWindow += n;
                }

                throw;
            }

            buffer = buffer[n..];
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

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

    /// <inheritdoc />
    public override string ToString() => $"yamux stream {Id} ({(IsOutbound ? "outbound" : "inbound")})";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseLocally();
        }

        base.Dispose(disposing);
    }

    /// <summary>The peer neither acknowledged nor reset this outbound stream within the open timeout: reset it.</summary>
    internal void FailOpen()
    {
        lock (_lock)
        {
            if (_failure is null)
            {
                _failure = new YamuxException(YamuxError.OpenTimeout, $"the peer did not acknowledge yamux stream {Id} in time");
                DropBufferedLocked();
            }
        }

        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, Id, 0));
        WakeReader();
        WakeWriter();
        _session.RemoveStream(this);
    }

    /// <summary>Called when the application accepted an inbound stream: acknowledge it.</summary>
    internal void Accepted()
    {
        lock (_lock)
        {
            if (_acknowledged || _failure is not null)
            {
                return;
            }

            _acknowledged = true;
        }

        _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Ack, Id, 0));
    }

    /// <summary>Flags and window delta of a WindowUpdate frame.</summary>
    internal void OnWindowUpdate(YamuxFlags flags, uint delta)
    {
        if ((flags & YamuxFlags.Rst) == 0 && delta > 0)
        {
            lock (_lock)
            {
                if (_sendWindow + delta > uint.MaxValue)
                {
                    throw new YamuxException(YamuxError.WindowOverflow, $"yamux window update overflows stream {Id}'s window");
                }

                _sendWindow += delta;
            }

            WakeWriter();
        }

        OnFlags(flags);
    }

    /// <summary>ACK / FIN / RST handling, after any payload of the frame was delivered.</summary>
    internal void OnFlags(YamuxFlags flags)
    {
        if ((flags & YamuxFlags.Ack) != 0 && IsOutbound)
        {
            _session.OnStreamAcknowledged(this);
        }

        if ((flags & YamuxFlags.Rst) != 0)
        {
            lock (_lock)
            {
                if (_failure is null)
                {
                    _failure = new YamuxException(YamuxError.StreamReset, "yamux stream was reset by the peer");
                    DropBufferedLocked();
                }
            }

            WakeReader();
            WakeWriter();
            _session.RemoveStream(this);
            return;
        }

        if ((flags & YamuxFlags.Fin) != 0)
        {
            bool remove;
            lock (_lock)
            {
                _remoteFin = true;
                remove = _localFin;
            }

            WakeReader();
            if (remove)
            {
                _session.RemoveStream(this);
            }
        }
    }

    /// <summary>The session ended: pending and future operations fail (buffered data stays readable).</summary>
    internal void OnSessionEnded(YamuxException reason)
    {
        lock (_lock)
        {
            if (_failure is null && !(_localFin && _remoteFin))
            {
                _failure = new YamuxException(reason.Error, reason.Message);
                _failureKeepsData = true;
            }
        }

        WakeReader();
        WakeWriter();
    }

    private void CloseLocally()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        CompleteWrites();
        int freed;
        lock (_lock)
        {
            freed = DropBufferedLocked();
        }

        GrantWindow(freed);
    }

    private void WakeWriter()
    {
        TaskCompletionSource? s;
        lock (_lock)
        {
            s = _writeSignal;
            _writeSignal = null;
        }

        s?.TrySetResult();
    }
}
