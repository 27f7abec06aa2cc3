// The file streams running in a node (docs/files.md "Limits"): at most one per transfer, bounded per contact and
// overall for each direction. Sending streams are tasks this registry owns (DisposeAsync cancels and awaits them);
// receiving streams run in the host's stream handlers and register here only to be counted and cancellable
// (CancelFileAsync, a file.cancel from the contact, a newer stream for the same transfer).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Runtime;

/// <summary>Running file streams by transfer id.</summary>
internal sealed class FileTasks : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lease> _running = new(StringComparer.Ordinal);
    private readonly List<Task> _owned = [];
    private bool _disposed;

    /// <summary>Whether a stream of <paramref name="id"/> runs.</summary>
    internal bool IsRunning(string id)
    {
        lock (_lock)
        {
            return _running.ContainsKey(id);
        }
    }

    /// <summary>
    /// Registers a stream of <paramref name="id"/> unless one runs already, the registry is disposed, or the limits
    /// (<paramref name="perContact"/>, <paramref name="overall"/>, counted per direction) are reached; null then.
    /// </summary>
    internal Lease? TryBegin(string id, long contactId, bool outgoing, int perContact, int overall, CancellationToken stop)
    {
        lock (_lock)
        {
            if (_disposed || _running.ContainsKey(id))
            {
                return null;
            }

            List<Lease> same = _running.Values.Where(l => l.Outgoing == outgoing).ToList();
            if (same.Count >= overall || same.Count(l => l.ContactId == contactId) >= perContact)
            {
                return null;
            }

            var lease = new Lease(this, id, contactId, outgoing, stop);
            _running.Add(id, lease);
            return lease;
        }
    }

    /// <summary>Starts <paramref name="run"/> as an owned task that ends <paramref name="lease"/> when done.</summary>
    internal void Run(Lease lease, Func<Lease, Task> run)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(run);
        lock (_lock)
        {
            _owned.RemoveAll(t => t.IsCompleted);
            _owned.Add(RunCoreAsync(lease, run));
        }
    }

    /// <summary>Cancels the stream of <paramref name="id"/>, if any, and waits (bounded) until it ended.</summary>
    internal async Task CancelAsync(string id, TimeSpan wait)
    {
        Lease? lease;
        lock (_lock)
        {
            _running.TryGetValue(id, out lease);
        }

        if (lease is not null)
        {
            await lease.CancelAsync().ConfigureAwait(false);
            try
            {
                await lease.Ended.WaitAsync(wait).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // It ends when its I/O notices the cancellation; the caller does not wait longer.
            }
        }
    }

    /// <summary>Cancels every stream and awaits the owned ones.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Lease> leases;
        List<Task> owned;
        lock (_lock)
        {
            _disposed = true;
            leases = _running.Values.ToList();
            owned = _owned.ToList();
        }

        foreach (Lease lease in leases)
        {
            await lease.CancelAsync().ConfigureAwait(false);
        }

        // The sending tasks catch and record their own failures; a stop never fails because of one of them.
        await Task.WhenAll(owned).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static async Task RunCoreAsync(Lease lease, Func<Lease, Task> run)
    {
        await Task.Yield();
        using (lease)
        {
            await run(lease).ConfigureAwait(false);
        }
    }

    private void End(Lease lease)
    {
        lock (_lock)
        {
            if (_running.TryGetValue(lease.Id, out Lease? current) && ReferenceEquals(current, lease))
            {
                _running.Remove(lease.Id);
            }
        }
    }

    /// <summary>One registered stream; disposing it ends the registration.</summary>
    internal sealed class Lease : IDisposable
    {
        private readonly FileTasks _owner;
        private readonly CancellationTokenSource _cts;
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Lease(FileTasks owner, string id, long contactId, bool outgoing, CancellationToken stop)
        {
            _owner = owner;
            Id = id;
            ContactId = contactId;
            Outgoing = outgoing;
            _cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
        }

        internal string Id { get; }

        internal long ContactId { get; }

        internal bool Outgoing { get; }

        /// <summary>Cancelled by <see cref="CancelAsync"/> or the node's stop.</summary>
        internal CancellationToken Token => _cts.Token;

        /// <summary>Whether <see cref="CancelAsync"/> was called (not only the node's stop).</summary>
        internal bool Cancelled { get; private set; }

        internal Task Ended => _ended.Task;

        internal async Task CancelAsync()
        {
            Cancelled = true;
            try
            {
                await _cts.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }

        public void Dispose()
        {
            _owner.End(this);
            _cts.Dispose();
            _ended.TrySetResult();
        }
    }
}
