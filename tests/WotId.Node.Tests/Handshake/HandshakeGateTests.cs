// The gate with two real nodes over TCP on 127.0.0.1: a verified pair sees both outcomes and then serves its gated
// protocols; before that only identify, ping and the handshake are served; a presentation lifted from another
// connection is refused; connections beyond the unverified limit are closed.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;

namespace WotId.Node.Tests.Handshake;

public sealed class HandshakeGateTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task VerifiedPeersSeeEachOtherAndThenServeGatedProtocols()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        await using TestNode server = await TestNode.StartAsync(bob.Identity(), world.Policy());
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), world.Policy());
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);
        HandshakeOutcome seenByClient = (await onClient).Outcome!;
        HandshakeOutcome seenByServer = (await onServer).Outcome!;

        Assert.Equal(bob.Key.Did, seenByClient.RemoteDid);
        Assert.Equal(server.Host.PeerId, seenByClient.RemotePeer);
        Assert.Equal(bob.Signal.PublicKey, seenByClient.RemoteIdentityKey);
        Assert.Equal(bob.Bundle.Serialize(), seenByClient.RemoteBundle!.Serialize());
        Assert.Equal(world.Issuer.Did, seenByClient.IssuerDid);
        Assert.Equal(bob.CredentialId, seenByClient.CredentialId);
        Assert.True(seenByClient.IsInitiator);
        Assert.Equal(alice.Key.Did, seenByServer.RemoteDid);
        Assert.Equal(client.Host.PeerId, seenByServer.RemotePeer);
        Assert.Equal(alice.Signal.PublicKey, seenByServer.RemoteIdentityKey);
        Assert.Null(seenByServer.RemoteBundle);
        Assert.False(seenByServer.IsInitiator);

        await using Libp2pStream echo = await c.OpenStreamAsync(TestNode.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 7, 8, 9 }, await TestNode.EchoAsync(echo, [7, 8, 9], cts.Token));
        Assert.Equal(0, server.Gate.UnverifiedConnections);
    }

    [Fact]
    public async Task GatedProtocolIsRefusedWhileTheHandshakeRuns()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        await using TestNode server = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        await using TestNode client = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        var message3 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 3)
            {
                message3.TrySetResult();
                release.Task.Wait(cts.Token);
            }

            return f;
        };
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);
        await message3.Task.WaitAsync(cts.Token);
        HostException refused = await Assert.ThrowsAsync<HostException>(() => c.OpenStreamAsync(TestNode.EchoProtocol, cts.Token));
        Assert.Equal(HostError.ProtocolNotSupported, refused.Error);
        Assert.Single(await client.Host.PingAsync(server.Host.PeerId, 1, cts.Token));

        release.SetResult();
        Assert.True((await onServer).Succeeded);
        await using Libp2pStream echo = await c.OpenStreamAsync(TestNode.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 1 }, await TestNode.EchoAsync(echo, [1], cts.Token));
    }

    [Fact]
    public async Task PresentationFromAnotherConnectionIsNotBoundToThisOne()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty alice = world.NewParty();
        await using TestNode server = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), world.Policy());
        byte[]? earlier = null;
        client.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 3)
            {
                earlier ??= f;
            }

            return f;
        };
        Task<HandshakeEvent> first = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> firstOnClient = client.NextHandshakeAsync(cts.Token);
        Libp2pConnection c1 = await client.Host.DialAsync(server.Address, cts.Token);
        Assert.True((await first).Succeeded);
        Assert.True((await firstOnClient).Succeeded);
        await c1.CloseAsync();
        await c1.Completion.WaitAsync(cts.Token);
        while (server.Host.Connections.Count > 0)
        {
            await Task.Delay(10, cts.Token);
        }

        // Same presentation, in a fresh and correctly signed TSP message on a new connection.
        client.Gate.Services.OutgoingFrameFilter = (n, f) => n == 3 ? FrameRewriter.WithPresentationOf(f, earlier!, alice.Key) : f;
        Task<HandshakeEvent> second = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> secondOnClient = client.NextHandshakeAsync(cts.Token);
        Libp2pConnection c2 = await client.Host.DialAsync(server.Address, cts.Token);

        Assert.Equal(HandshakeFailureReason.BindingMismatch, (await second).Failure!.Reason);
        Assert.Equal(HandshakeFailureReason.BindingMismatch, (await secondOnClient).Failure!.Reason);
        await c2.Completion.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task ConnectionsBeyondTheUnverifiedLimitAreClosed()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        await using TestNode server = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy(maxUnverified: 1));
        await using TestNode slow = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        await using TestNode late = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 3)
            {
                release.Task.Wait(cts.Token);
            }

            return f;
        };

        Task<HandshakeEvent> slowDone = slow.NextHandshakeAsync(cts.Token);
        await slow.Host.DialAsync(server.Address, cts.Token);
        while (server.Gate.UnverifiedConnections < 1)
        {
            await Task.Delay(10, cts.Token);
        }

        Task<HostEvent> closed = server.NextClosedAsync(cts.Token);
        Libp2pConnection refused = await late.Host.DialAsync(server.Address, cts.Token);
        Assert.Equal("gate: handshake: too many unverified connections", (await closed).Reason);
        await refused.Completion.WaitAsync(cts.Token);

        release.SetResult();
        Assert.True((await slowDone).Succeeded);
    }

    [Fact]
    public async Task DiallerThatRejectsTheListenerSendsItsReasonBack()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty bob = world.NewParty();
        bob.Credential = null;
        await using TestNode server = await TestNode.StartAsync(bob.Identity(), world.Policy());
        await using TestNode client = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);

        HandshakeException clientSide = (await onClient).Failure!;
        HandshakeException serverSide = (await onServer).Failure!;
        Assert.Equal(HandshakeFailureReason.MissingCredential, clientSide.Reason);
        Assert.False(clientSide.ReportedByPeer);
        Assert.Equal(HandshakeFailureReason.MissingCredential, serverSide.Reason);
        Assert.True(serverSide.ReportedByPeer);
        await c.Completion.WaitAsync(cts.Token);
    }

    [Fact]
    public async Task PeerWithoutTheHandshakeProtocolIsClosedAsVersionNotSupported()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        using var plainId = WotId.Libp2p.Peer.PeerIdentity.Generate();
        await using var plain = new Libp2pHost(new Libp2pHostOptions(plainId) { ListenAddresses = [TestNode.Tcp] });
        await plain.StartAsync(cts.Token);
        await using TestNode client = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy());
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(plain.AdvertisedAddresses[0], cts.Token);

        Assert.Equal(HandshakeFailureReason.VersionNotSupported, (await onClient).Failure!.Reason);
        await c.Completion.WaitAsync(cts.Token);
        Assert.Equal("gate: handshake: version_not_supported", c.CloseReason);
    }
}
