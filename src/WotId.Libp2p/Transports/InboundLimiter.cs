// Admission of inbound connections before any work is spent on them (libp2p/specs connections/README.md leaves
// resource limits to implementations; go-libp2p's resource manager and connection gater bound pending inbound
// connections per IP the same way). One limiter is shared by the host and its WebSocket listeners, so an HTTP
// upgrade counts as a pending inbound connection exactly like a TCP socket in its Noise handshake.
using System;
using System.Collections.Generic;
using System.Net;

namespace WotId.Libp2p.Transports;

/// <summary>Counts pending (not yet upgraded) inbound connections in total and per remote IP address.</summary>
internal sealed class InboundLimiter
{
    private readonly object _lock = new();
    private readonly Dictionary<IPAddress, int> _perIp = new();
    private int _total;

    public InboundLimiter(int maxPending, int maxPerIp, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerIp, 1);
        MaxPending = maxPending;
        MaxPerIp = maxPerIp;
        Time = time;
    }

    /// <summary>Most pending inbound connections in total.</summary>
    public int MaxPending { get; }

    /// <summary>Most pending inbound connections from one IP address (loopback included).</summary>
    public int MaxPerIp { get; }

    /// <summary>The clock of upgrade timeouts of the connections this limiter admits.</summary>
    public TimeProvider Time { get; }

    /// <summary>Pending inbound connections now.</summary>
    public int Pending
    {
        get { lock (_lock) { return _total; } }
    }

    /// <summary>
    /// Takes a slot for a connection from <paramref name="ip"/> (null when the transport has no IP, e.g. in memory: it
    /// then counts only against the total). Returns null and the limit that refused it when there is no slot.
    /// </summary>
    public InboundLease? TryAdmit(IPAddress? ip, out InboundRefusal refusal)
    {
        if (ip is not null && ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        lock (_lock)
        {
            if (_total >= MaxPending)
            {
                refusal = InboundRefusal.PendingInbound;
                return null;
            }

            int fromIp = 0;
            if (ip is not null && _perIp.TryGetValue(ip, out fromIp) && fromIp >= MaxPerIp)
            {
                refusal = InboundRefusal.PendingInboundPerIp;
                return null;
            }

            _total++;
            if (ip is not null)
            {
                _perIp[ip] = fromIp + 1;
            }
        }

        refusal = InboundRefusal.None;
        return new InboundLease(this, ip);
    }

    internal void Release(IPAddress? ip)
    {
        lock (_lock)
        {
            _total--;
            if (ip is not null && _perIp.TryGetValue(ip, out int n))
            {
                if (n <= 1)
                {
                    _perIp.Remove(ip);
                }
                else
                {
                    _perIp[ip] = n - 1;
                }
            }
        }
    }
}
