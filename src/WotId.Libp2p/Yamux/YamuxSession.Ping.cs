// Yamux session keep-alive and RTT: hashicorp/yamux spec.md "Ping"; one outstanding ping at a time like js-yamux,
// 30 s interval like js and go (js-yamux src/muxer.ts, go-yamux session.go).
using System;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Yamux;

internal sealed partial class YamuxSession
{
    private readonly object _pingLock = new();
    private uint _nextPingId;
    private uint _activePingId;
    private long _activePingStart;
    private TaskCompletionSource<TimeSpan>? _activePing;
    private long _rttTicks = -1;

    /// <summary>The last measured round-trip time, or null before the first ping answer.</summary>
    public TimeSpan? Rtt
    {
        get
        {
            long t = Interlocked.Read(ref _rttTicks);
            return t < 0 ? null : _time.GetElapsedTime(0, t);
        }
    }

    /// <summary>Last RTT in <see cref="Time"/> timestamp ticks, or -1.</summary>
    internal long RttTicks => Interlocked.Read(ref _rttTicks);

    /// <summary>Sends a Yamux ping (or joins the one in flight) and returns the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<TimeSpan> tcs;
        bool send = false;
        uint id = 0;
        lock (_pingLock)
        {
            if (_activePing is null)
            {
                _activePing = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                _activePingId = id = _nextPingId++;
                _activePingStart = _time.GetTimestamp();
                send = true;
            }

            tcs = _activePing;
        }

        if (IsClosed)
        {
            FailActivePing(NewClosedException());
        }
        else if (send)
        {
            EnqueueControl(new YamuxFrameHeader(YamuxFrameType.Ping, YamuxFlags.Syn, 0, id));
        }

        return await tcs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnPingAck(uint value)
    {
        TaskCompletionSource<TimeSpan>? tcs = null;
        long elapsed = 0;
        lock (_pingLock)
        {
            if (_activePing is not null && _activePingId == value)
            {
                elapsed = _time.GetTimestamp() - _activePingStart;
                tcs = _activePing;
                _activePing = null;
            }
        }

        if (tcs is not null)
        {
            Interlocked.Exchange(ref _rttTicks, Math.Max(1, elapsed));
            tcs.TrySetResult(_time.GetElapsedTime(0, elapsed));
        }
    }

    private void FailActivePing(YamuxException reason)
    {
        TaskCompletionSource<TimeSpan>? tcs;
        lock (_pingLock)
        {
            tcs = _activePing;
            _activePing = null;
        }

        tcs?.TrySetException(new YamuxException(reason.Error, reason.Message));
    }

    private async Task KeepAliveLoopAsync()
    {
        CancellationToken stop = _shutdown.Token;
        try
        {
            while (true)
            {
                using (var timeout = new TimeoutScope(_time, _options.PingTimeout, stop))
                {
                    try
                    {
                        await PingAsync(timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        Terminate(new YamuxException(YamuxError.KeepAliveTimeout, "yamux keep-alive ping was not answered"));
                        return;
                    }
                }

                await Task.Delay(_options.KeepAliveInterval, _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Session ended.
        }
        catch (YamuxException)
        {
            // Session ended; reported through TerminationError.
        }
        catch (ObjectDisposedException)
        {
            // Session disposed.
        }
    }
}
