using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Identity.Dids.Iota;
using WotId.Node.Api;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using WotId.Testing.Iota;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.IotaDids;

/// <summary>
/// Two real nodes over TCP: Alice's profile has a did:iota identity (her ML-DSA-65 key in the document that a fixture
/// IOTA node on 127.0.0.1 serves back, constructed answers of IotaIdentityFixtures), Bob stays on his did:key. Bob adds
/// Alice from her invitation (signed as her did:iota), both handshakes verify and a message goes through.
/// </summary>
public sealed class NodeIotaProfileTests
{
    private const string Chain = "a9c98038";

    [Fact]
    public async Task ANodeWithADidIotaProfileChatsWithADidKeyNode()
    {
        using var world = new RuntimeWorld();
        world.Publish();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        byte[] packed = ProfileDidDocument.Pack(alicePro.SigningKey, DateTimeOffset.UtcNow);
        await using FixtureJsonRpcServer iota = FixtureJsonRpcServer.Start((method, p) => method switch
        {
            "iota_getChainIdentifier" => JsonValue.Create(Chain),
            "iota_getObject" => IotaIdentityFixtures.IdentityObject(p[0].GetString()!, packed, 1_767_323_045_000, 1_767_323_046_000),
            _ => null,
        });
        string aliceDid = IotaDid.FromObjectId("0x" + new string('a', 64), Chain).Value;
        alicePro.SetIotaDid(aliceDid);
        alicePro.SetCredential(world.Issuer.IssueVerifiedHuman(aliceDid, TimeSpan.FromDays(30)).Jws);

        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, Options(world, iota), TestProfiles.Ct);
        await using WotIdNode bob = await WotIdNode.StartAsync(bobPro, Options(world, iota), TestProfiles.Ct);
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        SentMessage sent = await alice.SendTextAsync("bob", "hello from a did:iota", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        await aliceEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "bob");
        await bobEvents.WaitAsync(NodeEventKinds.HandshakeVerified, e => e.Contact == "alice");
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal("hello from a did:iota", received.Text);
        SentMessage reply = await bob.SendTextAsync("alice", "hello from a did:key", TestProfiles.Ct);
        Assert.Equal("hello from a did:key", (await aliceEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == reply.Id)).Text);
        Assert.Equal(aliceDid, (await bob.GetContactAsync("alice", TestProfiles.Ct)).Did);
        Assert.Equal(aliceDid, (await alice.GetStatusAsync(TestProfiles.Ct)).Did);
        Assert.Contains("iota_getObject", iota.Methods);
    }

    private static NodeOptions Options(RuntimeWorld world, FixtureJsonRpcServer iota) => new()
    {
        ListenAddresses = null,
        StatusLists = world.StatusLists,
        DirectDeliveryTimeout = TimeSpan.FromSeconds(10),
        MailboxPollInterval = TimeSpan.FromMilliseconds(300),
        OutboxRetryInterval = TimeSpan.FromSeconds(1),
        IotaRpc = iota.Endpoint,
    };
}
