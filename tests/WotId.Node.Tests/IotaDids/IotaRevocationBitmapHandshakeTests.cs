using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Issuing;
using WotId.Node.Handshake;
using WotId.Node.IotaDids;
using WotId.Node.Tests.Handshake;
using WotId.Testing.Iota;

namespace WotId.Node.Tests.IotaDids;

/// <summary>
/// Two real nodes over TCP whose credentials come from a did:iota issuer that revokes with IOTA Identity's
/// RevocationBitmap2022: the handshake resolves the issuer through a fixture IOTA node on 127.0.0.1 (constructed answers,
/// IotaIdentityFixtures) and reads the bitmap service of the document it resolved.
/// </summary>
public sealed class IotaRevocationBitmapHandshakeTests
{
    private static readonly IotaDid s_issuer = IotaDid.FromObjectId("0x" + new string('d', 64), "a9c98038");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACredentialRevokedInTheIssuersBitmapIsRefusedAsRevoked(bool revokeAlice)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var world = new HandshakeWorld();
        var issuer = new CredentialIssuer(world.IssuerKey, new IssuerState(HandshakeWorld.ListUrl), world.Time)
        {
            IssuerDid = s_issuer.Value,
            KeyId = s_issuer.Value + "#sig",
            Format = CredentialFormat.VcJwt11,
            RevocationBitmapServiceId = s_issuer.Value + "#revocation",
        };
        using HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        IssuedCredential aliceCredential = issuer.IssueVerifiedHuman(alice.Key.Did, TimeSpan.FromDays(30));
        alice.Credential = aliceCredential.Jws;
        bob.Credential = issuer.IssueVerifiedHuman(bob.Key.Did, TimeSpan.FromDays(30)).Jws;
        if (revokeAlice)
        {
            Assert.True(issuer.Revoke(aliceCredential.Id));
        }

        DidDocument document = new DidDocumentBuilder(s_issuer.Value).AddSigningKey("sig", world.IssuerKey.PublicKey).Build()
            .WithService(issuer.RevocationBitmapService());
        byte[] packed = IotaDidDocumentPacking.Pack(document, new IotaDocumentMetadata(null, null));
        await using FixtureJsonRpcServer iota = FixtureJsonRpcServer.Start((method, p) => method switch
        {
            "iota_getChainIdentifier" => JsonValue.Create("a9c98038"),
            "iota_getObject" => IotaIdentityFixtures.IdentityObject(p[0].GetString()!, packed, 1_767_323_045_000, 1_767_323_046_000),
            _ => null,
        });

        await using TestNode server = await TestNode.StartAsync(bob.Identity(), Policy(world, iota));
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), Policy(world, iota));
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);
        await client.Host.DialAsync(server.Address, cts.Token);

        HandshakeEvent atBob = await onServer;
        if (revokeAlice)
        {
            Assert.Equal(HandshakeFailureReason.Revoked, atBob.Failure!.Reason);
            Assert.False((await onClient).Succeeded);
        }
        else
        {
            Assert.Equal(s_issuer.Value, atBob.Outcome!.IssuerDid);
            Assert.Equal(s_issuer.Value, (await onClient).Outcome!.IssuerDid);
        }
    }

    private static HandshakePolicy Policy(HandshakeWorld world, FixtureJsonRpcServer iota)
    {
        var resolver = new DidResolver();
        resolver.Register("iota", IotaRpcObjectReader.CreateResolver(iota.Endpoint, time: world.Time));
        return new HandshakePolicy([s_issuer.Value], world.StatusLists)
        {
            TimeProvider = world.Time,
            Timeout = TimeSpan.FromSeconds(20),
            DidResolver = resolver,
        };
    }
}
