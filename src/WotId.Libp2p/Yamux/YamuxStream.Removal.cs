// Yamux stream: the moment the session forgets a stream (both sides closed, reset, open timeout or the session ended),
// so a scope that holds a slot for the stream (the host's outbound per-protocol count) gets it back on every path,
// whether or not the application disposes the stream.
using System;

namespace WotId.Libp2p.Yamux;

internal sealed partial class YamuxStream
{
    private Action? _whenRemoved;
    private bool _removed;

    /// <summary>Runs <paramref name="action"/> once when the session forgets this stream; at once if it already has.</summary>
    internal void WhenRemoved(Action action)
    {
        lock (_lock)
        {
            if (!_removed)
            {
                _whenRemoved = action;
                return;
            }
        }

        action();
    }

    /// <summary>Called by the session when it removes the stream.</summary>
    internal void NotifyRemoved()
    {
        Action? action;
        lock (_lock)
        {
            if (_removed)
            {
                return;
            }

            _removed = true;
            (action, _whenRemoved) = (_whenRemoved, null);
        }

        action?.Invoke();
    }
}
