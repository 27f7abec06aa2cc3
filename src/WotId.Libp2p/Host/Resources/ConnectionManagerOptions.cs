// Water marks and grace period of the connection manager, after go-libp2p's p2p/net/connmgr (low/high water, grace
// period, silence period between trims).
using System;

namespace WotId.Libp2p.Host.Resources;

/// <summary>Settings of a host's <see cref="ConnectionManager"/>.</summary>
public sealed class ConnectionManagerOptions
{
    /// <summary>Shared defaults.</summary>
    public static ConnectionManagerOptions Default { get; } = new();

    /// <summary>Trimming stops at this many connections (default 192).</summary>
    public int LowWater { get; init; } = 192;

    /// <summary>Trimming starts above this many connections, both directions (default 256).</summary>
    public int HighWater { get; init; } = 256;

    /// <summary>A connection younger than this is never trimmed (default 30 s).</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the manager checks the water mark besides on every new connection (default 10 s).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        if (LowWater < 0 || HighWater < 1 || LowWater > HighWater)
        {
            throw new ArgumentOutOfRangeException(nameof(LowWater), "need 0 <= LowWater <= HighWater and HighWater >= 1");
        }

        if (GracePeriod < TimeSpan.Zero || CheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GracePeriod), "GracePeriod must not be negative and CheckInterval must be positive");
        }
    }
}
