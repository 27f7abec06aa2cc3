// wot.id replay protection (docs/messages.md "Replay window"): message ids are remembered for as long as their
// timestamps are inside the window; anything older is refused, so memory stays bounded by the capacity.
using System;
using System.Collections.Generic;

namespace WotId.Tsp.Replay;

/// <summary>
/// Rejects replayed messages by id and timestamp. A message is accepted when its timestamp lies in
/// [now − window, now + skew] and its id has not been seen. At most <c>capacity</c> ids are kept; when full, the
/// oldest id is forgotten and every timestamp at or before it is refused from then on (no replay can slip through).
/// Thread-safe.
/// </summary>
public sealed class ReplayWindow
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly TimeSpan _maxSkew;
    private readonly int _capacity;
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byTime = new();
    private readonly object _gate = new();
    private DateTimeOffset _floor = DateTimeOffset.MinValue;

    /// <summary>Creates a window.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="window">How far back timestamps are accepted (e.g. 10 minutes).</param>
    /// <param name="maxSkew">How far ahead timestamps are accepted (e.g. 2 minutes).</param>
    /// <param name="capacity">Most ids remembered at once.</param>
    public ReplayWindow(TimeProvider timeProvider, TimeSpan window, TimeSpan maxSkew, int capacity = 100_000)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSkew, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = timeProvider;
        _window = window;
        _maxSkew = maxSkew;
        _capacity = capacity;
    }

    /// <summary>Ids currently remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Checks a message and, when accepted, remembers its id.</summary>
    public ReplayVerdict Check(string id, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (timestamp > now + _maxSkew)
            {
                return ReplayVerdict.TooFarInFuture;
            }

            if (timestamp < now - _window || timestamp <= _floor)
            {
                return ReplayVerdict.TooOld;
            }

            if (_seen.ContainsKey(id))
            {
                return ReplayVerdict.Duplicate;
            }

            if (_seen.Count >= _capacity)
            {
                _byTime.TryPeek(out _, out DateTimeOffset oldest);
                if (timestamp <= oldest)
                {
                    // Remembering this id would mean forgetting a newer one: refuse it instead.
                    return ReplayVerdict.TooOld;
                }

                string evicted = _byTime.Dequeue();
                _floor = _seen[evicted];
                _seen.Remove(evicted);
            }

            _seen.Add(id, timestamp);
            _byTime.Enqueue(id, timestamp);
            return ReplayVerdict.Accepted;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        DateTimeOffset limit = now - _window;
        while (_byTime.TryPeek(out string? id, out DateTimeOffset ts) && ts < limit)
        {
            _byTime.Dequeue();
            _seen.Remove(id);
        }
    }
}
