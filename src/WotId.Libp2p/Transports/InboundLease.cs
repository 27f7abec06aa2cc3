// A pending inbound connection's slot in an InboundLimiter; released exactly once.
using System;
using System.Net;
using System.Threading;

namespace WotId.Libp2p.Transports;

/// <summary>One admitted pending inbound connection. Dispose when its upgrade ends (either way).</summary>
internal sealed class InboundLease : IDisposable
{
    private readonly InboundLimiter _limiter;
    private readonly IPAddress? _ip;
    private int _released;

    public InboundLease(InboundLimiter limiter, IPAddress? ip)
    {
        _limiter = limiter;
        _ip = ip;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _limiter.Release(_ip);
        }
    }
}
