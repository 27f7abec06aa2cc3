using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Node.Handshake;
using WotId.Node.IotaDids;
using WotId.Node.Profile;
using WotId.Node.Tests.Handshake;
using WotId.Testing.Iota;

namespace WotId.Node.Tests.IotaDids;

/// <summary>
/// Two real nodes over TCP, Alice signing as a did:iota whose document (ProfileDidDocument: her ML-DSA-65 key as an AKP
/// JsonWebKey2020 under #mldsa65) is served back by a fixture IOTA node on 127.0.0.1 (constructed answers,
/// IotaIdentityFixtures), Bob as his did:key: both verify each other, and a peer whose did:iota is deactivated is refused as Revoked.
/// </summary>
public sealed class IotaProfileHandshakeTests
{
    private const string Chain = "a9c98038";
    private static readonly IotaDid s_alice = IotaDid.FromObjectId("0x" + new string('a', 64), Chain);

    [Fact]
    public async Task APeerSigningAsItsDidIotaIsVerifiedThroughItsPublishedDocument()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var world = new HandshakeWorld();
        world.Publish();
        using HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        await using FixtureJsonRpcServer iota = Serve(ProfileDidDocument.Pack(alice.Key, world.Time.GetUtcNow()));
        string credential = world.Issuer.IssueVerifiedHuman(s_alice.Value, TimeSpan.FromDays(30)).Jws;
        var aliceIdentity = new HandshakeIdentity(alice.Key, s_alice.Value, credential, alice.Signal.PublicKey, () => alice.Bundle);
        Assert.Equal(s_alice.Value + "#mldsa65", aliceIdentity.KeyId);

        await using TestNode server = await TestNode.StartAsync(bob.Identity(), Policy(world, iota));
        await using TestNode client = await TestNode.StartAsync(aliceIdentity, Policy(world, iota));
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);
        await client.Host.DialAsync(server.Address, cts.Token);

        HandshakeEvent atBob = await onServer, atAlice = await onClient;
        Assert.True(atBob.Succeeded, atBob.ToString());
        Assert.True(atAlice.Succeeded, atAlice.ToString());
        Assert.Equal(s_alice.Value, atBob.Outcome!.RemoteDid);
        Assert.Equal(bob.Key.Did, atAlice.Outcome!.RemoteDid);
        Assert.Contains("iota_getObject", iota.Methods);
    }

    [Fact]
    public async Task ADeactivatedDidIotaIsRefusedAsRevoked()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var world = new HandshakeWorld();
        world.Publish();
        using HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        await using FixtureJsonRpcServer iota = Serve(null);
        string credential = world.Issuer.IssueVerifiedHuman(s_alice.Value, TimeSpan.FromDays(30)).Jws;
        var aliceIdentity = new HandshakeIdentity(alice.Key, s_alice.Value, credential, alice.Signal.PublicKey, () => alice.Bundle);

        await using TestNode server = await TestNode.StartAsync(bob.Identity(), Policy(world, iota));
        await using TestNode client = await TestNode.StartAsync(aliceIdentity, Policy(world, iota));
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);
        await client.Host.DialAsync(server.Address, cts.Token);

        // Bob refuses message 1 before he knows a verified sender to address his error frame to, so Alice only
        // sees the handshake fail (as for any message 1 whose signature does not verify).
        HandshakeException atBob = (await onServer).Failure!;
        Assert.Equal(HandshakeFailureReason.Revoked, atBob.Reason);
        Assert.False(atBob.ReportedByPeer);
        Assert.Contains("deactivated", atBob.Message, StringComparison.Ordinal);
        Assert.False((await onClient).Succeeded);
    }

    private static FixtureJsonRpcServer Serve(byte[]? packed) => FixtureJsonRpcServer.Start((method, p) => method switch
    {
        "iota_getChainIdentifier" => JsonValue.Create(Chain),
        "iota_getObject" => IotaIdentityFixtures.IdentityObject(p[0].GetString()!, packed, 1_767_323_045_000, 1_767_323_046_000),
        _ => null,
    });

    private static HandshakePolicy Policy(HandshakeWorld world, FixtureJsonRpcServer iota)
    {
        var resolver = new DidResolver();
        resolver.Register("iota", IotaRpcObjectReader.CreateResolver(iota.Endpoint, time: world.Time));
        return new HandshakePolicy([world.Issuer.Did], world.StatusLists)
        {
            TimeProvider = world.Time,
            Timeout = TimeSpan.FromSeconds(20),
            DidResolver = resolver,
        };
    }
}
