// Yamux session (stream multiplexer): libp2p/specs yamux/README.md, hashicorp/yamux spec.md. Interop details
// (window handling, frame sizes, ping ACK rules) follow js-yamux (src/muxer.ts, src/stream.ts).
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

/// <summary>
/// One Yamux session over a reliable, ordered duplex <see cref="Stream"/> (normally a Noise-secured connection).
/// The dialer of the underlying connection is the client (odd stream ids). Call <see cref="Start"/> once, then
/// open and accept streams; dispose to close.
/// </summary>
internal sealed partial class YamuxSession : IAsyncDisposable
{
    private static readonly TimerCallback s_openExpired = OnOpenExpired;
    private readonly Stream _transport;
    private readonly IYamuxTransport? _twoPartTransport;
    private readonly YamuxOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _isClient;
    private readonly object _sync = new();
    private readonly Dictionary<uint, YamuxStream> _streams = new();
    private readonly Channel<YamuxStream> _acceptQueue;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readTask = Task.CompletedTask;
    private Task _writeTask = Task.CompletedTask;
    private Task _keepAliveTask = Task.CompletedTask;
    private uint _nextStreamId;
    private uint _highestRemoteId;
    private int _inboundCount;
    private int _outboundCount;
    private int _unackedOutbound;
    private int _refused;
    private long _committedWindow;
    private bool _started;
    private bool _localGoAway;
    private bool _remoteGoAway;
    private YamuxException? _termination;
    private TaskCompletionSource? _ackBacklogSignal;
    private readonly IYamuxResources? _resources;

    /// <summary>Creates a session; <paramref name="isClient"/> is true on the side that dialed the connection.</summary>
    /// <remarks><paramref name="fallbackTime"/> is the clock used when <see cref="YamuxOptions.TimeProvider"/> is null.</remarks>
    /// <remarks><paramref name="resources"/> are the host's scopes new streams and window growth also draw from.</remarks>
    public YamuxSession(Stream transport, bool isClient, YamuxOptions? options = null, TimeProvider? fallbackTime = null, IYamuxResources? resources = null)
    {
        _resources = resources;
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _twoPartTransport = transport as IYamuxTransport;
        _isClient = isClient;
        _options = options ?? YamuxOptions.Default;
        _time = _options.TimeProvider ?? fallbackTime ?? TimeProvider.System;
        _options.Validate();
        _nextStreamId = isClient ? 1u : 2u;
        _acceptQueue = Channel.CreateBounded<YamuxStream>(new BoundedChannelOptions(_options.AcceptBacklog)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writeBufferSize = YamuxFrameHeader.Size + _options.MaxFramePayload + (ControlBatch * YamuxFrameHeader.Size);
    }

    /// <summary>True on the side that dialed the connection (odd stream ids).</summary>
    public bool IsClient => _isClient;

    /// <summary>The clock of this session's timers.</summary>
    internal TimeProvider Time => _time;

    /// <summary>The options in force.</summary>
    public YamuxOptions Options => _options;

    /// <summary>Completes when the session has ended, for whatever reason (see <see cref="TerminationError"/>).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Why the session ended: null while it runs; <see cref="YamuxError.SessionClosed"/> for a normal end.</summary>
    public YamuxException? TerminationError
    {
        get { lock (_sync) { return _termination; } }
    }

    /// <summary>True once the session has ended.</summary>
    public bool IsClosed
    {
        get { lock (_sync) { return _termination is not null; } }
    }

    /// <summary>Number of open streams (both directions).</summary>
    public int StreamCount
    {
        get { lock (_sync) { return _streams.Count; } }
    }

    /// <summary>Starts the reader, the writer and (when enabled) the keep-alive loop.</summary>
    public void Start()
    {
        lock (_sync)
        {
            if (_started)
            {
                throw new InvalidOperationException("yamux session already started");
            }

            _started = true;
        }

        _readTask = Task.Run(ReadLoopAsync);
        _writeTask = Task.Run(WriteLoopAsync);
        if (_options.KeepAliveInterval > TimeSpan.Zero)
        {
            _keepAliveTask = Task.Run(KeepAliveLoopAsync);
        }
    }

    /// <summary>
    /// Opens a new outbound stream. Data may be written at once; the peer acknowledges it later. Waiting for a slot in
    /// the ACK backlog is bounded by <see cref="YamuxOptions.OpenTimeout"/>, and so is the wait for the ACK: a stream
    /// the peer neither acknowledges nor resets in time is reset and fails with <see cref="YamuxError.OpenTimeout"/>.
    /// </summary>
    public async ValueTask<YamuxStream> OpenStreamAsync(CancellationToken cancellationToken = default)
    {
        TimeoutScope? timeout = null;
        try
        {
            while (true)
            {
                Task? wait = TryOpen(out YamuxStream? stream);
                if (stream is not null)
                {
                    // js-yamux opens with WindowUpdate|SYN, delta 0 (js-yamux src/stream.ts).
                    EnqueueControl(new YamuxFrameHeader(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, stream.Id, 0));
                    return stream;
                }

                // Only an open that has to wait pays for a timer.
                timeout ??= new TimeoutScope(_time, _options.OpenTimeout, cancellationToken);
                try
                {
                    await wait!.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.TimedOut && !cancellationToken.IsCancellationRequested)
                {
                    throw new YamuxException(
                        YamuxError.OpenTimeout,
                        $"no slot in the yamux ACK backlog ({_options.AckBacklog} unacknowledged streams) within {_options.OpenTimeout}");
                }
            }
        }
        finally
        {
            timeout?.Dispose();
        }
    }

    /// <summary>Creates an outbound stream, or returns what to wait for when the ACK backlog is full.</summary>
    private Task? TryOpen(out YamuxStream? stream)
    {
        stream = null;
        lock (_sync)
        {
            ThrowIfUnusable();
            if (_remoteGoAway)
            {
                throw new YamuxException(YamuxError.RemoteGoAway, "the peer sent GoAway; no new streams");
            }

            if (_outboundCount >= _options.MaxOutboundStreams)
            {
                throw new YamuxException(YamuxError.TooManyStreams, "too many outbound yamux streams");
            }

            if (_unackedOutbound >= _options.AckBacklog)
            {
                _ackBacklogSignal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _ackBacklogSignal.Task;
            }

            if (_nextStreamId > uint.MaxValue - 2)
            {
                throw new YamuxException(YamuxError.TooManyStreams, "yamux stream ids exhausted");
            }

            uint id = _nextStreamId;
            _nextStreamId += 2;
            stream = new YamuxStream(this, id, outbound: true);
            _streams.Add(id, stream);
            _outboundCount++;
            _unackedOutbound++;
            Interlocked.Add(ref _committedWindow, YamuxOptions.InitialWindow);
            _resources?.AddOutbound();
            stream.HoldsAckSlot = true;
            stream.OpenTimer = _time.CreateTimer(s_openExpired, stream, _options.OpenTimeout, Timeout.InfiniteTimeSpan);
            return null;
        }
    }

    /// <summary>Waits for the next inbound stream; throws <see cref="YamuxException"/> once the session ended.</summary>
    public async ValueTask<YamuxStream> AcceptStreamAsync(CancellationToken cancellationToken = default)
    {
        YamuxStream stream;
        try
        {
            stream = await _acceptQueue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw NewClosedException();
        }

        stream.Accepted();
        return stream;
    }

    /// <summary>
    /// Sends GoAway (no new streams in either direction) without closing existing streams. Idempotent.
    /// </summary>
    public void GoAway(YamuxGoAwayCode code = YamuxGoAwayCode.Normal)
    {
        lock (_sync)
        {
            if (_localGoAway || _termination is not null)
            {
                return;
            }

            _localGoAway = true;
        }

        EnqueueControl(new YamuxFrameHeader(YamuxFrameType.GoAway, YamuxFlags.None, 0, (uint)code));
    }

    /// <summary>Sends GoAway, flushes, and closes the session and its transport; every open stream is reset.</summary>
    public async ValueTask CloseAsync(YamuxGoAwayCode code = YamuxGoAwayCode.Normal)
    {
        GoAway(code);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await FlushControlAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Best effort: the transport may already be gone.
        }

        Terminate(new YamuxException(YamuxError.SessionClosed, "yamux session closed locally"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_readTask, _writeTask, _keepAliveTask).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The loops report through TerminationError; nothing more to do here.
        }

        _shutdown.Dispose();
    }

    internal void OnStreamAcknowledged(YamuxStream stream)
    {
        TaskCompletionSource? signal;
        lock (_sync)
        {
            signal = ReleaseAckSlotLocked(stream);
        }

        signal?.TrySetResult();
    }

    /// <summary>
    /// Forgets a finished stream. An outbound stream the peer never acknowledged (reset, or closed, before any ACK)
    /// gives its ACK-backlog slot back here; the stream itself tracks nothing about it, so no path can leak the slot.
    /// </summary>
    internal void RemoveStream(YamuxStream stream)
    {
        TaskCompletionSource? signal = null;
        lock (_sync)
        {
            if (!_streams.Remove(stream.Id))
            {
                return;
            }

            Interlocked.Add(ref _committedWindow, -stream.ReceiveWindow);
            _resources?.Remove(stream.ReceiveWindow);

            if (stream.IsOutbound)
            {
                _outboundCount--;
                signal = ReleaseAckSlotLocked(stream);
            }
            else
            {
                _inboundCount--;
            }
        }

        stream.NotifyRemoved();
        signal?.TrySetResult();
    }

    /// <summary>Bytes received on the open streams and not yet read (at most <see cref="CommittedReceiveWindow"/>).</summary>
    internal long BufferedBytes
    {
        get
        {
            YamuxStream[] streams;
            lock (_sync)
            {
                streams = [.. _streams.Values];
            }

            long sum = 0;
            foreach (YamuxStream s in streams)
            {
                sum += s.BufferedBytes;
            }

            return sum;
        }
    }

    /// <summary>Sum of the receive windows of the open streams (what the peer may have in flight to us at most).</summary>
    internal long CommittedReceiveWindow => Interlocked.Read(ref _committedWindow);

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> bytes of window growth within <see cref="YamuxOptions.MaxReceiveBuffer"/>
    /// and returns how much was granted (possibly 0). Lock-free: called under a stream's lock.
    /// </summary>
    internal long ReserveWindowGrowth(long wanted)
    {
        while (true)
        {
            long committed = Interlocked.Read(ref _committedWindow);
            long granted = Math.Min(wanted, _options.MaxReceiveBuffer - committed);
            if (granted <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _committedWindow, committed + granted, committed) == committed)
            {
                if (_resources is null)
                {
                    return granted;
                }

                // The host's budgets (system memory; none while the connection is unverified) may grant less.
                long shared = _resources.ReserveGrowth(granted);
                if (shared < granted)
                {
                    Interlocked.Add(ref _committedWindow, shared - granted);
                }

                return shared;
            }
        }
    }

    /// <summary>Gives back the stream's ACK-backlog slot (once) and returns the signal to wake a waiting open.</summary>
    private TaskCompletionSource? ReleaseAckSlotLocked(YamuxStream stream)
    {
        if (!stream.HoldsAckSlot)
        {
            return null;
        }

        stream.HoldsAckSlot = false;
        stream.OpenTimer?.Dispose();
        stream.OpenTimer = null;
        _unackedOutbound--;
        TaskCompletionSource? signal = _ackBacklogSignal;
        _ackBacklogSignal = null;
        return signal;
    }

    private static void OnOpenExpired(object? state)
    {
        var stream = (YamuxStream)state!;
        bool expired;
        lock (stream.Session._sync)
        {
            expired = stream.HoldsAckSlot && stream.Session._termination is null;
        }

        if (expired)
        {
            stream.FailOpen();
        }
    }

    internal YamuxException NewClosedException()
    {
        lock (_sync)
        {
            YamuxException? t = _termination;
            return t is null
                ? new YamuxException(YamuxError.SessionClosed, "yamux session closed")
                : new YamuxException(t.Error, t.Message);
        }
    }

    private void ThrowIfUnusable()
    {
        if (_termination is not null)
        {
            throw new YamuxException(_termination.Error, _termination.Message);
        }

        if (_localGoAway)
        {
            throw new YamuxException(YamuxError.SessionClosed, "GoAway was sent; no new streams");
        }
    }

    /// <summary>Ends the session once: records the reason, fails every stream, closes the transport.</summary>
    private void Terminate(YamuxException reason)
    {
        List<YamuxStream> streams;
        TaskCompletionSource? backlog;
        lock (_sync)
        {
            if (_termination is not null)
            {
                return;
            }

            _termination = reason;
            streams = new List<YamuxStream>(_streams.Values);
            _streams.Clear();
            foreach (YamuxStream s in streams)
            {
                ReleaseAckSlotLocked(s);
            }

            _resources?.Close();

            backlog = _ackBacklogSignal;
            _ackBacklogSignal = null;
        }

        _acceptQueue.Writer.TryComplete();
        while (_acceptQueue.Reader.TryRead(out YamuxStream? pending))
        {
            pending.OnSessionEnded(reason);
        }

        foreach (YamuxStream s in streams)
        {
            s.OnSessionEnded(reason);
            s.NotifyRemoved();
        }

        backlog?.TrySetResult();
        FailActivePing(reason);
        try
        {
            _shutdown.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing to cancel.
        }

        _transport.Dispose();
        _completion.TrySetResult();
    }
}
