// Limits of a mailbox host (docs/mailbox.md "Hosted mailboxes", "Limits"). Defaults suit a small always-on node.
using System;

namespace WotId.Mailbox.Hosted;

/// <summary>Quotas, rate limits and the replay window of a <see cref="MailboxHost"/>.</summary>
public sealed class MailboxHostOptions
{
    /// <summary>Messages (pending and archived) one mailbox may hold.</summary>
    public int MaxMessagesPerMailbox { get; init; } = 1_000;

    /// <summary>Payload bytes (pending and archived) one mailbox may hold.</summary>
    public long MaxBytesPerMailbox { get; init; } = 8L * 1024 * 1024;

    /// <summary>Payload bytes the host holds in all.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Mailboxes one key may create.</summary>
    public int MaxMailboxesPerOwner { get; init; } = 4;

    /// <summary>Mailboxes the host holds in all.</summary>
    public int MaxMailboxes { get; init; } = 100_000;

    /// <summary>Requests a peer may make per minute (token bucket, refilled continuously).</summary>
    public int RequestsPerMinute { get; init; } = 120;

    /// <summary>Requests a peer may make at once before the per-minute rate applies.</summary>
    public int Burst { get; init; } = 60;

    /// <summary>Peers whose request budget is remembered (the least recently seen are forgotten first).</summary>
    public int MaxTrackedPeers { get; init; } = 10_000;

    /// <summary>How far a request's timestamp may be from the host's clock; nonces are remembered this long.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        if (MaxMessagesPerMailbox < 1 || MaxBytesPerMailbox < 1 || MaxTotalBytes < 1 || MaxMailboxesPerOwner < 1 || MaxMailboxes < 1
            || RequestsPerMinute < 1 || Burst < 1 || MaxTrackedPeers < 1 || MaxClockSkew <= TimeSpan.Zero)
        {
            throw new ArgumentException("every mailbox host limit must be positive");
        }
    }
}
