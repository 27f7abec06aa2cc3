// Sliding one-minute windows for the AutoNAT server's request limits (go-libp2p autonatv2 rateLimiter): a global
// window, one per peer, and one for requests that need dial data. Memory is bounded: at most the global limit of
// timestamps in total, since every admitted request is also in the global window.
using System;
using System.Collections.Generic;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.AutoNat;

internal sealed class AutoNatRateLimiter
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly AutoNatServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly Queue<long> _global = new();
    private readonly Queue<long> _dialData = new();
    private readonly Dictionary<PeerId, Queue<long>> _perPeer = new();
    private readonly object _lock = new();

    public AutoNatRateLimiter(AutoNatServiceOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Admits a request from <paramref name="peer"/>, or says which limit refused it.</summary>
    public bool TryAdmit(PeerId peer, out string? refusal)
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            Expire(_global, now);
            if (_global.Count >= _options.MaxRequestsPerMinute)
            {
                refusal = "global request limit";
                return false;
            }

            if (_perPeer.TryGetValue(peer, out Queue<long>? q))
            {
                Expire(q, now);
            }

            if (q is not null && q.Count >= _options.MaxRequestsPerPeerPerMinute)
            {
                refusal = "per-peer request limit";
                return false;
            }

            if (q is null)
            {
                // Drop peers whose windows emptied, so the dictionary holds at most the global limit of peers.
                if (_perPeer.Count >= _options.MaxRequestsPerMinute)
                {
                    var empty = new List<PeerId>();
                    foreach (KeyValuePair<PeerId, Queue<long>> e in _perPeer)
                    {
                        Expire(e.Value, now);
                        if (e.Value.Count == 0)
                        {
                            empty.Add(e.Key);
                        }
                    }

                    empty.ForEach(p => _perPeer.Remove(p));
                }

                q = new Queue<long>();
                _perPeer[peer] = q;
            }

            _global.Enqueue(now);
            q.Enqueue(now);
            refusal = null;
            return true;
        }
    }

    /// <summary>Admits a request that needs dial data.</summary>
    public bool TryAdmitDialData()
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            Expire(_dialData, now);
            if (_dialData.Count >= _options.MaxDialDataRequestsPerMinute)
            {
                return false;
            }

            _dialData.Enqueue(now);
            return true;
        }
    }

    private void Expire(Queue<long> q, long now)
    {
        while (q.Count > 0 && _time.GetElapsedTime(q.Peek(), now) >= s_window)
        {
            q.Dequeue();
        }
    }
}
