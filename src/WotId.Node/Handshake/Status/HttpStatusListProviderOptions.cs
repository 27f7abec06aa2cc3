using System;

namespace WotId.Node.Handshake.Status;

/// <summary>Cache, limits and fallback of <see cref="HttpStatusListProvider"/>.</summary>
public sealed class HttpStatusListProviderOptions
{
    /// <summary>A fetched list is used without refetching for this long.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>What to do when a list cannot be fetched or verified.</summary>
    public StatusListFallback WhenUnavailable { get; init; } = StatusListFallback.FailClosed;

    /// <summary>Largest accepted response body.</summary>
    public int MaxResponseBytes { get; init; } = 256 * 1024;

    /// <summary>Most URLs cached at once.</summary>
    public int MaxCachedLists { get; init; } = 1024;

    /// <summary>Tolerated clock difference for the list credential's validity period.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The clock for cache ages and validity.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
