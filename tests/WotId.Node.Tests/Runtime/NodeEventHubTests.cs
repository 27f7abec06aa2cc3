// The event stream of the node: every reader sees every event published after it subscribed, and a reader that
// falls behind loses the oldest events, never the newest, without holding up the others.
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
}
