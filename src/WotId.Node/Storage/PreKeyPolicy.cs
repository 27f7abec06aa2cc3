// Prekey pool sizes and rotation ages. Defaults follow the Signal apps: 100 one-time EC and 100 one-time Kyber
// prekeys, refilled when fewer than 10 remain unused (Signal-Android PreKeysSyncJob, ONE_TIME_PREKEY_MINIMUM = 10),
// a new signed prekey and last-resort Kyber prekey every 2 days, and replaced ones kept 30 days so that messages
// already in flight to them still decrypt (Signal-Android SignedPreKeyDeletionJob / PreKeyUtil archive age).
using System;

namespace WotId.Node.Storage;

/// <summary>How many prekeys to keep and when to rotate.</summary>
internal sealed record PreKeyPolicy
{
    /// <summary>One-time EC prekeys after a refill.</summary>
    internal int OneTimePoolSize { get; init; } = 100;

    /// <summary>One-time Kyber-1024 prekeys after a refill.</summary>
    internal int KyberPoolSize { get; init; } = 100;

    /// <summary>Refill a pool when fewer than this many keys have not been handed out.</summary>
    internal int RefillBelow { get; init; } = 10;

    /// <summary>Age after which the signed prekey and the last-resort Kyber prekey are replaced.</summary>
    internal TimeSpan RotateAfter { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How long replaced signed and last-resort keys are kept for messages in flight.</summary>
    internal TimeSpan KeepReplacedFor { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The defaults above.</summary>
    internal static PreKeyPolicy Default { get; } = new();
}
