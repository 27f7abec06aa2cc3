// Yamux session, write side: one writer at a time on the transport; control frames (window updates, SYN/ACK/FIN/RST,
// ping answers, GoAway) are queued without blocking and flushed by the writer loop or piggy-backed on data writes.
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

internal sealed partial class YamuxSession
{
    private const int ControlBatch = 64;
    private const int MaxPendingControl = 65_536;

    /// <summary>
    /// Payloads from this size on travel in a transport message of their own instead of being copied behind the header:
    /// an extra Noise message (18 bytes, one short seal) costs less than copying this many bytes.
    /// </summary>
    private const int SeparatePayloadThreshold = 8 * 1024;
    private const int HeadBufferSize = (ControlBatch + 1) * YamuxFrameHeader.Size;
    private readonly int _writeBufferSize;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _controlSignal = new(0, int.MaxValue);
    private readonly object _controlLock = new();
    private readonly List<YamuxFrameHeader> _pendingControl = new();
    private int _pendingControlHead;

    /// <summary>Queues a header-only frame; never blocks. Fails the session if the peer makes the queue overflow.</summary>
    internal void EnqueueControl(YamuxFrameHeader frame)
    {
        bool overflow = false;
        lock (_controlLock)
        {
            if (_pendingControl.Count - _pendingControlHead >= MaxPendingControl)
            {
                overflow = true;
            }
            else
            {
                _pendingControl.Add(frame);
            }
        }

        if (overflow)
        {
            Terminate(new YamuxException(YamuxError.ControlQueueOverflow, "too many queued yamux control frames"));
            return;
        }

        _controlSignal.Release();
    }

    /// <summary>
    /// Sends one Data frame (after any queued control frames) and waits until the transport took it. A payload of at
    /// least <see cref="SeparatePayloadThreshold"/> bytes is not copied behind its header when the transport can take
    /// the two parts (<see cref="IYamuxTransport"/>): Noise then seals it straight from the caller's memory.
    /// </summary>
    internal async ValueTask SendDataAsync(uint streamId, YamuxFlags flags, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        bool separate = _twoPartTransport is not null && payload.Length >= SeparatePayloadThreshold;
        // The frame buffer is rented per write so idle sessions hold no write buffer.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(separate ? HeadBufferSize : _writeBufferSize);
        try
        {
            if (IsClosed)
            {
                throw NewClosedException();
            }

            int pos = DrainControl(buffer);
            new YamuxFrameHeader(YamuxFrameType.Data, flags, streamId, (uint)payload.Length).Write(buffer.AsSpan(pos));
            pos += YamuxFrameHeader.Size;
            if (separate)
            {
                await WriteTransportAsync(buffer, pos, payload).ConfigureAwait(false);
                return;
            }

            payload.Span.CopyTo(buffer.AsSpan(pos));
            pos += payload.Length;
            await WriteTransportAsync(buffer, pos, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _writeLock.Release();
        }
    }

    private async ValueTask FlushControlAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ControlBatch * YamuxFrameHeader.Size);
        try
        {
            while (!IsClosed)
            {
                int pos = DrainControl(buffer);
                if (pos == 0)
                {
                    break;
                }

                await WriteTransportAsync(buffer, pos, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _writeLock.Release();
        }
    }

    private async ValueTask WriteTransportAsync(byte[] buffer, int count, ReadOnlyMemory<byte> body)
    {
        try
        {
            if (body.IsEmpty)
            {
                await _transport.WriteAsync(buffer.AsMemory(0, count), _shutdown.Token).ConfigureAwait(false);
            }
            else
            {
                await _twoPartTransport!.WriteAsync(buffer.AsMemory(0, count), body, _shutdown.Token).ConfigureAwait(false);
            }

            await _transport.FlushAsync(_shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            Terminate(new YamuxException(YamuxError.TransportFailed, "yamux transport write failed", ex is YamuxException ? null : ex));
            throw NewClosedException();
        }
    }

    /// <summary>Moves up to <see cref="ControlBatch"/> queued control frames into the front of the buffer.</summary>
    private int DrainControl(byte[] buffer)
    {
        int pos = 0;
        lock (_controlLock)
        {
            int n = Math.Min(ControlBatch, _pendingControl.Count - _pendingControlHead);
            for (int i = 0; i < n; i++)
            {
                _pendingControl[_pendingControlHead + i].Write(buffer.AsSpan(pos));
                pos += YamuxFrameHeader.Size;
            }

            _pendingControlHead += n;
            if (_pendingControlHead == _pendingControl.Count)
            {
                _pendingControl.Clear();
                _pendingControlHead = 0;
            }
            else if (_pendingControlHead > 4096)
            {
                _pendingControl.RemoveRange(0, _pendingControlHead);
                _pendingControlHead = 0;
            }
        }

        return pos;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                await _controlSignal.WaitAsync(_shutdown.Token).ConfigureAwait(false);
                await FlushControlAsync(_shutdown.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Session ended.
        }
        catch (YamuxException)
        {
            // Reported through TerminationError.
        }
        catch (ObjectDisposedException)
        {
            // Session disposed.
        }
    }
}
