// The whole-handshake timeout on fake time over the in-memory transport: a dialler that never sends message 3 is
// dropped when the listener's clock passes HandshakePolicy.Timeout, and both sides end with Timeout. No real sleeps.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;
using WotId.Testing.Libp2p;

namespace WotId.Node.Tests.Handshake;

public sealed class HandshakeTimeoutTests
{
    private static readonly TimeSpan s_realSafetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SilentDiallerTimesOutOnBothSidesWhenFakeTimePassesTheLimit()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new MemoryNetwork();
        using var cts = new CancellationTokenSource(s_realSafetyNet);
        using var world = new HandshakeWorld(time);
        TimeSpan limit = TimeSpan.FromSeconds(15);
        Libp2pHostOptions Memory(WotId.Libp2p.Peer.PeerIdentity id, HandshakeGate gate) => new(id)
        {
            ListenAddresses = [MemoryTransport.AnyAddress],
            Transports = [new MemoryTransport(network)],
            TimeProvider = time,
            ConnectionGate = gate,
        };
        await using TestNode server = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy(timeout: limit), Memory);
        await using TestNode client = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy(timeout: limit * 4), Memory);
        var withheld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 3)
            {
                withheld.TrySetResult();
                return null;
            }

            return f;
        };
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);
        await withheld.Task.WaitAsync(cts.Token);
        Assert.False(onServer.IsCompleted);
        time.Advance(limit + TimeSpan.FromSeconds(1));

        HandshakeException serverSide = (await onServer).Failure!;
        HandshakeException clientSide = (await onClient).Failure!;
        Assert.Equal(HandshakeFailureReason.Timeout, serverSide.Reason);
        Assert.False(serverSide.ReportedByPeer);
        Assert.Equal(HandshakeFailureReason.Timeout, clientSide.Reason);
        Assert.True(clientSide.ReportedByPeer);
        await c.Completion.WaitAsync(cts.Token);
    }
}
