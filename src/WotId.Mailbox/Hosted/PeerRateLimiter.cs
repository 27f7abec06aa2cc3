// Per-peer token buckets of a mailbox host: Burst tokens, refilled at RequestsPerMinute / 60 per second. Memory is
// bounded by MaxTrackedPeers: when full, the least recently seen peer is forgotten (it starts again with a full
// bucket, which is what a forgotten peer would have earned by then in most cases).
using System;
using System.Collections.Generic;

namespace WotId.Mailbox.Hosted;

/// <summary>Token buckets keyed by peer id.</summary>
internal sealed class PeerRateLimiter
{
    private readonly object _lock = new();
    private readonly Dictionary<string, LinkedListNode<Bucket>> _buckets = new(StringComparer.Ordinal);
    private readonly LinkedList<Bucket> _recent = new();
    private readonly MailboxHostOptions _options;
    private readonly TimeProvider _time;

    internal PeerRateLimiter(MailboxHostOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    internal int TrackedPeers
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Takes one token of <paramref name="peer"/>; false when its bucket is empty.</summary>
    internal bool TryTake(ReadOnlySpan<byte> peer)
    {
        string key = Convert.ToHexString(peer);
        long now = _time.GetTimestamp();
        lock (_lock)
        {
            if (_buckets.TryGetValue(key, out LinkedListNode<Bucket>? node))
            {
                _recent.Remove(node);
            }
            else
            {
                if (_buckets.Count >= _options.MaxTrackedPeers)
                {
                    LinkedListNode<Bucket> oldest = _recent.Last!;
                    _recent.RemoveLast();
                    _buckets.Remove(oldest.Value.Key);
                }

                node = new LinkedListNode<Bucket>(new Bucket(key, _options.Burst, now));
                _buckets.Add(key, node);
            }

            _recent.AddFirst(node);
            Bucket b = node.Value;
            double perSecond = _options.RequestsPerMinute / 60.0;
            b.Tokens = Math.Min(_options.Burst, b.Tokens + (_time.GetElapsedTime(b.At, now).TotalSeconds * perSecond));
            b.At = now;
            if (b.Tokens < 1)
            {
                return false;
            }

            b.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(string key, double tokens, long at)
    {
        public string Key { get; } = key;

        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}
