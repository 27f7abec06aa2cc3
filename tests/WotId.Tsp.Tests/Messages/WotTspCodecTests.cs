using System;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Testing;
using WotId.Tsp.Messages;
using WotId.Tsp.Replay;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Messages;

/// <summary>End to end: wot.id message → signed TSP → verified, parsed and replay-checked.</summary>
public sealed class WotTspCodecTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task APackedMessageUnpacksOnceThenIsAReplay()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        var signer = new TspMLDsa65Signer(key);
        var time = new ManualTime(s_now);
        var replay = new ReplayWindow(time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));
        var verifier = new TspMessageVerifier(TestKeys.ResolverFor(TestKeys.Alice, signer));

        WotMessage sent = WotMessage.Create(WotMessageTypes.TrustAssertion, new { target_did = "did:iota:0x3a", trust_level = 80, context = "professional" }, time);
        byte[] wire = WotTspCodec.Pack(signer, TestKeys.Alice, TestKeys.Bob, sent);

        WotReceivedMessage first = await WotTspCodec.UnpackAsync(verifier, replay, wire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.True(first.IsFreshMessage);
        Assert.Equal(sent.Id, first.Message!.Id);
        Assert.Equal(80, first.Message.Payload.GetProperty("trust_level").GetInt32());
        Assert.Equal(TestKeys.Alice, first.Tsp.Sender);

        WotReceivedMessage again = await WotTspCodec.UnpackAsync(verifier, replay, wire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.False(again.IsFreshMessage);
        Assert.Equal(ReplayVerdict.Duplicate, again.Replay);

        time.Now = s_now.AddMinutes(30);
        WotReceivedMessage late = await WotTspCodec.UnpackAsync(verifier, replay, wire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.Equal(ReplayVerdict.TooOld, late.Replay);
    }

    [Fact]
    public async Task RelationshipPayloadsCarryNoMessageAndBadJsonIsRejected()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        var signer = new TspMLDsa65Signer(key);
        var replay = new ReplayWindow(new ManualTime(s_now), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));
        var verifier = new TspMessageVerifier(TestKeys.ResolverFor(TestKeys.Alice, signer));

        byte[] rfi = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, TspRelationship.CreateRequest(TestKeys.Alice));
        WotReceivedMessage r = await WotTspCodec.UnpackAsync(verifier, replay, rfi, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.Null(r.Message);
        Assert.IsType<TspRelationshipRequest>(r.Tsp.Payload);

        byte[] bad = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, new TspGenericPayload("{\"id\":\"x\"}"u8));
        WotMessageException e = await Assert.ThrowsAsync<WotMessageException>(async () =>
            await WotTspCodec.UnpackAsync(verifier, replay, bad, TestKeys.Bob, TestContext.Current.CancellationToken));
        Assert.Equal(WotMessageError.MissingField, e.Error);
    }
}
