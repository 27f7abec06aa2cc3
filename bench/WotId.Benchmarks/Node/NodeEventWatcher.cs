// Reads a node's event stream (the same stream the control API serves) and completes a waiter per (kind, message id
// or, for file events, transfer id), stamping the moment each event was read (Stopwatch ticks), for the latency
// measurements.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>Waiters for events of one node, by kind and message id.</summary>
public sealed class NodeEventWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Kind, string Id), TaskCompletionSource<long>> _waiters = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string[] _kinds;
    private readonly Task _pump;

    /// <summary>Watches events of <paramref name="kinds"/> (each waiter is removed by <see cref="Forget"/> once used).</summary>
    public NodeEventWatcher(WotIdNode node, params string[] kinds)
    {
        _kinds = kinds;
        _pump = PumpAsync(node, _stop.Token);
    }

    /// <summary>Completes with the Stopwatch timestamp at which the event of <paramref name="kind"/> for <paramref name="messageId"/> was read.</summary>
    public Task<long> WhenAsync(string kind, string messageId) => Waiter(kind, messageId).Task;

    /// <summary>Forgets a waiter that is no longer needed.</summary>
    public void Forget(string kind, string messageId) => _waiters.TryRemove((kind, messageId), out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private TaskCompletionSource<long> Waiter(string kind, string id) =>
        _waiters.GetOrAdd((kind, id), static _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task PumpAsync(WotIdNode node, CancellationToken ct)
    {
        await foreach (NodeEvent e in node.ReadEventsAsync(ct))
        {
            long now = Stopwatch.GetTimestamp();
            if ((e.MessageId ?? e.FileId) is { } id && Array.IndexOf(_kinds, e.Kind) >= 0)
            {
                Waiter(e.Kind, id).TrySetResult(now);
            }
        }
    }
}
