// Multi-node tests in-process: hosts over the in-memory transport with a FakeTimeProvider, so timeouts fire on a
// fake-time advance and never on a real sleep (rust-libp2p protocols/ping/tests/ping.rs runs the same way).
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Host;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Testing.Libp2p;

namespace WotId.Libp2p.Tests.FakeTime;

public sealed class MemoryHostTests : IAsyncDisposable
{
    private static readonly TimeSpan s_realSafetyNet = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly MemoryNetwork _network = new();
    private readonly PeerIdentity _serverId = PeerIdentity.Generate();
    private readonly PeerIdentity _clientId = PeerIdentity.Generate();

    [Fact]
    public async Task HostsConnectIdentifyAndPingOverTheMemoryTransport()
    {
        await using Libp2pHost server = await StartAsync(_serverId, TimeSpan.Zero);
        await using Libp2pHost client = await StartAsync(_clientId, TimeSpan.Zero);
        using var cts = new CancellationTokenSource(s_realSafetyNet);

        Libp2pConnection c = await client.DialAsync(FakeClock.AddressOf(server), cts.Token);
        var identify = await c.Identified.WaitAsync(cts.Token);

        Assert.Equal(server.PeerId, c.RemotePeer);
        Assert.StartsWith("/memory/", c.RemoteAddress.ToString(), StringComparison.Ordinal);
        Assert.Contains(server.ListenAddresses.Single().ToString(), identify.ParsedListenAddrs().Select(a => a.ToString()));
        Assert.Single(await client.PingAsync(server.PeerId, 1, cts.Token));
        Assert.Equal(c.ChannelBinding.ToArray(), server.Connections.Single().ChannelBinding.ToArray());
    }

    [Fact]
    public async Task IdleTimeoutClosesTheConnectionOnAFakeTimeAdvance()
    {
        TimeSpan idle = TimeSpan.FromMinutes(1);
        await using Libp2pHost server = await StartAsync(_serverId, idle);
        await using Libp2pHost client = await StartAsync(_clientId, TimeSpan.Zero);
        using var cts = new CancellationTokenSource(s_realSafetyNet);

        Libp2pConnection c = await client.DialAsync(FakeClock.AddressOf(server), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        Libp2pConnection onServer = server.Connections.Single();
        await onServer.Identified.WaitAsync(cts.Token);
        Task<HostEvent> closed = HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);

        TimeSpan took = await FakeClock.AdvanceUntilAsync(_time, closed, TimeSpan.FromSeconds(1), cts.Token);

        Assert.Equal("idle", (await closed).Reason);
        Assert.True(took > idle, $"closed after {took} of fake time");
        Assert.True(took < idle + TimeSpan.FromSeconds(20), $"closed after {took} of fake time");
        await c.Completion.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task AStalledInboundUpgradeIsDroppedAtTheUpgradeTimeout()
    {
        await using Libp2pHost server = await StartAsync(_serverId, TimeSpan.Zero);
        using var cts = new CancellationTokenSource(s_realSafetyNet);
        var transport = new MemoryTransport(_network);
        await using TransportConnection raw = await transport.DialAsync(FakeClock.AddressOf(server), cts.Token);

        // Agree on /noise, then never send the first handshake message.
        Assert.Equal("/noise", await MultistreamSelect.SelectAsync(raw, ["/noise"], cts.Token));
        Task<int> read = raw.ReadAsync(new byte[1], cts.Token).AsTask();
        Task dropped = Task.Run(async () => await Assert.ThrowsAnyAsync<System.IO.IOException>(() => read), cts.Token);

        TimeSpan took = await FakeClock.AdvanceUntilAsync(_time, dropped, TimeSpan.FromSeconds(1), cts.Token);

        Assert.True(took >= server.Options.UpgradeTimeout, $"dropped after {took} of fake time");
        Assert.Empty(server.Connections);
    }

    public async ValueTask DisposeAsync()
    {
        _serverId.Dispose();
        _clientId.Dispose();
        await Task.CompletedTask;
    }

    private async Task<Libp2pHost> StartAsync(PeerIdentity id, TimeSpan idle)
    {
        var host = new Libp2pHost(new Libp2pHostOptions(id)
        {
            ListenAddresses = [MemoryTransport.AnyAddress],
            Transports = [new MemoryTransport(_network)],
            TimeProvider = _time,
            IdleTimeout = idle,
        });
        await host.StartAsync();
        return host;
    }
}
