// Connection slots (libp2p/specs connections/README.md leaves limits to implementations): inbound and outbound have
// separate limits, connections in their upgrade count only against MaxPendingInbound and MaxInboundPerIp, and a
// WebSocket HTTP upgrade is such a pending connection too. Idle raw sockets on 127.0.0.1 play the attacker.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Tests.FakeTime;
using WotId.Testing.Libp2p;

namespace WotId.Libp2p.Tests.Host;

public sealed class ConnectionSlotTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IdleInboundSocketsNeverFailOurOwnDials()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            MaxPendingInbound = 8,
            MaxInboundPerIp = 8,
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        var idle = new List<Socket>();
        try
        {
            // Four times the pending limit in idle sockets that never start the upgrade.
            for (int i = 0; i < 32; i++)
            {
                idle.Add(await ConnectRawAsync(HostFixture.AddressOf(a, ws: false), IPAddress.Loopback, cts.Token));
            }

            await WaitForAsync(() => a.PendingInboundCount == 8, cts.Token);

            Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
            await c.Identified.WaitAsync(cts.Token);
            Assert.Single(await a.PingAsync(b.PeerId, 1, cts.Token));

            // The other 24 wait in the listen backlog: the host does not accept while its pending slots are full.
            Assert.Equal(8, a.PendingInboundCount);
            Assert.Equal(0, a.ResourceUsage.Refusals.GetValueOrDefault(ResourceLimitKind.PendingInbound));
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task PendingUpgradesPerIpAreLimitedWithoutStarvingOtherAddresses()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            MaxInboundPerIp = 4,
        });
        Multiaddress target = HostFixture.AddressOf(a, ws: false);
        var idle = new List<Socket>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                idle.Add(await ConnectRawAsync(target, IPAddress.Loopback, cts.Token));
            }

            await WaitForAsync(() => a.PendingInboundCount == 4, cts.Token);
            using (Socket fifth = await ConnectRawAsync(target, IPAddress.Loopback, cts.Token))
            {
                await AssertClosedByPeerAsync(fifth, cts.Token);
            }

            // Another address of the same machine is another IP: still admitted.
            idle.Add(await ConnectRawAsync(target, IPAddress.Parse("127.0.0.2"), cts.Token));
            await WaitForAsync(() => a.PendingInboundCount == 5, cts.Token);

            // Once the idle sockets go, 127.0.0.1 gets its slots back and a real peer connects.
            idle.ForEach(s => s.Dispose());
            await WaitForAsync(() => a.PendingInboundCount == 0, cts.Token);
            await using Libp2pHost b = await HostFixture.StartAsync();
            Libp2pConnection c = await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
            await c.Identified.WaitAsync(cts.Token);
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task TheOutboundLimitRefusesWithATypedError()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id) { ListenAddresses = [HostFixture.Tcp], MaxOutboundConnections = 1 });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await using Libp2pHost c = await HostFixture.StartAsync();
        await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);

        HostException refused = await Assert.ThrowsAsync<HostException>(() => a.DialAsync(HostFixture.AddressOf(c, ws: false), cts.Token));

        Assert.Equal(HostError.ConnectionLimit, refused.Error);
        Assert.Equal(ConnectionLimitKind.OutboundConnections, refused.Limit);
        // Inbound is separate: c can still dial a.
        await c.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
    }

    [Fact]
    public async Task WebSocketUpgradesArePendingInboundAndTimeOutOnTheHostClock()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Ws],
            MaxPendingInbound = 4,
            TimeProvider = time,
        });
        Multiaddress target = HostFixture.AddressOf(a, ws: true);
        var idle = new List<Socket>();
        try
        {
            // Sockets that never send their HTTP upgrade request hold pending slots, and only up to the limit.
            for (int i = 0; i < 4; i++)
            {
                idle.Add(await ConnectRawAsync(target, IPAddress.Loopback, cts.Token));
            }

            await WaitForAsync(() => a.PendingInboundCount == 4, cts.Token);

            // A fifth waits in the listen backlog: not accepted while the four hold every slot.
            using Socket fifth = await ConnectRawAsync(target, IPAddress.Parse("127.0.0.3"), cts.Token);
            Assert.Equal(4, a.PendingInboundCount);

            // The HTTP upgrade timeout runs on the host's clock; the freed slots let the fifth in, which times out too.
            Task allClosed = Task.WhenAll(idle.Select(s => AssertClosedByPeerAsync(s, cts.Token)));
            TimeSpan took = await FakeClock.AdvanceUntilAsync(time, allClosed, TimeSpan.FromSeconds(1), cts.Token);
            Assert.True(took >= WotId.Libp2p.Transports.WebSocketTransport.UpgradeTimeout, $"closed after {took} of fake time");
            await WaitForAsync(() => a.PendingInboundCount == 1, cts.Token);
            await FakeClock.AdvanceUntilAsync(time, AssertClosedByPeerAsync(fifth, cts.Token), TimeSpan.FromSeconds(1), cts.Token);
            await WaitForAsync(() => a.PendingInboundCount == 0, cts.Token);
        }
        finally
        {
            idle.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task AWebSocketPeerConnectsThroughTheAdmission()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Ws],
            MaxPendingInbound = 2,
            MaxInboundPerIp = 1,
        });
        await using Libp2pHost b = await HostFixture.StartAsync();

        // Sequential dials: each one's slot is handed from the listener to the host's upgrade and then released.
        for (int i = 0; i < 3; i++)
        {
            Libp2pConnection c = await b.DialAsync(HostFixture.AddressOf(a, ws: true), cts.Token);
            await c.Identified.WaitAsync(cts.Token);
            await WaitForAsync(() => a.PendingInboundCount == 0, cts.Token);
            await c.CloseAsync();
            await WaitForAsync(() => a.Connections.Count == 0, cts.Token);
        }
    }

    /// <summary>A connected raw socket; one the server resets at once (a refusal) may already be reset on return.</summary>
    private static async Task<Socket> ConnectRawAsync(Multiaddress address, IPAddress from, CancellationToken cancellationToken)
    {
        Assert.True(address.TryGetTcpEndPoint(out IPEndPoint? endPoint));
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        try
        {
            await socket.ConnectAsync(endPoint!, cancellationToken);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Refused by the server faster than the connect completed here.
        }

        return socket;
    }

    private static async Task AssertClosedByPeerAsync(Socket socket, CancellationToken cancellationToken)
    {
        if (!socket.Connected)
        {
            return;
        }

        try
        {
            int n = await socket.ReceiveAsync(new byte[64], SocketFlags.None, cancellationToken);
            Assert.Equal(0, n);
        }
        catch (Exception ex) when (ex is SocketException or InvalidOperationException)
        {
            // Reset by the server: closed as well.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
