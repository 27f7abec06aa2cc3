using System;
using System.Linq;
using WotId.Identity.Issuing;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Behaviour;

public sealed class IssuerStateAndNonceTests
{
    [Fact]
    public void IssuerStateRoundTripsIndexesAndRevocations()
    {
        var state = new IssuerState("https://status.wot.id/lists/9");
        int[] indexes = Enumerable.Range(0, 50).Select(i => state.Allocate("urn:uuid:" + i)).ToArray();
        Assert.Equal(50, indexes.Distinct().Count());
        Assert.All(indexes, i => Assert.InRange(i, 0, state.List.Length - 1));
        state.List.Set(indexes[7], true);

        IssuerState back = IssuerState.Parse(state.ToJson());
        Assert.Equal(state.StatusListUrl, back.StatusListUrl);
        Assert.Equal(state.Issued.OrderBy(p => p.Key), back.Issued.OrderBy(p => p.Key));
        Assert.True(back.List.Get(indexes[7]));
        Assert.False(back.List.Get(indexes[8]));
        Assert.Throws<ArgumentException>(() => back.Allocate("urn:uuid:7"));
    }

    [Fact]
    public void DuplicateIndexesInAStateFileAreRejected()
    {
        var state = new IssuerState("https://status.wot.id/lists/9");
        int index = state.Allocate("urn:uuid:a");
        string json = state.ToJson().Replace("\"urn:uuid:a\": " + index, "\"urn:uuid:a\": " + index + ", \"urn:uuid:b\": " + index, StringComparison.Ordinal);
        Assert.Throws<IdentityFormatException>(() => IssuerState.Parse(json));
    }

    [Fact]
    public void NonceStoreRejectsReuseUntilExpiryAndFailsClosedWhenFull()
    {
        var t0 = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var store = new MemoryNonceStore(capacity: 2);
        Assert.True(store.TryRecord("a", t0.AddMinutes(5), t0));
        Assert.False(store.TryRecord("a", t0.AddMinutes(5), t0.AddMinutes(1)));
        Assert.True(store.TryRecord("b", t0.AddMinutes(1), t0));
        Assert.False(store.TryRecord("c", t0.AddMinutes(5), t0), "full store must fail closed");
        Assert.True(store.TryRecord("c", t0.AddMinutes(9), t0.AddMinutes(2)), "expired 'b' is purged when full");
        Assert.True(store.TryRecord("a", t0.AddMinutes(20), t0.AddMinutes(6)), "'a' may be used again after it expired");
    }
}
