using System;
using WotId.Testing;
using WotId.Tsp.Replay;

namespace WotId.Tsp.Tests.Replay;

/// <summary>Replay window: duplicates, old and future timestamps, expiry and the bounded-memory floor.</summary>
public sealed class ReplayWindowTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewMessagesAreAcceptedAndDuplicatesRejected()
    {
        var time = new ManualTime(s_t0);
        var w = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("a", s_t0));
        Assert.Equal(ReplayVerdict.Duplicate, w.Check("a", s_t0));
        Assert.Equal(ReplayVerdict.Duplicate, w.Check("a", s_t0.AddSeconds(5)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("b", s_t0));
        Assert.Equal(2, w.Count);
    }

    [Fact]
    public void TimestampsOutsideTheWindowAreRejected()
    {
        var time = new ManualTime(s_t0);
        var w = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));
        Assert.Equal(ReplayVerdict.TooOld, w.Check("old", s_t0.AddMinutes(-10).AddTicks(-1)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("edge-old", s_t0.AddMinutes(-10)));
        Assert.Equal(ReplayVerdict.TooFarInFuture, w.Check("future", s_t0.AddMinutes(2).AddTicks(1)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("edge-future", s_t0.AddMinutes(2)));
    }

    [Fact]
    public void IdsAreForgottenOnlyWhenTheirTimestampsLeaveTheWindow()
    {
        var time = new ManualTime(s_t0);
        var w = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("a", s_t0));
        time.Now = s_t0.AddMinutes(9);
        Assert.Equal(ReplayVerdict.Duplicate, w.Check("a", s_t0));
        time.Now = s_t0.AddMinutes(11);
        Assert.Equal(ReplayVerdict.TooOld, w.Check("a", s_t0));
        Assert.Equal(0, w.Count);
    }

    [Fact]
    public void AFullWindowForgetsTheOldestAndRefusesAnythingNotNewer()
    {
        var time = new ManualTime(s_t0);
        var w = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), capacity: 3);
        Assert.Equal(ReplayVerdict.Accepted, w.Check("1", s_t0.AddSeconds(-30)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("2", s_t0.AddSeconds(-20)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("3", s_t0.AddSeconds(-10)));
        Assert.Equal(ReplayVerdict.TooOld, w.Check("0", s_t0.AddSeconds(-40)));
        Assert.Equal(ReplayVerdict.Accepted, w.Check("4", s_t0));
        Assert.Equal(3, w.Count);

        // "1" was forgotten: its replay must still be refused, as must anything at or before its timestamp.
        Assert.Equal(ReplayVerdict.TooOld, w.Check("1", s_t0.AddSeconds(-30)));
        Assert.Equal(ReplayVerdict.TooOld, w.Check("x", s_t0.AddSeconds(-31)));
        Assert.Equal(ReplayVerdict.Duplicate, w.Check("2", s_t0.AddSeconds(-20)));
    }

    [Fact]
    public void MemoryStaysBoundedUnderAFlood()
    {
        var time = new ManualTime(s_t0);
        var w = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), capacity: 1000);
        for (int i = 0; i < 50_000; i++)
        {
            w.Check("id" + i, s_t0.AddMilliseconds(-50_000 + i));
        }

        Assert.Equal(1000, w.Count);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var time = new ManualTime(s_t0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayWindow(time, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayWindow(time, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayWindow(time, TimeSpan.FromMinutes(1), TimeSpan.Zero, 0));
        Assert.Throws<ArgumentException>(() => new ReplayWindow(time, TimeSpan.FromMinutes(1), TimeSpan.Zero).Check("", s_t0));
    }
}
