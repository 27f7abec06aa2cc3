// Yamux session, read side: frame dispatch per hashicorp/yamux spec.md ("Framing", "Flow Control", "Ping", "GoAway").
// Data payloads are streamed into the stream buffers as they arrive (js-yamux sends frames as large as the window).
using System;
using System.Buffers;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

internal sealed partial class YamuxSession
{
    private const int ReadBufferSize = 4 * 1024;
    private const int DirectReadSize = 64 * 1024;
    private const int DirectReadThreshold = 2 * 1024;
    private readonly byte[] _readBuffer = new byte[ReadBufferSize];
    private int _readStart;
    private int _readEnd;

    private async Task ReadLoopAsync()
    {
        YamuxException failure;
        try
        {
            while (true)
            {
                if (!await FillAsync(YamuxFrameHeader.Size, atFrameStart: true, YamuxFrameHeader.Size).ConfigureAwait(false))
                {
                    bool goAway;
                    lock (_sync)
                    {
                        goAway = _remoteGoAway;
                    }

                    failure = goAway
                        ? new YamuxException(YamuxError.SessionClosed, "yamux peer went away and closed the connection")
                        : new YamuxException(YamuxError.TransportFailed, "yamux peer closed the connection without GoAway");
                    break;
                }

                YamuxFrameHeader.TryRead(_readBuffer.AsSpan(_readStart, YamuxFrameHeader.Size), out YamuxFrameHeader h);
                _readStart += YamuxFrameHeader.Size;
                switch (h.Type)
                {
                    case YamuxFrameType.Data:
                        await HandleDataAsync(h).ConfigureAwait(false);
                        break;
                    case YamuxFrameType.WindowUpdate:
                        HandleStreamFrame(h)?.OnWindowUpdate(h.Flags, h.Length);
                        break;
                    case YamuxFrameType.Ping:
                        HandlePing(h);
                        break;
                    default:
                        HandleGoAway(h);
                        break;
                }
            }
        }
        catch (YamuxException ex)
        {
            failure = ex;
            if (IsPeerViolation(ex.Error))
            {
                await SendGoAwayBestEffortAsync(YamuxGoAwayCode.ProtocolError).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            failure = new YamuxException(YamuxError.TransportFailed, "yamux transport read failed", ex);
        }

        Terminate(failure);
    }

    private static bool IsPeerViolation(YamuxError e) => e is YamuxError.InvalidVersion or YamuxError.InvalidFrameType
        or YamuxError.InvalidFlags or YamuxError.InvalidStreamId or YamuxError.WindowExceeded or YamuxError.WindowOverflow
        or YamuxError.StreamLimitExceeded;

    private async ValueTask SendGoAwayBestEffortAsync(YamuxGoAwayCode code)
    {
        lock (_sync)
        {
            _localGoAway = true;
        }

        EnqueueControl(new YamuxFrameHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)code));
        try
        {
            using var timeout = new TimeoutScope(_time, TimeSpan.FromSeconds(1), _shutdown.Token);
            await FlushControlAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is being dropped anyway.
        }
    }

    /// <summary>
    /// Ensures <paramref name="count"/> bytes are buffered; false on a clean end of stream at a frame start. Over a
    /// transport that lends its plaintext (<see cref="IYamuxTransport"/>) a read takes at most <paramref name="wanted"/>
    /// bytes (what the current frame still needs), so a large payload stays in the transport's buffer to be taken over
    /// by reference instead of being copied through this one.
    /// </summary>
    private async ValueTask<bool> FillAsync(int count, bool atFrameStart, long wanted)
    {
        while (_readEnd - _readStart < count)
        {
            if (_readStart > 0)
            {
                Buffer.BlockCopy(_readBuffer, _readStart, _readBuffer, 0, _readEnd - _readStart);
                _readEnd -= _readStart;
                _readStart = 0;
            }

            int space = ReadBufferSize - _readEnd;
            int limit = _twoPartTransport is null ? space : (int)Math.Min(space, Math.Max(wanted, count - (_readEnd - _readStart)));
            int n = await _transport.ReadAsync(_readBuffer.AsMemory(_readEnd, limit), _shutdown.Token).ConfigureAwait(false);
            if (n == 0)
            {
                if (atFrameStart && _readEnd == _readStart)
                {
                    return false;
                }

                throw new YamuxException(YamuxError.TransportFailed, "yamux transport ended inside a frame");
            }

            _readEnd += n;
        }

        return true;
    }

    private async ValueTask HandleDataAsync(YamuxFrameHeader h)
    {
        YamuxStream? stream = HandleStreamFrame(h);
        long remaining = h.Length;
        if (stream is not null)
        {
            stream.ReserveReceive(h.Length);
        }
        else if (remaining > _options.MaxWindow)
        {
            throw new YamuxException(YamuxError.WindowExceeded, $"yamux data frame of {remaining} bytes for an unknown stream");
        }

        while (remaining > 0)
        {
            int available = _readEnd - _readStart;
            if (available == 0)
            {
                if (stream is not null && remaining >= DirectReadThreshold)
                {
                    // The transport already opened a message holding (the rest of) this payload and nothing after it:
                    // the stream takes that buffer over instead of a copy.
                    if (_twoPartTransport is not null
                        && _twoPartTransport.TryTakeBuffered((int)Math.Min(remaining, int.MaxValue), out byte[]? lent, out int offset, out int count))
                    {
                        stream.EnqueueOwned(lent, offset, count);
                        remaining -= count;
                        continue;
                    }

                    // Large payload and nothing buffered: read straight into a segment the stream will own (Noise opens
                    // a message that fits straight into it).
                    int size = (int)Math.Min(remaining, DirectReadSize);
                    byte[] segment = ArrayPool<byte>.Shared.Rent(size);
                    int n;
                    try
                    {
                        n = await _transport.ReadAsync(segment.AsMemory(0, size), _shutdown.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        ArrayPool<byte>.Shared.Return(segment);
                        throw;
                    }

                    if (n == 0)
                    {
                        ArrayPool<byte>.Shared.Return(segment);
                        throw new YamuxException(YamuxError.TransportFailed, "yamux transport ended inside a data frame");
                    }

                    stream.EnqueueOwned(segment, 0, n);
                    remaining -= n;
                    continue;
                }

                await FillAsync(1, atFrameStart: false, remaining).ConfigureAwait(false);
                available = _readEnd - _readStart;
            }

            int take = (int)Math.Min(available, remaining);
            stream?.EnqueueCopy(_readBuffer.AsSpan(_readStart, take));
            _readStart += take;
            remaining -= take;
        }

        stream?.OnFlags(h.Flags);
    }

    /// <summary>Handles SYN (new inbound stream) and returns the stream a Data/WindowUpdate frame addresses, or null.</summary>
    private YamuxStream? HandleStreamFrame(YamuxFrameHeader h)
    {
        uint id = h.StreamId;
        bool refuse = false;
        bool hostile = false;
        YamuxStream? stream;
        lock (_sync)
        {
            if ((h.Flags & YamuxFlags.Syn) != 0)
            {
                bool remoteParity = (id % 2 == 0) == _isClient;
                if (!remoteParity)
                {
                    throw new YamuxException(YamuxError.InvalidStreamId, $"yamux peer opened stream {id} with our parity");
                }

                if (_streams.ContainsKey(id))
                {
                    throw new YamuxException(YamuxError.InvalidStreamId, $"yamux peer opened stream {id} twice");
                }

                if (_localGoAway || _termination is not null)
                {
                    refuse = true;
                }
                else if (_inboundCount >= _options.MaxInboundStreams)
                {
                    refuse = true;
                    hostile = ++_refused > _options.MaxRefusedStreams;
                    _resources?.OnSessionRefused();
                }
                else if (_resources is not null && !_resources.TryAdmitInbound())
                {
                    // A host scope (system, transient or peer streams, or system memory) is full; it logged which.
                    refuse = true;
                    hostile = ++_refused > _options.MaxRefusedStreams;
                }
                else
                {
                    var created = new YamuxStream(this, id, outbound: false);
                    if (_acceptQueue.Writer.TryWrite(created))
                    {
                        _streams.Add(id, created);
                        _inboundCount++;
                        System.Threading.Interlocked.Add(ref _committedWindow, YamuxOptions.InitialWindow);
                        _highestRemoteId = Math.Max(_highestRemoteId, id);
                    }
                    else
                    {
                        refuse = true;
                        hostile = ++_refused > _options.MaxRefusedStreams;
                        _resources?.Remove(YamuxOptions.InitialWindow);
                        _resources?.OnSessionRefused();
                    }
                }
            }

            _streams.TryGetValue(id, out stream);
        }

        if (hostile)
        {
            throw new YamuxException(YamuxError.StreamLimitExceeded, "yamux peer keeps opening streams beyond the limits");
        }

        if (refuse)
        {
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Rst, id, 0));
            return null;
        }

        return stream;
    }

    private void HandlePing(YamuxFrameHeader h)
    {
        if ((h.Flags & YamuxFlags.Syn) != 0)
        {
            // Answer only requests, and only with the received value (js treats anything else as an error).
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.Ping, YamuxFlags.Ack, 0, h.Length));
        }
        else if ((h.Flags & YamuxFlags.Ack) != 0)
        {
            OnPingAck(h.Length);
        }
    }

    private void HandleGoAway(YamuxFrameHeader h)
    {
        lock (_sync)
        {
            _remoteGoAway = true;
        }

        if (h.Length != (uint)YamuxGoAwayCode.Normal)
        {
            throw new YamuxException(YamuxError.RemoteError, $"yamux peer sent GoAway with code {h.Length}");
        }
    }
}
