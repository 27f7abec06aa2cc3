using System;

namespace WotId.Node.Handshake.Status;

/// <summary>What <see cref="HttpStatusListProvider"/> does when a status list cannot be fetched or verified.</summary>
public sealed class StatusListFallback
{
    private StatusListFallback(TimeSpan? staleLimit)
    {
        StaleLimit = staleLimit;
    }

    /// <summary>No list: the verifier fails with StatusUnavailable (the default).</summary>
    public static StatusListFallback FailClosed { get; } = new(null);

    /// <summary>How old (since it was fetched) a cached list may be and still be used; null for <see cref="FailClosed"/>.</summary>
    public TimeSpan? StaleLimit { get; }

    /// <summary>Use the last verified copy while it was fetched at most <paramref name="staleLimit"/> ago; after that fail closed.</summary>
    public static StatusListFallback UseStaleUpTo(TimeSpan staleLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleLimit, TimeSpan.Zero);
        return new(staleLimit);
    }

    /// <inheritdoc />
    public override string ToString() => StaleLimit is { } limit ? $"UseStaleUpTo({limit})" : "FailClosed";
}
