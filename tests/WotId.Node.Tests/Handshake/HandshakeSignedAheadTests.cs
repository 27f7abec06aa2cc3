// Handshake messages signed before they are due (HandshakeGate.ExpectedDid, docs/node.md "Handshake"), between two
// real nodes over TCP on 127.0.0.1: with the right expectation the listener has its message 2 (and so its prekey
// bundle) ready before message 1 arrives; with a wrong one the early message is dropped and a fresh one is made; and
// every failure still ends with its reason on both sides.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;

namespace WotId.Node.Tests.Handshake;

public sealed class HandshakeSignedAheadTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ListenerThatExpectsTheDiallerHasMessage2ReadyBeforeMessage1Arrives()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        using var bundleAsked = new ManualResetEventSlim();
        int bundles = 0;
        var bobIdentity = new HandshakeIdentity(bob.Key, bob.Credential, bob.Signal.PublicKey, () =>
        {
            Interlocked.Increment(ref bundles);
            bundleAsked.Set();
            return bob.Bundle;
        });
        await using TestNode server = await TestNode.StartAsync(bobIdentity, world.Policy());
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), world.Policy());
        server.Gate.ExpectedDid = _ => alice.Key.Did;
        client.Gate.ExpectedDid = _ => bob.Key.Did;
        bool readyBeforeMessage1 = false;
        // Message 1 leaves only once the listener asked for its bundle, which it does for message 2 only: so message 2
        // was being made before message 1 arrived.
        client.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 1)
            {
                readyBeforeMessage1 = bundleAsked.Wait(TimeSpan.FromSeconds(20));
            }

            return f;
        };
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);
        HandshakeOutcome seenByClient = (await onClient).Outcome!;
        HandshakeOutcome seenByServer = (await onServer).Outcome!;

        Assert.True(readyBeforeMessage1);
        Assert.Equal(1, Volatile.Read(ref bundles));
        Assert.Equal(bob.Key.Did, seenByClient.RemoteDid);
        Assert.Equal(bob.Bundle.Serialize(), seenByClient.RemoteBundle!.Serialize());
        Assert.Equal(alice.Key.Did, seenByServer.RemoteDid);
        Assert.Equal(alice.Signal.PublicKey, seenByServer.RemoteIdentityKey);
        await using Libp2pStream echo = await c.OpenStreamAsync(TestNode.EchoProtocol, cts.Token);
        Assert.Equal(new byte[] { 1, 2 }, await TestNode.EchoAsync(echo, [1, 2], cts.Token));
    }

    [Fact]
    public async Task WrongExpectationIsDroppedAndTheHandshakeStillVerifiesTheRealPeer()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        HandshakeParty stranger = world.NewParty();
        int bundles = 0;
        var bobIdentity = new HandshakeIdentity(bob.Key, bob.Credential, bob.Signal.PublicKey, () =>
        {
            Interlocked.Increment(ref bundles);
            return bob.Bundle;
        });
        await using TestNode server = await TestNode.StartAsync(bobIdentity, world.Policy());
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), world.Policy());
        server.Gate.ExpectedDid = _ => stranger.Key.Did;
        client.Gate.ExpectedDid = _ => stranger.Key.Did;
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);
        HandshakeOutcome seenByClient = (await onClient).Outcome!;
        HandshakeOutcome seenByServer = (await onServer).Outcome!;

        Assert.Equal(bob.Key.Did, seenByClient.RemoteDid);
        Assert.Equal(alice.Key.Did, seenByServer.RemoteDid);
        // One bundle for the message 2 made ahead for the stranger (dropped), one for the message 2 sent to alice.
        Assert.Equal(2, Volatile.Read(ref bundles));
        Assert.True(c.IsGateOpen);
    }

    [Fact]
    public async Task RevokedDiallerIsRefusedOnBothSidesAlthoughItsAnswerWasSignedAhead()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var world = new HandshakeWorld();
        HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        Assert.True(world.Issuer.Revoke(alice.CredentialId));
        world.Publish();
        await using TestNode server = await TestNode.StartAsync(bob.Identity(), world.Policy());
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), world.Policy());
        server.Gate.ExpectedDid = _ => alice.Key.Did;
        client.Gate.ExpectedDid = _ => bob.Key.Did;
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);

        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);

        HandshakeException serverSide = (await onServer).Failure!;
        HandshakeException clientSide = (await onClient).Failure!;
        Assert.Equal(HandshakeFailureReason.Revoked, serverSide.Reason);
        Assert.Equal(HandshakeFailureReason.Revoked, clientSide.Reason);
        Assert.True(clientSide.ReportedByPeer);
        await c.Completion.WaitAsync(cts.Token);
        Assert.False(c.IsGateOpen);
    }
}
