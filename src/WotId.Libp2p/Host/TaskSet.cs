// Ownership of background tasks (house style: no fire-and-forget; every started task is awaited by its owner).
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Host;

/// <summary>Tracks running tasks so their owner can await them all at shutdown.</summary>
internal sealed class TaskSet
{
    private readonly object _lock = new();
    private readonly HashSet<Task> _tasks = new();

    public int Count
    {
        get { lock (_lock) { return _tasks.Count; } }
    }

    /// <summary>Starts tracking <paramref name="task"/>; it removes itself when done.</summary>
    public void Add(Task task)
    {
        lock (_lock)
        {
            _tasks.Add(task);
        }

        _ = task.ContinueWith(
            (t, state) =>
            {
                var self = (TaskSet)state!;
                lock (self._lock)
                {
                    self._tasks.Remove(t);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits until every tracked task has finished (failures are observed and ignored).</summary>
    public async Task WhenAllAsync()
    {
        while (true)
        {
            Task[] snapshot;
            lock (_lock)
            {
                if (_tasks.Count == 0)
                {
                    return;
                }

                snapshot = [.. _tasks];
            }

            try
            {
                await Task.WhenAll(snapshot).ConfigureAwait(false);
            }
            catch
            {
                // Each task reports its own failure where it matters; here we only wait.
            }
        }
    }
}
