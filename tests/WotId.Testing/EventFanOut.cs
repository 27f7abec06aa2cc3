// Test support for fake nodes: hands every published event to every open subscription, the way the node's event hub
// does (bounded per subscriber, the oldest event dropped when a reader falls behind).
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace WotId.Testing;

/// <summary>Fans events out to every open <see cref="ReadAllAsync"/> enumeration.</summary>
/// <typeparam name="T">The event type.</typeparam>
/// <param name="capacity">How many unread events one subscription holds before the oldest is dropped.</param>
public sealed class EventFanOut<T>(int capacity)
{
    private readonly List<Channel<T>> _subscribers = [];
    private readonly Lock _gate = new();

    /// <summary>How many subscriptions are open.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Opens a subscription that lasts until the enumeration ends, is cancelled, or <see cref="Complete"/>.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Channel<T> channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (T e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    /// <summary>Sends <paramref name="e"/> to every open subscription.</summary>
    /// <param name="e">The event.</param>
    public void Publish(T e)
    {
        lock (_gate)
        {
            foreach (Channel<T> channel in _subscribers)
            {
                channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Ends every open subscription (the fake node stopped).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            foreach (Channel<T> channel in _subscribers)
            {
                channel.Writer.TryComplete();
            }
        }
    }
}
