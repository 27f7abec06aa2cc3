using System;
using System.Text;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Testing;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

/// <summary>
/// Two real nodes whose VerifiedHuman credentials (and status list) come from a did:iota issuer that neither can reach
/// on a ledger: each profile keeps the issuer's DID document (<c>wotid trust add ISSUER_DID --did-document FILE</c>),
/// and the handshake resolves the issuer from it, offline.
/// </summary>
public sealed class IssuerDocumentHandshakeTests
{
    private static readonly IotaDid s_issuer = IotaDid.FromObjectId("0x" + new string('e', 64));

    [Fact]
    public async Task NodesAcceptCredentialsFromADidIotaIssuerWhoseDocumentTheProfileKeeps()
    {
        using var world = new RuntimeWorld();
        string document = new DidDocumentBuilder(s_issuer.Value).AddSigningKey("sig", world.IssuerKey.PublicKey).Build().ToJson();
        world.StatusLists.Put(RuntimeWorld.ListUrl, MoveToDidIota(world.Issuer.IssueStatusListCredential(), world.IssuerKey));
        NodeProfile alicePro = await ProfileAsync(world, "alice", document);
        NodeProfile bobPro = await ProfileAsync(world, "bob", document);
        Assert.Equal(document, Assert.Single(alicePro.GetIssuerDocuments()).Value);

        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage sent = await alice.SendTextAsync("bob", "hello from a did:iota credential", TestProfiles.Ct);
        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
        await bobEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "alice");
        Assert.Equal(s_issuer.Value, (await alice.GetStatusAsync(TestProfiles.Ct)).Credential!.Issuer);
    }

    [Fact]
    public async Task DistrustingAnIssuerRemovesItsKeptDocument()
    {
        using var world = new RuntimeWorld();
        string document = new DidDocumentBuilder(s_issuer.Value).AddSigningKey("sig", world.IssuerKey.PublicKey).Build().ToJson();
        NodeProfile profile = await ProfileAsync(world, "carol", document);
        Assert.Single(profile.GetIssuerDocuments());
        Assert.True(profile.DistrustIssuer(s_issuer.Value));
        Assert.Empty(profile.GetIssuerDocuments());
        profile.Dispose();
    }

    private static async Task<NodeProfile> ProfileAsync(RuntimeWorld world, string name, string document)
    {
        (NodeProfile profile, _) = await world.CreateAsync(name);
        profile.SetCredential(MoveToDidIota(world.Issuer.IssueVerifiedHuman(profile.Did, TimeSpan.FromDays(30)).Jws, world.IssuerKey));
        profile.DistrustIssuer(world.Issuer.Did);
        profile.TrustIssuer(s_issuer.Value);
        profile.SetIssuerDocument(s_issuer.Value, document);
        return profile;
    }

    // The same credential with the did:iota DID as issuer and kid, signed again by the key its document lists.
    private static string MoveToDidIota(string jws, SigningKey key)
    {
        CompactJws parsed = CompactJws.Parse(jws);
        string payload = Encoding.UTF8.GetString(parsed.Payload.Span).Replace(key.Did, s_issuer.Value, StringComparison.Ordinal);
        return CompactJws.Sign(new JwsHeader(key.Algorithm, s_issuer.Value + "#sig", parsed.Header.Typ), Encoding.UTF8.GetBytes(payload), key);
    }
}
