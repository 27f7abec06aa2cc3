// Ownership of background tasks (house style: no fire-and-forget; every started task is awaited by its owner).
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace WotId.Libp2p.Host;

/// <summary>Tracks running tasks so their owner can await them all at shutdown; a task that faults is logged.</summary>
internal sealed class TaskSet
{
    private readonly object _lock = new();
    private readonly HashSet<Task> _tasks = new();
    private readonly ILogger _logger;

    public TaskSet(ILogger logger)
    {
        _logger = logger;
    }

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

        // Owner: this set (WhenAllAsync awaits the tracked task; the continuation only bookkeeps and logs).
        _ = task.ContinueWith(
            (t, state) =>
            {
                var self = (TaskSet)state!;
                lock (self._lock)
                {
                    self._tasks.Remove(t);
                }

                if (t.Exception is { } failure)
                {
                    // Every expected failure is handled inside the task; what reaches here is a bug.
                    Log.TaskFailed(self._logger, failure.InnerExceptions.Count == 1 ? failure.InnerException! : failure);
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits until every tracked task has finished (failures were logged when they happened).</summary>
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
            catch (Exception)
            {
                // Logged by the continuation in Add; here we only wait.
            }
        }
    }
}
