// Parameters of mDNS discovery (libp2p/specs discovery/mdns.md; cadence and TTL as js @libp2p/mdns).
using System;

namespace WotId.Libp2p.Mdns;

/// <summary>Options of <see cref="MdnsDiscovery"/>.</summary>
public sealed class MdnsOptions
{
    /// <summary>The default service name.</summary>
    public const string DefaultServiceName = "_p2p._udp.local";

    /// <summary>The service name queried and announced.</summary>
    public string ServiceName { get; init; } = DefaultServiceName;

    /// <summary>How often a query is sent (10 s, js).</summary>
    public TimeSpan QueryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TTL of our answers (120 s, js).</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>UDP port (5353).</summary>
    public int Port { get; init; } = 5353;

    /// <summary>Multicast group (224.0.0.251, RFC 6762 §3).</summary>
    public string Group { get; init; } = "224.0.0.251";

    /// <summary>Discoveries kept for the reader before the oldest is dropped.</summary>
    public int EventCapacity { get; init; } = 64;

    /// <summary>Clock for the query timer.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
