// A credential imported, and an issuer distrusted, while the node runs (docs/node.md "Credential"): two real nodes
// on 127.0.0.1; the import goes through the node's real control API (ControlApiServer on its Unix socket, reached by
// ControlApiClient as `wotid credential import` does), and the next handshake uses it without a restart.
using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Identity.Issuing;
using WotId.Node.Api;
using WotId.Node.Control;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeCredentialTests
{
    [Fact]
    public async Task CredentialImportedThroughTheControlApiCountsAtTheNextHandshake()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        // Bob's stored credential expired 30 days ago (issued by the trusted issuer, 60 days back).
        var past = new CredentialIssuer(world.IssuerKey, world.Issuer.State, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-60)));
        bobPro.SetCredential(past.IssueVerifiedHuman(bobPro.Did, TimeSpan.FromDays(30)).Jws);
        world.Publish();
        string bobDid = bobPro.Did;
        string bobHome = bobPro.Home;
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        await using var aliceEvents = new EventRecorder(alice);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        Assert.False((await bob.GetStatusAsync(TestProfiles.Ct)).Credential!.Valid);

        Assert.Equal(DeliveryRoutes.Mailbox, (await alice.SendTextAsync("bob", "first", TestProfiles.Ct)).Delivered);
        Assert.Equal("expired", (await aliceEvents.WaitAsync(NodeEventKinds.HandshakeFailed)).Reason);

        await using ControlApiServer server = await ControlApiServer.StartAsync(bob, bobHome, new ControlApiOptions(), TestProfiles.Ct);
        await using ControlApiClient control = await ControlApiClient.TryConnectAsync(bobHome, TestProfiles.Ct) ?? throw new InvalidOperationException("no node answers");
        // A credential for another DID is refused, and the stored one stays.
        string strangers = world.Issuer.IssueVerifiedHuman(alicePro.Did, TimeSpan.FromDays(30)).Jws;
        NodeException refused = await Assert.ThrowsAsync<NodeException>(() => control.ImportCredentialAsync(strangers, TestProfiles.Ct));
        Assert.Equal(NodeError.InvalidCredential, refused.Error);
        Assert.False((await control.GetStatusAsync(TestProfiles.Ct)).Credential!.Valid);

        IssuedCredential fresh = world.Issuer.IssueVerifiedHuman(bobDid, TimeSpan.FromDays(30));
        world.Publish();
        ImportedCredential imported = await control.ImportCredentialAsync(fresh.Jws, TestProfiles.Ct);

        Assert.Equal((fresh.Id, world.Issuer.Did, true), (imported.Id, imported.Issuer, imported.IssuerTrusted));
        CredentialSummary shown = (await control.GetStatusAsync(TestProfiles.Ct)).Credential!;
        Assert.True(shown.Valid);
        Assert.Equal(imported.ValidUntil, shown.ValidUntil);
        // Bob's node may still be dialling alice with the expired credential at this moment (its delivery receipt for
        // "first", which it claimed from its mailbox), and alice refuses that handshake. A send that waits on that
        // connection goes to the mailbox; the one after it must go direct, over a handshake with the new credential.
        string route = (await alice.SendTextAsync("bob", "second", TestProfiles.Ct)).Delivered;
        if (route != DeliveryRoutes.Direct)
        {
            route = (await alice.SendTextAsync("bob", "third", TestProfiles.Ct)).Delivered;
        }

        Assert.Equal(DeliveryRoutes.Direct, route);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
    }

    [Fact]
    public async Task IssuerDistrustedWhileTheNodeRunsIsRefusedAtTheNextHandshake()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        await using WotIdNode alice = await world.StartAsync(alicePro);
        await using var aliceEvents = new EventRecorder(alice);
        await using (WotIdNode bob = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
            Assert.Equal(DeliveryRoutes.Direct, (await alice.SendTextAsync("bob", "first", TestProfiles.Ct)).Delivered);
        }

        // What `wotid trust remove` does while Alice's node runs: a write to her profile database.
        using (NodeProfile sameFile = await world.OpenAsync("alice"))
        {
            Assert.True(sameFile.DistrustIssuer(world.Issuer.Did));
        }

        // Bob comes back: the new connection's handshake reads the changed list.
        await using WotIdNode bobAgain = await world.StartAsync(await world.OpenAsync("bob"));
        Assert.Equal(DeliveryRoutes.Mailbox, (await alice.SendTextAsync("bob", "second", TestProfiles.Ct)).Delivered);
        Assert.Equal("untrusted_issuer", (await aliceEvents.WaitAsync(NodeEventKinds.HandshakeFailed)).Reason);
    }
}
