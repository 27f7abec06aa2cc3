// Yamux stream, receive side: per-stream flow control (hashicorp/yamux spec.md "Flow Control"). The window is
// credited back as the application consumes data (not on arrival), once half the window is free, and doubles up to
// MaxWindow when updates come faster than 4 RTTs (auto-tuning as in go-yamux stream.go and js-yamux src/stream.ts),
// with an RTT floor (MinAutoTuneRtt) and within the session's receive budget (MaxReceiveBuffer).
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

internal sealed partial class YamuxStream
{
    private readonly Queue<Segment> _segments = new();
    private int _headOffset;
    private long _buffered;
    private long _recvAvailable = YamuxOptions.InitialWindow;
    private long _recvWindow = YamuxOptions.InitialWindow;
    private long _credit;
    private long _epochStart;
    private bool _remoteFin;
    private bool _failureKeepsData;
    private TaskCompletionSource? _readSignal;

    /// <summary>Bytes received and not yet read.</summary>
    internal long BufferedBytes
    {
        get { lock (_lock) { return _buffered; } }
    }

    /// <summary>Current receive window size (grows with auto-tuning).</summary>
    internal long ReceiveWindow
    {
        get { lock (_lock) { return _recvWindow; } }
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task? wait = null;
            int n = 0;
            long grant = 0;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_failure is not null && !(_failureKeepsData && _buffered > 0))
                {
                    throw new YamuxException(_failure.Error, _failure.Message);
                }

                if (_buffered > 0)
                {
                    if (buffer.IsEmpty)
                    {
                        return 0;
                    }

                    n = CopyOutLocked(buffer.Span);
                    grant = CreditLocked(n);
                }
                else if (_remoteFin)
                {
                    return 0;
                }
                else
                {
                    _readSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = _readSignal.Task;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (grant > 0)
            {
                _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, Id, (uint)grant));
            }

            return n;
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Checks and consumes receive window for an incoming Data frame (read loop only).</summary>
    internal void ReserveReceive(uint length)
    {
        lock (_lock)
        {
            if (length > _recvAvailable)
            {
                throw new YamuxException(
                    YamuxError.WindowExceeded,
                    $"yamux peer sent {length} bytes on stream {Id} with only {_recvAvailable} bytes of window");
            }

            _recvAvailable -= length;
        }
    }

    /// <summary>Appends received bytes <paramref name="array"/>[<paramref name="offset"/>..+<paramref name="count"/>], taking ownership of the pooled array.</summary>
    internal void EnqueueOwned(byte[] array, int offset, int count)
    {
        if (count < array.Length / 4)
        {
            // Keep memory proportional to data: copy short reads out of big arrays.
            EnqueueCopy(array.AsSpan(offset, count));
            ArrayPool<byte>.Shared.Return(array);
            return;
        }

        if (!TryAppend(new Segment(array, offset, count)))
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Appends a copy of received bytes.</summary>
    internal void EnqueueCopy(ReadOnlySpan<byte> data)
    {
        byte[] array = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(array);
        if (!TryAppend(new Segment(array, 0, data.Length)))
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private bool TryAppend(Segment segment)
    {
        bool appended = false;
        bool grant = false;
        lock (_lock)
        {
            if (_failure is null && !_disposed)
            {
                _segments.Enqueue(segment);
                _buffered += segment.Count;
                appended = true;
            }
            else if (_failure is null)
            {
                // Disposed: nobody will read it, but the peer may still be sending; discard and credit it back.
                _recvAvailable += segment.Count;
                grant = true;
            }
        }

        if (grant)
        {
            _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, Id, (uint)segment.Count));
        }

        if (appended)
        {
            WakeReader();
        }

        return appended;
    }

    private int CopyOutLocked(Span<byte> destination)
    {
        int written = 0;
        while (written < destination.Length && _segments.Count > 0)
        {
            Segment head = _segments.Peek();
            int take = Math.Min(head.Count - _headOffset, destination.Length - written);
            head.Array.AsSpan(head.Offset + _headOffset, take).CopyTo(destination[written..]);
            written += take;
            _headOffset += take;
            if (_headOffset == head.Count)
            {
                _segments.Dequeue();
                ArrayPool<byte>.Shared.Return(head.Array);
                _headOffset = 0;
            }
        }

        _buffered -= written;
        return written;
    }

    /// <summary>Credits consumed bytes; returns the window delta to send now (0 when not yet due).</summary>
    private long CreditLocked(int consumed)
    {
        _credit += consumed;
        if (_remoteFin || _failure is not null || _credit < _recvWindow / 2)
        {
            return 0;
        }

        long now = _session.Time.GetTimestamp();
        long rtt = _session.RttTicks;
        long grow = 0;
        YamuxOptions options = _session.Options;
        if (rtt > 0)
        {
            // The peer controls the measured RTT (it can answer pings late), so growth is also capped by the session's
            // receive budget; the floor only keeps tiny loopback RTTs from disabling growth altogether.
            rtt = Math.Max(rtt, (long)(options.MinAutoTuneRtt.TotalSeconds * _session.Time.TimestampFrequency));
        }

        if (rtt > 0 && now - _epochStart < 4 * rtt && _recvWindow < options.MaxWindow)
        {
            grow = _session.ReserveWindowGrowth(Math.Min(_recvWindow * 2, options.MaxWindow) - _recvWindow);
            _recvWindow += grow;
        }

        long delta = _credit + grow;
        _credit = 0;
        _recvAvailable += delta;
        _epochStart = now;
        return delta;
    }

    private int DropBufferedLocked()
    {
        long dropped = _buffered;
        while (_segments.Count > 0)
        {
            ArrayPool<byte>.Shared.Return(_segments.Dequeue().Array);
        }

        _headOffset = 0;
        _buffered = 0;
        return (int)dropped;
    }

    private void GrantWindow(int freed)
    {
        bool send;
        lock (_lock)
        {
            send = freed > 0 && _failure is null && !_remoteFin;
            if (send)
            {
                _recvAvailable += freed;
            }
        }

        if (send)
        {
            _session.EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.None, Id, (uint)freed));
        }
    }

    private void WakeReader()
    {
        TaskCompletionSource? s;
        lock (_lock)
        {
            s = _readSignal;
            _readSignal = null;
        }

        s?.TrySetResult();
    }

    /// <summary>Received bytes Array[Offset..+Count] of a pooled array the stream owns.</summary>
    private readonly record struct Segment(byte[] Array, int Offset, int Count);
}
