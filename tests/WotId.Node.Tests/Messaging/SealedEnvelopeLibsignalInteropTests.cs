using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Node.Handshake;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Signal.Protocol;
using WotId.Testing.Signal;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Messaging;

/// <summary>The Signal layer of sealed envelopes against libsignal-client 0.103.0, both directions.</summary>
public sealed class SealedEnvelopeLibsignalInteropTests
{
    private const string AliceAtJs = "alice";

    [Fact]
    public async Task LibsignalDecryptsTheCiphertextOfASealedEnvelopeAndItsReplyOpensAndIsStored()
    {
        using var t = new TestProfiles();
        await using LibsignalPeer js = await LibsignalPeer.StartAsync("js");
        using NodeProfile alice = await t.CreateAsync("alice", mailbox: false);
        using SigningKey jsDid = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        Contact contact = alice.Contacts.Add("js", jsDid.Did, "12D3KooWInteropPeer", []);
        var sealer = new MessageSealer(alice);
        Assert.True(await sealer.EnsureSessionAsync(contact, await js.BundleAsync(), TestProfiles.Ct));

        WotMessage hello = MessagingPair.Chat("to libsignal");
        SealedEnvelope envelope = SealedEnvelopeCodec.Decode(await sealer.SealAsync(contact, hello, TestProfiles.Ct));
        Assert.Equal(SealedEnvelopeCodec.HashDid(alice.Did), envelope.SenderDidHash.ToArray());
        Assert.Equal(CiphertextMessageType.PreKey, envelope.SignalType);
        var results = await js.DecryptAsync(AliceAtJs, [new CiphertextMessage(envelope.SignalType, envelope.Ciphertext.ToArray())]);
        Assert.True(results[0].Plaintext is not null, "libsignal failed: " + results[0].Error);
        (TspOpenedMessage tsp, WotMessage? opened, _) = await SignedWotMessage.OpenAsync(
            new TspMessageVerifier(new TspDidKeyResolver()), results[0].Plaintext!, jsDid.Did, TestProfiles.Ct);
        Assert.Equal(alice.Did, tsp.Sender);
        Assert.Equal(hello.Id, opened!.Id);

        WotMessage reply = MessagingPair.Chat("from libsignal");
        byte[] replyTsp = SignedWotMessage.Sign(new SigningKeyTspSigner(jsDid), jsDid.Did, alice.Did, reply);
        var ciphertexts = await js.EncryptAsync(AliceAtJs, [replyTsp]);
        Assert.Equal(CiphertextMessageType.Whisper, ciphertexts[0].Type);
        byte[] replyEnvelope = SealedEnvelopeCodec.Encode(SealedEnvelopeCodec.HashDid(jsDid.Did), (byte)ciphertexts[0].Type, ciphertexts[0].Serialized);
        OpenedMessage stored = await sealer.OpenAndStoreAsync(replyEnvelope, MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Equal(reply.Id, stored.Message!.Id);
        Assert.Equal(["from libsignal"], System.Linq.Enumerable.Select(alice.Messages.Conversation(contact.Id, 10), m => m.Text));
    }
}
