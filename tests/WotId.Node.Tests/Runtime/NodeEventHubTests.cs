// The event stream of the node: every reader sees every event published after it subscribed (the first reader also
// those published before it), and a reader that falls behind loses the oldest events, never the newest, without
// holding up the others.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeEventHubTests
{
    [Fact]
    public async Task EveryReaderSeesEveryEventAndASlowReaderLosesTheOldest()
    {
        var hub = new NodeEventHub(TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        IAsyncEnumerator<NodeEvent> fast = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        IAsyncEnumerator<NodeEvent> slow = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        // An enumerator registers its channel at Subscribe; nothing is read from "slow" until all are published.
        int total = NodeEventHub.Capacity + 10;
        for (int i = 0; i < total; i++)
        {
            hub.Publish(NodeEventKinds.MessageReceived, messageId: i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await fast.MoveNextAsync());
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), fast.Current.MessageId);
        }

        hub.Complete();
        var seen = new List<string?>();
        while (await slow.MoveNextAsync())
        {
            seen.Add(slow.Current.MessageId);
        }

        Assert.Equal(NodeEventHub.Capacity, seen.Count);
        Assert.Equal("10", seen[0]);
        Assert.Equal((total - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), seen[^1]);
        Assert.False(await fast.MoveNextAsync());
        await fast.DisposeAsync();
        await slow.DisposeAsync();
    }

    [Fact]
    public async Task TheFirstReaderAlsoGetsTheEventsPublishedBeforeItAndLaterReadersDoNot()
    {
        var hub = new NodeEventHub(TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (int i = 0; i < NodeEventHub.Capacity + 5; i++)
        {
            hub.Publish(NodeEventKinds.MessageReceived, messageId: "early-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        IAsyncEnumerator<NodeEvent> first = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        IAsyncEnumerator<NodeEvent> second = hub.Subscribe(cts.Token).GetAsyncEnumerator(cts.Token);
        hub.Publish(NodeEventKinds.MessageReceived, messageId: "late");
        hub.Complete();
        var firstSeen = new List<string?>();
        while (await first.MoveNextAsync())
        {
            firstSeen.Add(first.Current.MessageId);
        }

        // The reader's own queue holds Capacity events: the oldest early ones make room for the live one.
        Assert.Equal(NodeEventHub.Capacity, firstSeen.Count);
        Assert.Equal("early-6", firstSeen[0]);
        Assert.Equal("late", firstSeen[^1]);
        Assert.True(await second.MoveNextAsync());
        Assert.Equal("late", second.Current.MessageId);
        Assert.False(await second.MoveNextAsync());
        await first.DisposeAsync();
        await second.DisposeAsync();
    }
}
