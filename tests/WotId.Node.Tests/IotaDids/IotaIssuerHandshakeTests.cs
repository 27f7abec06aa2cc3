using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;
using WotId.Node.IotaDids;
using WotId.Node.Tests.Handshake;
using WotId.Testing.Iota;

namespace WotId.Node.Tests.IotaDids;

/// <summary>
/// Two real nodes over TCP whose VerifiedHuman credentials (and status list) come from a did:iota issuer, resolved by
/// the handshake through a fixture IOTA node on 127.0.0.1 (constructed answers, IotaIdentityFixtures).
/// </summary>
public sealed class IotaIssuerHandshakeTests
{
    private static readonly IotaDid s_issuer = IotaDid.FromObjectId("0x" + new string('c', 64), "a9c98038");

    [Fact]
    public async Task NodesAcceptCredentialsFromATrustedDidIotaIssuerResolvedThroughTheIotaNode()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var world = new HandshakeWorld();
        byte[] packed = IotaDidDocumentPacking.Pack(
            new DidDocumentBuilder(s_issuer.Value).AddSigningKey("sig", world.IssuerKey.PublicKey).Build(),
            new IotaDocumentMetadata(null, null));
        await using FixtureJsonRpcServer iota = FixtureJsonRpcServer.Start((method, p) => method switch
        {
            "iota_getChainIdentifier" => JsonValue.Create("a9c98038"),
            "iota_getObject" => IotaIdentityFixtures.IdentityObject(p[0].GetString()!, packed, 1_767_323_045_000, 1_767_323_046_000),
            _ => null,
        });
        HandshakeParty alice = world.NewParty(), bob = world.NewParty();
        alice.Credential = MoveToDidIota(alice.Credential!, world.IssuerKey);
        bob.Credential = MoveToDidIota(bob.Credential!, world.IssuerKey);
        world.StatusLists.Put(HandshakeWorld.ListUrl, MoveToDidIota(world.Issuer.IssueStatusListCredential(), world.IssuerKey));

        await using TestNode server = await TestNode.StartAsync(bob.Identity(), Policy(world, iota));
        await using TestNode client = await TestNode.StartAsync(alice.Identity(), Policy(world, iota));
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);
        await client.Host.DialAsync(server.Address, cts.Token);

        Assert.Equal(s_issuer.Value, (await onClient).Outcome!.IssuerDid);
        Assert.Equal(s_issuer.Value, (await onServer).Outcome!.IssuerDid);
        Assert.Contains("iota_getObject", iota.Methods);
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

    // The same credential with the did:iota DID as issuer and kid, signed again by the key its document lists.
    private static string MoveToDidIota(string jws, SigningKey key)
    {
        CompactJws parsed = CompactJws.Parse(jws);
        string payload = Encoding.UTF8.GetString(parsed.Payload.Span).Replace(key.Did, s_issuer.Value, StringComparison.Ordinal);
        return CompactJws.Sign(new JwsHeader(key.Algorithm, s_issuer.Value + "#sig", parsed.Header.Typ), Encoding.UTF8.GetBytes(payload), key);
    }
}
