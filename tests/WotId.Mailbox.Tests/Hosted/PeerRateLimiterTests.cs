// The mailbox host's per-peer token buckets: a burst, then the per-minute rate; memory bounded by MaxTrackedPeers.
using System;
using WotId.Mailbox.Hosted;

namespace WotId.Mailbox.Tests.Hosted;

public sealed class PeerRateLimiterTests
{
    [Fact]
    public void ABurstIsServedThenTheRateRefillsOneTokenAtATime()
    {
        var clock = new ManualClock();
        var limiter = new PeerRateLimiter(new MailboxHostOptions { Burst = 3, RequestsPerMinute = 6 }, clock);
        byte[] peer = [1, 2, 3];
        Assert.True(limiter.TryTake(peer) && limiter.TryTake(peer) && limiter.TryTake(peer));
        Assert.False(limiter.TryTake(peer));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryTake(peer));
        Assert.False(limiter.TryTake(peer));
    }

    [Fact]
    public void AFloodOfNewPeersKeepsOnlyTheMostRecentBuckets()
    {
        var limiter = new PeerRateLimiter(new MailboxHostOptions { MaxTrackedPeers = 10, Burst = 1, RequestsPerMinute = 1 }, new ManualClock());
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(limiter.TryTake(BitConverter.GetBytes(i)));
        }

        Assert.Equal(10, limiter.TrackedPeers);
        Assert.False(limiter.TryTake(BitConverter.GetBytes(999)));
    }
}
