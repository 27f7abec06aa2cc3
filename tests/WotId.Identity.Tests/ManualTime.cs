using System;

namespace WotId.Identity.Tests;

/// <summary>A settable clock.</summary>
internal sealed class ManualTime : TimeProvider
{
    public ManualTime(DateTimeOffset now)
    {
        Now = now;
    }

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
