// The connection gate with real hosts over TCP on 127.0.0.1: gated protocols are refused with multistream "na"
// until the gate opens; identify, ping and the pre-verification protocols are served from the start; a gate that
// rejects or throws ends the connection with its reason in the events.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Testing.Libp2p;

namespace WotId.Libp2p.Tests.Host;

public sealed class ConnectionGateTests
{
    private const string Handshake = "/wotid/test-handshake/1.0.0";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GatedProtocolIsRefusedBeforeTheHandshakeAndServedAfterIt()
    {
        var gate = new TestGate(ConnectionGateDecision.Hold, Handshake);
        await using Libp2pHost server = await StartGatedAsync(gate);
        server.SetHandler(Handshake, async (stream, ct) =>
        {
            // The node's handshake in miniature: read a token, and open the gate when it is right.
            var token = new byte[4];
            await stream.ReadExactlyAsync(token, ct);
            if (token.SequenceEqual("okay"u8.ToArray()))
            {
                stream.Connection.OpenGate();
            }

            await stream.WriteAsync(token, ct);
        });
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        HostEvent gated = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.Gated, cts.Token);
        Assert.False(gated.Connection.IsGateOpen);
        Assert.Equal(1, gate.Calls);

        HostException refused = await Assert.ThrowsAsync<HostException>(() => c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token));
        Assert.Equal(HostError.ProtocolNotSupported, refused.Error);
        Assert.Single(await client.PingAsync(server.PeerId, 1, cts.Token));

        Libp2pStream handshake = await c.OpenStreamAsync(Handshake, cts.Token);
        await handshake.WriteAsync("okay"u8.ToArray(), cts.Token);
        var echoed = new byte[4];
        await handshake.ReadExactlyAsync(echoed, cts.Token);
        await handshake.DisposeAsync();
        HostEvent opened = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.GateOpened, cts.Token);
        Assert.Same(gated.Connection, opened.Connection);
        Assert.True(opened.Connection.IsGateOpen);

        await using Libp2pStream echo = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        byte[] back = await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, [1, 2, 3], cts.Token);
        Assert.Equal(new byte[] { 1, 2, 3 }, back);
    }

    [Fact]
    public async Task GateThatOpensServesEverythingAfterIdentify()
    {
        var gate = new TestGate(ConnectionGateDecision.Open);
        await using Libp2pHost server = await StartGatedAsync(gate);
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        HostEvent opened = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.GateOpened, cts.Token);
        Assert.Equal(client.PeerId, opened.Connection.RemotePeer);
        await using Libp2pStream echo = await c.OpenStreamAsync(HostFixture.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 9 }, await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, [9], cts.Token));
    }

    [Fact]
    public async Task GateThatRejectsEndsTheConnectionWithItsReason()
    {
        var gate = new TestGate(ConnectionGateDecision.Reject("no VerifiedHuman credential"));
        await using Libp2pHost server = await StartGatedAsync(gate);
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        HostEvent closed = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);

        Assert.Equal("gate: no VerifiedHuman credential", closed.Reason);
        Assert.Equal("gate: no VerifiedHuman credential", closed.Connection.CloseReason);
        Assert.Null(closed.Error);
        await c.Completion.WaitAsync(cts.Token);
        Assert.Empty(server.Connections);
    }

    [Fact]
    public async Task GateThatThrowsClosesTheConnectionAndLogsAnError()
    {
        using var logs = new CapturingLoggerProvider();
        var gate = new TestGate((_, _) => throw new InvalidOperationException("gate bug"));
        await using Libp2pHost server = await StartGatedAsync(gate, logs);
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        HostEvent closed = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);

        Assert.Equal("gate: the gate failed", closed.Reason);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception!.Contains("gate bug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GateCanRejectLaterWithCloseReason()
    {
        var gate = new TestGate(ConnectionGateDecision.Hold, Handshake);
        await using Libp2pHost server = await StartGatedAsync(gate);
        server.SetHandler(Handshake, (stream, _) => stream.Connection.CloseAsync("handshake: bad presentation").AsTask());
        await using Libp2pHost client = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.Gated, cts.Token);
        Libp2pStream s = await c.OpenStreamAsync(Handshake, cts.Token);
        await s.DisposeAsync();
        HostEvent closed = await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);

        Assert.Equal("handshake: bad presentation", closed.Reason);
        Assert.False(closed.Connection.IsGateOpen);
        await c.Completion.WaitAsync(cts.Token);
    }

    private static async Task<Libp2pHost> StartGatedAsync(IConnectionGate gate, CapturingLoggerProvider? logs = null) =>
        await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            ConnectionGate = gate,
            LoggerFactory = logs ?? (Microsoft.Extensions.Logging.ILoggerFactory)Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        });
}
