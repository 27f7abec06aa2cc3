// File transfers yield the CPU to everything else (issue 11: "a 10 GiB transfer must not delay a chat message by more
// than a few milliseconds"; docs/files.md "Chat during a transfer"). The synchronous per-byte work of a transfer (the
// sender's read, BLAKE3 and AEGIS-256 seal; the receiver's AEGIS-256 open and BLAKE3; the BLAKE3 pass over a resumed
// transfer's prefix) runs on a few dedicated
// threads whose OS scheduling priority is lowered: on Linux the thread's nice value goes up by NiceIncrement
// (setpriority(2) on the thread id: Linux keeps a nice value per thread), elsewhere ThreadPriority.BelowNormal. The
// scheduler then gives a core to chat, Yamux, Noise and the rest of the node first and the transfer what is left; on
// an idle machine the transfer still gets every core. Lowering a priority needs no privilege; if the system refuses,
// the threads run at the normal priority and only the fairness is lost.
// Work items wait in a bounded queue (QueueCapacity; a caller waits for a free slot). Their results complete
// asynchronously, so no caller's continuation ever runs on a lowered thread; each item is a synchronous call of tens to
// hundreds of microseconds (a 1 MiB group or block, or one 256 KiB chunk), so a hand-over costs little against it.
using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Runtime;

/// <summary>Runs synchronous CPU work of file transfers on dedicated threads of lowered OS priority.</summary>
internal static class LowPriorityWork
{
    /// <summary>How much the worker threads' nice value is raised on Linux (19 is the lowest priority).</summary>
    internal const int NiceIncrement = 10;

    /// <summary>Work items queued at most; a caller beyond that waits for a slot.</summary>
    internal const int QueueCapacity = 256;

    private static readonly ConcurrentQueue<WorkItem> s_queue = new();
    private static readonly SemaphoreSlim s_slots = new(QueueCapacity, QueueCapacity);
    private static readonly SemaphoreSlim s_items = new(0, QueueCapacity);
    private static readonly Lazy<int> s_started = new(StartWorkers, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The worker threads: one per core, at least one and at most four.</summary>
    internal static int WorkerCount => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Whether the system accepted the lowered priority for the worker threads started so far (false until one ran).</summary>
    internal static bool PriorityLowered { get; private set; }

    /// <summary>Runs <paramref name="work"/>(<paramref name="state"/>) on a worker thread; its result or exception comes back here.</summary>
    internal static async Task<TResult> RunAsync<TState, TResult>(Func<TState, TResult> work, TState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        _ = s_started.Value;
        await s_slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var item = new WorkItem<TState, TResult>(work, state, cancellationToken);
        s_queue.Enqueue(item);
        s_items.Release();
        return await item.Result.ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/>(<paramref name="state"/>) on a worker thread; its exception comes back here.</summary>
    internal static Task RunAsync<TState>(Action<TState> work, TState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(static s =>
        {
            s.Work(s.State);
            return true;
        }, (Work: work, State: state), cancellationToken);
    }

    private static int StartWorkers()
    {
        for (int i = 0; i < WorkerCount; i++)
        {
            var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"wotid-file-{i}" };
            thread.Start();
        }

        return WorkerCount;
    }

    private static void WorkerLoop()
    {
        LowerCurrentThreadPriority();
        while (true)
        {
            s_items.Wait();
            if (s_queue.TryDequeue(out WorkItem? item))
            {
                s_slots.Release();
                item.Run();
            }
        }
    }

    private static void LowerCurrentThreadPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
                PriorityLowered = true;
            }
            catch (Exception e) when (e is PlatformNotSupportedException or ThreadStateException)
            {
                // Runs at the normal priority.
            }

            return;
        }

        try
        {
            int tid = GetThreadId();
            int current = GetPriority(PrioProcess, tid); // −1 is a valid nice value; an error reads as −1 too, harmlessly
            if (SetPriority(PrioProcess, tid, Math.Min(19, current + NiceIncrement)) == 0)
            {
                PriorityLowered = true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An old C library without gettid: runs at the normal priority.
        }
    }

    private const int PrioProcess = 0; // PRIO_PROCESS: on Linux, with a thread id, that one thread

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "getpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    private abstract class WorkItem
    {
        internal abstract void Run();
    }

    private sealed class WorkItem<TState, TResult>(Func<TState, TResult> work, TState state, CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<TResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Task<TResult> Result => _result.Task;

        internal override void Run()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _result.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                _result.TrySetResult(work(state));
            }
            catch (Exception e)
            {
                _result.TrySetException(e);
            }
        }
    }
}
