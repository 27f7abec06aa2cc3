// Settings of IotaDidResolver: how long answers are cached and which Identity packages are trusted.
using System;
using System.Collections.Generic;

namespace WotId.Identity.Dids.Iota;

/// <summary>Options of <see cref="IotaDidResolver"/>.</summary>
public sealed class IotaDidResolverOptions
{
    /// <summary>How long a resolved (or not-found, or deactivated) answer is reused. Default 5 minutes; zero disables caching.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Most cached DIDs (expired entries are dropped first, then the whole cache). Default 1,024.</summary>
    public int MaxCacheEntries { get; init; } = 1024;

    /// <summary>
    /// When set, the Identity object's type must come from one of these package IDs (<c>0x…</c>, any version of
    /// the iota_identity package). When null, any package's <c>identity::Identity</c> type is read, as identity.rs does.
    /// </summary>
    public IReadOnlyCollection<string>? IdentityPackageIds { get; init; }
}
