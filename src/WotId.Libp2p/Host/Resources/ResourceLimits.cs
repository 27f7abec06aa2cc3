// Limits of the host's resource manager beyond the connection limits of Libp2pHostOptions. The defaults are sized for
// a personal node with a few hundred peers; go-libp2p's scaled defaults (p2p/host/resource-manager/limit_defaults.go)
// give a system 16,384 streams and 1/8 of RAM, a peer 512 streams, and transient scopes a fraction of the system;
// here every stream's 256 KiB initial window counts against the memory budget, so streams and memory agree.
using System;
using System.Collections.Generic;

namespace WotId.Libp2p.Host.Resources;

/// <summary>Stream, memory and subnet limits of a <see cref="Libp2pHost"/> (see <see cref="Libp2pHostOptions.Resources"/>).</summary>
public sealed class ResourceLimits
{
    /// <summary>Shared default limits.</summary>
    public static ResourceLimits Default { get; } = new();

    /// <summary>
    /// Most streams open on the whole host, both directions (default 4,096: with 256 KiB initial windows, exactly
    /// <see cref="MaxMemory"/>). Extra inbound streams are reset.
    /// </summary>
    public int MaxStreams { get; init; } = 4096;

    /// <summary>
    /// Most streams on connections that are not verified yet (their gate is shut; default 512, at most 128 MiB of
    /// receive window). Extra inbound streams are reset. Unverified connections also never grow a receive window
    /// beyond the initial 256 KiB.
    /// </summary>
    public int MaxTransientStreams { get; init; } = 512;

    /// <summary>Most streams with one peer over all its connections, both directions (default 512).</summary>
    public int MaxStreamsPerPeer { get; init; } = 512;

    /// <summary>
    /// Most streams of one protocol on the whole host in each direction (default 2,048), unless
    /// <see cref="ProtocolStreamLimits"/> names it. An extra inbound stream is reset after negotiation; an extra stream
    /// of ours fails with <see cref="HostError.StreamLimit"/> before anything is sent.
    /// </summary>
    public int MaxStreamsPerProtocol { get; init; } = 2048;

    /// <summary>Per-protocol overrides of <see cref="MaxStreamsPerProtocol"/>.</summary>
    public IReadOnlyDictionary<string, int> ProtocolStreamLimits { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Most bytes of Yamux receive window over all connections (default 1 GiB): the most data peers together can make
    /// the host buffer. New inbound streams need their
    /// 256 KiB initial window from it (else they are reset); window growth stops at half of it, so growth never
    /// starves new streams; each connection
    /// also has its own budget (<c>YamuxOptions.MaxReceiveBuffer</c>). Our own streams are counted but never refused.
    /// </summary>
    public long MaxMemory { get; init; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Most inbound connections in their upgrade from one subnet: a /24 for IPv4, a /64 for IPv6 (default 16; never below
    /// <see cref="Libp2pHostOptions.MaxInboundPerIp"/>). Loopback is not exempt.
    /// </summary>
    public int MaxInboundPerSubnet { get; init; } = 16;

    /// <summary>The stream limit of <paramref name="protocol"/> (per direction).</summary>
    public int StreamLimitOf(string protocol) =>
        ProtocolStreamLimits.TryGetValue(protocol, out int limit) ? limit : MaxStreamsPerProtocol;

    internal void Validate()
    {
        if (MaxStreams < 1 || MaxTransientStreams < 1 || MaxStreamsPerPeer < 1 || MaxStreamsPerProtocol < 1 || MaxInboundPerSubnet < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxStreams), "resource limits must be positive");
        }

        if (MaxMemory < Yamux.YamuxOptions.InitialWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMemory), "MaxMemory must be at least 256 KiB");
        }
    }
}
