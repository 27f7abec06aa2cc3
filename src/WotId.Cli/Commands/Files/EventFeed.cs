// A node's event stream read with a time-out: the pending read is kept as a task (awaited with Task.WhenAny next to a
// timer) and is finished before the enumerator is disposed, as an async iterator requires.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary>Wraps an event enumerator whose reads may outlive one wait.</summary>
internal sealed class EventFeed(IAsyncEnumerator<NodeEvent> events) : IAsyncDisposable
{
    private Task<bool>? _next;

    /// <summary>The pending read: true with an event to <see cref="Take"/>, false when the stream ended.</summary>
    public Task<bool> Next => _next ??= events.MoveNextAsync().AsTask();

    /// <summary>The event the completed read brought; the next access to <see cref="Next"/> reads on.</summary>
    public NodeEvent Take()
    {
        _next = null;
        return events.Current;
    }

    /// <summary>Waits for the pending read (cancel the stream's token first), then disposes the enumerator.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_next is not null)
        {
            try
            {
                await _next.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or NodeException)
            {
                // Cancelled, or the stream had already failed.
            }
        }

        await events.DisposeAsync().ConfigureAwait(false);
    }
}
