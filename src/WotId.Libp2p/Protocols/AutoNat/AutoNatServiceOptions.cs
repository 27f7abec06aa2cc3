// Limits of an AutoNAT v2 server. Defaults from go-libp2p p2p/protocol/autonatv2 (server: 60 requests a minute,
// 12 per peer, 12 with dial data) and libp2p/specs autonat/autonat-v2.md ("Amplification Attack Prevention").
using System;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>How an AutoNAT v2 server limits the work strangers can make it do.</summary>
public sealed class AutoNatServiceOptions
{
    /// <summary>Requests served per minute from all peers together (default 60); more get E_REQUEST_REJECTED.</summary>
    public int MaxRequestsPerMinute { get; init; } = 60;

    /// <summary>Requests served per minute from one peer (default 12).</summary>
    public int MaxRequestsPerPeerPerMinute { get; init; } = 12;

    /// <summary>Requests per minute that need dial data (an IP other than the requester's; default 12).</summary>
    public int MaxDialDataRequestsPerMinute { get; init; } = 12;

    /// <summary>Dial backs in progress at once (default 8); more get E_REQUEST_REJECTED at once.</summary>
    public int MaxConcurrentDialBacks { get; init; } = 8;

    /// <summary>Limit for the dial back and its stream (default 10 s); a timeout is E_DIAL_ERROR.</summary>
    public TimeSpan DialBackTimeout { get; init; } = AutoNatProtocol.DialBackTimeout;

    /// <summary>Limit for a whole request, dial data included (default 15 s); the stream is reset after it.</summary>
    public TimeSpan RequestTimeout { get; init; } = AutoNatProtocol.StreamTimeout;

    /// <summary>
    /// Dial private, loopback and link-local addresses too (default false, as the spec asks). Only for tests and
    /// closed networks, where "reachable" then means reachable from this server.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }
}
