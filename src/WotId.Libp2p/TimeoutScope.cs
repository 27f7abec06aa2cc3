// A cancellation token that fires after a delay measured on an injected clock (house style point 18: timers take a
// TimeProvider so tests run on fake time). CancellationTokenSource.CancelAfter has no TimeProvider overload, so the
// delay lives in its own source, linked with the caller's token.
using System;
using System.Threading;

namespace WotId.Libp2p;

/// <summary>The caller's token, cancelled also once <c>delay</c> has passed on <c>time</c>. Dispose when done.</summary>
internal sealed class TimeoutScope : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public TimeoutScope(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(delay, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    /// <summary>The combined token.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True when the delay (not the caller) cancelled <see cref="Token"/>.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
