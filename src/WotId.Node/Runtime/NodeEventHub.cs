// The node's event stream (docs/node.md "Node facade"): every reader of IWotIdNode.ReadEventsAsync gets its own
// bounded channel (Capacity events, the oldest dropped for a slow reader), so several readers (the CLI, the control
// API's server-sent events, tests) each see every event from the moment they subscribed. The first reader also
// receives the events published before it (at most Capacity): the node claims its mailbox while it starts, before
// anyone could subscribe, and those message.received events must reach `wotid run`.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Runtime;

/// <summary>Broadcasts <see cref="NodeEvent"/>s to any number of readers.</summary>
internal sealed class NodeEventHub
{
    /// <summary>Events kept per reader; older ones are dropped.</summary>
    internal const int Capacity = 256;

    /// <summary>Most concurrent readers; a further reader is refused.</summary>
    internal const int MaxReaders = 64;

    private readonly object _lock = new();
    private readonly List<Channel<NodeEvent>> _readers = [];
    private readonly TimeProvider _time;
    private List<NodeEvent>? _early = [];
    private bool _completed;

    internal NodeEventHub(TimeProvider time) => _time = time;

    /// <summary>Publishes an event stamped now.</summary>
    internal void Publish(string kind, string? contact = null, string? peerId = null, string? messageId = null, string? text = null,
        string? via = null, string? reason = null, string? fingerprint = null) =>
        Publish(new NodeEvent(kind, _time.GetUtcNow(), contact, peerId, messageId, text, via, reason, fingerprint));

    /// <summary>Hands <paramref name="e"/> to every reader (never waits).</summary>
    internal void Publish(NodeEvent e)
    {
        lock (_lock)
        {
            if (_early is { } early)
            {
                if (early.Count == Capacity)
                {
                    early.RemoveAt(0);
                }

                early.Add(e);
            }

            foreach (Channel<NodeEvent> c in _readers)
            {
                c.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Events from now on until the node stops or <paramref name="cancellationToken"/> fires.</summary>
    internal IAsyncEnumerable<NodeEvent> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<NodeEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else if (_readers.Count >= MaxReaders)
            {
                throw new NodeException(NodeError.InvalidInput, $"at most {MaxReaders} event readers at once");
            }
            else
            {
                foreach (NodeEvent e in _early ?? [])
                {
                    channel.Writer.TryWrite(e);
                }

                _early = null;
                _readers.Add(channel);
            }
        }

        return ReadAsync(channel, cancellationToken);
    }

    /// <summary>Ends every reader's stream.</summary>
    internal void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (Channel<NodeEvent> c in _readers)
            {
                c.Writer.TryComplete();
            }

            _readers.Clear();
        }
    }

    private async IAsyncEnumerable<NodeEvent> ReadAsync(Channel<NodeEvent> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (NodeEvent e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }
        finally
        {
            lock (_lock)
            {
                _readers.Remove(channel);
            }
        }
    }
}
