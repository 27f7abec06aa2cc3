// Lets callers wait for a change in the host's connections (a gate opened, a connection closed) without polling:
// the host event pump calls Pulse for each such event, and a waiter re-checks its condition after every pulse.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Runtime;

/// <summary>A broadcast "something changed" signal.</summary>
internal sealed class ConnectionPulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every current waiter.</summary>
    internal void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds (checked at once and after every pulse).</summary>
    internal async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next = Volatile.Read(ref _next).Task;
            if (condition())
            {
                return;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
