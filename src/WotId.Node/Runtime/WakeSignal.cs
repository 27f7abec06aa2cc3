// Wakes a background loop early (new work was queued) without queueing more than one wake-up: a bounded channel of
// capacity one whose extra writes are dropped.
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WotId.Node.Runtime;

/// <summary>An auto-reset wake-up for one waiting loop.</summary>
internal sealed class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Asks the loop to run soon.</summary>
    internal void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Set"/> was called or <paramref name="timeout"/> passed; false on timeout.</summary>
    internal async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
