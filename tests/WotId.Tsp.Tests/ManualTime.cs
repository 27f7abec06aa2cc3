using System;

namespace WotId.Tsp.Tests;

/// <summary>A settable clock for replay and timestamp tests.</summary>
internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
