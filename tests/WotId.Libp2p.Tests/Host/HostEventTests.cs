// The host's event stream: ordered connection lifecycle events through a bounded channel that drops the oldest entry,
// so neither a slow nor a failing consumer can hold up or abort an upgrade. Real hosts over TCP on 127.0.0.1.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Host;

public sealed class HostEventTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsReportOpenedIdentifiedAndClosedInOrder()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        await c.CloseAsync("done");

        var kinds = new List<HostEventKind>();
        HostEvent closed = await HostFixture.NextEventAsync(
            a,
            e =>
            {
                kinds.Add(e.Kind);
                return e.Kind == HostEventKind.ConnectionClosed;
            },
            cts.Token);

        Assert.Equal([HostEventKind.ConnectionOpened, HostEventKind.Identified, HostEventKind.ConnectionClosed], kinds);
        Assert.Same(c, closed.Connection);
        Assert.Equal("done", closed.Reason);
        Assert.Null(closed.Error);
        Assert.Equal(0, a.DroppedEventCount);
    }

    [Fact]
    public async Task NobodyReadingDropsTheOldestEventsAndUpgradesStillSucceed()
    {
        var ids = new List<PeerIdentity>();
        await using Libp2pHost server = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            EventCapacity = 2,
        }, ids);
        using var cts = new CancellationTokenSource(s_timeout);

        var clients = new List<Libp2pHost>();
        for (int i = 0; i < 3; i++)
        {
            Libp2pHost client = await HostFixture.StartAsync(keep: ids);
            clients.Add(client);
            Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
            await c.Identified.WaitAsync(cts.Token);
            Assert.Single(await client.PingAsync(server.PeerId, 1, cts.Token));
        }

        // Three connections, each at least "opened" on the server: at least one event fell out of a queue of two.
        Assert.True(server.DroppedEventCount >= 1);
        Assert.Equal(3, server.Connections.Count);
        foreach (Libp2pHost client in clients)
        {
            await client.DisposeAsync();
        }

        ids.ForEach(i => i.Dispose());
    }

    [Fact]
    public async Task AThrowingConsumerDoesNotAbortUpgrades()
    {
        await using Libp2pHost server = await HostFixture.StartAsync();
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Task consumer = Task.Run(async () =>
        {
            await foreach (HostEvent e in server.ReadEventsAsync(cts.Token))
            {
                throw new InvalidOperationException("consumer bug on " + e.Kind);
            }
        });

        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consumer);
        await c.Identified.WaitAsync(cts.Token);
        await using Libp2pStream echo = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 7 }, await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, [7], cts.Token));
        Assert.False(server.Connections.Single().IsClosed);
    }

    [Fact]
    public async Task TheEventStreamEndsWhenTheHostStops()
    {
        Libp2pHost host = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Task<int> count = Task.Run(async () =>
        {
            int n = 0;
            await foreach (HostEvent e in host.ReadEventsAsync(cts.Token))
            {
                n++;
            }

            return n;
        });

        await host.StopAsync(cts.Token);
        Assert.Equal(0, await count.WaitAsync(cts.Token));
        await host.DisposeAsync();
    }
}
