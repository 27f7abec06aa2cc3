using System;

namespace WotId.Testing;

/// <summary>
/// A clock the test sets by hand. Unlike FakeTimeProvider it may move backwards, which validity tests need
/// ("before validFrom"); it has no timers, so code that schedules work should take FakeTimeProvider instead.
/// </summary>
public sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    /// <summary>The current time; assign to jump in either direction.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
