using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Runtime;

/// <summary>Records every event of a node from the moment it is created, and waits for matching ones.</summary>
internal sealed class EventRecorder : IAsyncDisposable
{
    private readonly object _lock = new();
    private readonly List<NodeEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal EventRecorder(IWotIdNode node)
    {
        IAsyncEnumerable<NodeEvent> events = node.ReadEventsAsync(_stop.Token);
        _reader = ReadAsync(events);
    }

    internal IReadOnlyList<NodeEvent> All
    {
        get { lock (_lock) { return _events.ToList(); } }
    }

    /// <summary>The first recorded event (past or future) of <paramref name="kind"/> that matches.</summary>
    internal async Task<NodeEvent> WaitAsync(string kind, Func<NodeEvent, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                NodeEvent? found = _events.FirstOrDefault(e => e.Kind == kind && (match is null || match(e)));
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {kind} event; recorded: {string.Join(", ", All.Select(e => e.Kind + "/" + e.Reason))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }

    private async Task ReadAsync(IAsyncEnumerable<NodeEvent> events)
    {
        try
        {
            await foreach (NodeEvent e in events)
            {
                lock (_lock)
                {
                    _events.Add(e);
                    _changed.TrySetResult();
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
