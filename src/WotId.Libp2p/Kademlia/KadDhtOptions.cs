// Parameters of a DHT node (libp2p/specs kad-dht/README.md; defaults from the spec, go-libp2p-kad-dht and js
// @libp2p/kad-dht as noted per property).
using System;
using System.Collections.Generic;

namespace WotId.Libp2p.Kademlia;

/// <summary>Options of <see cref="KadDht"/>.</summary>
public sealed class KadDhtOptions
{
    /// <summary>The protocol id, which also names the DHT network (<see cref="KadProtocol.IpfsProtocolId"/> by default).</summary>
    public string ProtocolId { get; init; } = KadProtocol.IpfsProtocolId;

    /// <summary>Server or client mode.</summary>
    public KadMode Mode { get; init; } = KadMode.Server;

    /// <summary>Validators per key namespace (without slashes). Default: <c>pk</c> only, like js.</summary>
    public IReadOnlyDictionary<string, IKadRecordValidator> Validators { get; init; } =
        new Dictionary<string, IKadRecordValidator> { [PublicKeyValidator.Namespace] = new PublicKeyValidator() };

    /// <summary>k: bucket size and replication (20).</summary>
    public int BucketSize { get; init; } = KadProtocol.K;

    /// <summary>α: concurrent requests of one lookup (3, the Kademlia paper's value).</summary>
    public int Alpha { get; init; } = 3;

    /// <summary>How long one request may take (10 s, js and go).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the routing table is refreshed (10 min, spec).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most records held (new keys are refused beyond).</summary>
    public int MaxRecords { get; init; } = 4096;

    /// <summary>How long a stored record is kept (48 h, go MaxRecordAge).</summary>
    public TimeSpan MaxRecordAge { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Most keys with providers.</summary>
    public int MaxProviderKeys { get; init; } = 4096;

    /// <summary>Most providers kept per key.</summary>
    public int MaxProvidersPerKey { get; init; } = 64;

    /// <summary>How long a provider record is valid (48 h, spec).</summary>
    public TimeSpan ProviderValidity { get; init; } = TimeSpan.FromHours(48);

    /// <summary>How many values GET_VALUE collects before it stops and selects the best (go's default quorum).</summary>
    public int GetQuorum { get; init; } = 3;

    /// <summary>Most inbound requests served at once (others wait; bounded).</summary>
    public int MaxConcurrentInbound { get; init; } = 64;

    /// <summary>
    /// Most inbound requests served at once for one peer (default 8), so that one peer holding idle streams cannot
    /// take every slot of <see cref="MaxConcurrentInbound"/>; its further streams are reset.
    /// </summary>
    public int MaxConcurrentInboundPerPeer { get; init; } = 8;

    /// <summary>Clock for expiry and timers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
