// Served ping and identify streams have read/write timeouts on the host's clock (go-libp2p's 10 s ping timeout;
// identify bounded by IdentifyTimeout): a verified peer that opens one and then goes silent must not keep the
// connection from its idle timeout. Real TCP on 127.0.0.1; the server host runs on fake time.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Host;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Tests.FakeTime;

namespace WotId.Libp2p.Tests.Host;

public sealed class HandlerTimeoutTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_idle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ASilentPingStreamIsResetAndTheIdleTimeoutStillCloses()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost server = await StartServerAsync(time);
        await using Libp2pHost client = await HostFixture.StartAsync();
        Libp2pConnection onServer = await ConnectAsync(client, server, cts.Token);
        Task<HostEvent> closed = HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);

        await using Libp2pStream ping = await client.OpenStreamAsync(server.PeerId, PingProtocol.ProtocolId, cts.Token);
        await PingProtocol.PingAsync(ping, cts.Token);
        // Hold the stream: no further ping, no close. The server resets it after PingTimeout; then the idle timer runs.
        Task<int> held = ping.ReadAsync(new byte[1], cts.Token).AsTask();

        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, closed, TimeSpan.FromSeconds(1), cts.Token);

        Assert.Equal("idle", (await closed).Reason);
        Assert.True(took >= s_idle, $"closed after {took} of fake time");
        await Assert.ThrowsAnyAsync<IOException>(() => held);
        Assert.Equal(0, onServer.Session.StreamCount);
    }

    [Fact]
    public async Task ASilentIdentifyPushStreamIsReset()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost server = await StartServerAsync(time);
        await using Libp2pHost client = await HostFixture.StartAsync();
        Libp2pConnection onServer = await ConnectAsync(client, server, cts.Token);

        await using Libp2pStream push = await client.OpenStreamAsync(server.PeerId, IdentifyProtocol.PushProtocolId, cts.Token);
        Task<int> held = push.ReadAsync(new byte[1], cts.Token).AsTask();

        Task reset = Assert.ThrowsAnyAsync<IOException>(() => held);

        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, reset, TimeSpan.FromSeconds(1), cts.Token);

        Assert.True(took >= server.Options.IdentifyTimeout, $"reset after {took} of fake time");
        await WaitForAsync(() => onServer.Session.StreamCount == 0, cts.Token);
    }

    [Fact]
    public async Task AnIdentifyRequesterThatNeverClosesIsReset()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost server = await StartServerAsync(time);
        await using Libp2pHost client = await HostFixture.StartAsync();
        Libp2pConnection onServer = await ConnectAsync(client, server, cts.Token);

        // Ask for identify but never half-close: read the answer's first bytes, then wait.
        await using Libp2pStream request = await client.OpenStreamAsync(server.PeerId, IdentifyProtocol.ProtocolId, cts.Token);
        await request.ReadExactlyAsync(new byte[1], cts.Token);
        Assert.Equal(1, onServer.Session.StreamCount);
        Task drained = Task.Run(
            async () =>
            {
                var sink = new byte[1024];
                while (await request.ReadAsync(sink, cts.Token) > 0)
                {
                }
            },
            cts.Token);
        Task gone = WaitForAsync(() => onServer.Session.StreamCount == 0, cts.Token);

        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, gone, TimeSpan.FromSeconds(1), cts.Token);

        Assert.True(took >= server.Options.IdentifyTimeout, $"reset after {took} of fake time");
        await drained; // The answer and the server's FIN arrive; the reset only removes the half-open stream.
    }

    private static async Task<Libp2pHost> StartServerAsync(FakeTimeProvider time)
    {
        Libp2pHost server = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            TimeProvider = time,
            IdleTimeout = s_idle,
        });
        return server;
    }

    private static async Task<Libp2pConnection> ConnectAsync(Libp2pHost client, Libp2pHost server, CancellationToken cancellationToken)
    {
        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cancellationToken);
        await c.Identified.WaitAsync(cancellationToken);
        await WaitForAsync(() => server.Connections.Count == 1, cancellationToken);
        Libp2pConnection onServer = server.Connections.Single();
        await onServer.Identified.WaitAsync(cancellationToken);
        await WaitForAsync(() => onServer.Session.StreamCount == 0, cancellationToken);
        return onServer;
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
