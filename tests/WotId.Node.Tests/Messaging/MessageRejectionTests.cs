using System;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Node.Handshake;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Protocol;
using WotId.Tsp.Messages;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Messaging;

/// <summary>Every kind of bad envelope gives its typed reason and stores nothing; a failed commit loses nothing.</summary>
public sealed class MessageRejectionTests
{
    [Fact]
    public async Task DamagedEnvelopesAreRefusedWithTheirReasonAndTheOriginalStillOpens()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string id = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("intact"), TestProfiles.Ct);
        byte[] good = MessagingPair.Envelope(p.Alice, id);

        await ExpectAsync(p, Change(good, ^1), MessageRejectReason.DecryptionFailed);
        await ExpectAsync(p, Change(good, 0), MessageRejectReason.Malformed);
        await ExpectAsync(p, Change(good, 5), MessageRejectReason.UnknownSender);
        await ExpectAsync(p, Set(good, 33, 0x07), MessageRejectReason.Malformed);
        await ExpectAsync(p, good[..34], MessageRejectReason.Malformed);
        await ExpectAsync(p, good[..(good.Length / 2)], MessageRejectReason.Malformed);
        await ExpectAsync(p, new byte[SealedEnvelopeCodec.MaxLength + 1], MessageRejectReason.TooLarge);
        Assert.Empty(p.Bob.Messages.Inbox(p.AliceAtBob.Id));

        Assert.False((await p.BobSealer.OpenAndStoreAsync(good, MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        Assert.Single(p.Bob.Messages.Inbox(p.AliceAtBob.Id));
    }

    [Fact]
    public async Task WrongRecipientForeignSignerAndNonTspPlaintextAreRefusedAndLaterMessagesStillOpen()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        using SigningKey stranger = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        var aliceSigner = new SigningKeyTspSigner(p.Alice.SigningKey);

        byte[] toSomeoneElse = SignedWotMessage.Sign(aliceSigner, p.Alice.Did, stranger.Did, MessagingPair.Chat("not for bob"));
        await ExpectAsync(p, await RawEnvelopeAsync(p.Alice, p.BobAtAlice, toSomeoneElse), MessageRejectReason.WrongRecipient);

        byte[] signedByStranger = SignedWotMessage.Sign(new SigningKeyTspSigner(stranger), stranger.Did, p.Bob.Did, MessagingPair.Chat("forged"));
        await ExpectAsync(p, await RawEnvelopeAsync(p.Alice, p.BobAtAlice, signedByStranger), MessageRejectReason.BadSignature);

        await ExpectAsync(p, await RawEnvelopeAsync(p.Alice, p.BobAtAlice, "plain bytes"u8.ToArray()), MessageRejectReason.Malformed);

        Assert.Empty(p.Bob.Messages.Inbox(p.AliceAtBob.Id));

        string id = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("genuine"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, id), MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Single(p.Bob.Messages.Inbox(p.AliceAtBob.Id));
    }

    [Fact]
    public async Task AFailedCommitAfterDecryptionLeavesTheRatchetSoTheSameCopyIsStoredAfterARestart()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("first"), TestProfiles.Ct);
        string a2 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("second"), TestProfiles.Ct);

        // The transaction that would store the message fails after Signal decrypted it (the worst moment to die).
        p.Bob.Database.Write((c, t) => ProfileDatabase.Execute(c, t, "CREATE TRIGGER crash BEFORE INSERT ON inbox BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"));
        await Assert.ThrowsAnyAsync<Exception>(async () => await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct));
        Assert.False(p.Bob.Messages.Seen(p.AliceAtBob.Id, a1));
        Assert.False(p.BobSealer.HasSession(p.AliceAtBob));
        p.Bob.Database.Write((c, t) => ProfileDatabase.Execute(c, t, "DROP TRIGGER crash"));

        await p.ReopenAsync();
        Assert.False((await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a2), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        Assert.False((await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaMailbox, TestProfiles.Ct)).Duplicate);
        Assert.True((await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        Assert.Equal(["first", "second"], System.Linq.Enumerable.Select(p.Bob.Messages.Conversation(p.AliceAtBob.Id, 10), m => m.Text));
    }

    [Fact]
    public async Task ABundleWithAnotherIdentityKeyHoldsOutgoingMessagesUntilTheChangeIsAccepted()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("before"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.Equal(p.Bob.SignalIdentityKey.Serialize(), p.BobAtAlice.IdentityKey);

        using NodeProfile bob2 = await p.Profiles.CreateAsync("bob2", mailbox: false);
        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, await bob2.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct));
        Assert.Equal(ContactVerification.KeyChangedHeld, p.BobAtAlice.Verification);
        Assert.Equal(bob2.SignalIdentityKey.Serialize(), p.BobAtAlice.PendingIdentityKey);

        var e = await Assert.ThrowsAsync<MessagingException>(async () => await p.AliceSealer.SealAsync(p.BobAtAlice, MessagingPair.Chat("no"), TestProfiles.Ct));
        Assert.Equal(MessageRejectReason.UntrustedIdentity, e.Reason);
        string held = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("held back"), TestProfiles.Ct);
        Assert.Equal(OutboxState.Held, p.Alice.Messages.GetOutgoing(held)!.State);
        Assert.Equal("held", p.Alice.Messages.Conversation(p.BobAtAlice.Id, 10)[^1].State);

        // Incoming messages on the old session are still delivered.
        string b1 = await p.BobSealer.SealAndQueueAsync(p.AliceAtBob, MessagingPair.Chat("still me"), TestProfiles.Ct);
        Assert.False((await p.AliceSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Bob, b1), MessageSealer.ViaDirect, TestProfiles.Ct)).Duplicate);
        await Assert.ThrowsAsync<MessagingException>(async () => await p.AliceSealer.ReleaseHeldAsync(p.BobAtAlice, TestProfiles.Ct));

        // That late message made the old session current again; the next connection brings the new bundle.
        p.Alice.Contacts.AcceptKeyChange(p.BobAtAlice.Id);
        Assert.Equal(MessageRejectReason.NoSession,
            (await Assert.ThrowsAsync<MessagingException>(async () => await p.AliceSealer.ReleaseHeldAsync(p.BobAtAlice, TestProfiles.Ct))).Reason);
        Assert.True(await p.AliceSealer.EnsureSessionAsync(p.BobAtAlice, await bob2.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct));
        Assert.Equal(ContactVerification.Verified, p.BobAtAlice.Verification);
        Assert.Equal([held], await p.AliceSealer.ReleaseHeldAsync(p.BobAtAlice, TestProfiles.Ct));
        Assert.Equal(OutboxState.Queued, p.Alice.Messages.GetOutgoing(held)!.State);

        // The released message is encrypted for the new Signal identity (bob2 stands in for Bob's new installation).
        SealedEnvelope envelope = SealedEnvelopeCodec.Decode(MessagingPair.Envelope(p.Alice, held));
        byte[] tsp = await new SessionCipher(bob2.SignalStore, new ProtocolAddress(p.Alice.Did, MessageSealer.DeviceId))
            .DecryptAsync(new CiphertextMessage(envelope.SignalType, envelope.Ciphertext.ToArray()), TestProfiles.Ct);
        var verifier = new WotId.Tsp.Wire.TspMessageVerifier(new WotId.Tsp.Wire.TspDidKeyResolver());
        Assert.Equal(held, (await SignedWotMessage.OpenAsync(verifier, tsp, p.Bob.Did, TestProfiles.Ct)).Message!.Id);
    }

    [Fact]
    public async Task APreKeyMessageWithAnotherIdentityKeyIsDeliveredAndPutsTheContactInKeyChanged()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        string a1 = await p.AliceSealer.SealAndQueueAsync(p.BobAtAlice, MessagingPair.Chat("hi"), TestProfiles.Ct);
        await p.BobSealer.OpenAndStoreAsync(MessagingPair.Envelope(p.Alice, a1), MessageSealer.ViaDirect, TestProfiles.Ct);

        // Bob keeps his DID but comes back with a new Signal identity (a reinstall) and starts a new session.
        using NodeProfile bob2 = await p.Profiles.CreateAsync("bob2", mailbox: false);
        var address = new ProtocolAddress(p.Alice.Did, MessageSealer.DeviceId);
        await new SessionBuilder(bob2.SignalStore, address).ProcessPreKeyBundleAsync(await p.Alice.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct);
        WotMessage m = MessagingPair.Chat("new phone");
        byte[] tsp = SignedWotMessage.Sign(new SigningKeyTspSigner(p.Bob.SigningKey), p.Bob.Did, p.Alice.Did, m);
        CiphertextMessage ct = await new SessionCipher(bob2.SignalStore, address).EncryptAsync(tsp, TestProfiles.Ct);
        byte[] envelope = SealedEnvelopeCodec.Encode(SealedEnvelopeCodec.HashDid(p.Bob.Did), (byte)ct.Type, ct.Serialized);

        OpenedMessage opened = await p.AliceSealer.OpenAndStoreAsync(envelope, MessageSealer.ViaDirect, TestProfiles.Ct);
        Assert.False(opened.Duplicate);
        Assert.Equal(m.Id, opened.Message!.Id);
        Assert.Equal(ContactVerification.KeyChangedHeld, opened.Contact.Verification);
        Assert.Equal(bob2.SignalIdentityKey.Serialize(), opened.Contact.PendingIdentityKey);
        Assert.Equal(MessageRejectReason.UntrustedIdentity,
            (await Assert.ThrowsAsync<MessagingException>(async () => await p.AliceSealer.SealAsync(p.BobAtAlice, MessagingPair.Chat("x"), TestProfiles.Ct))).Reason);
    }

    [Fact]
    public async Task AnUnknownSenderIsRefused()
    {
        using MessagingPair p = await MessagingPair.CreateAsync();
        using SigningKey stranger = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        byte[] envelope = SealedEnvelopeCodec.Encode(SealedEnvelopeCodec.HashDid(stranger.Did), 3, new byte[100]);
        await ExpectAsync(p, envelope, MessageRejectReason.UnknownSender);
    }

    private static async Task ExpectAsync(MessagingPair p, byte[] envelope, MessageRejectReason reason)
    {
        var e = await Assert.ThrowsAsync<MessagingException>(async () => await p.BobSealer.OpenAndStoreAsync(envelope, MessageSealer.ViaDirect, TestProfiles.Ct));
        Assert.Equal(reason, e.Reason);
    }

    /// <summary>Signal-encrypts arbitrary bytes from <paramref name="from"/> to <paramref name="to"/> and wraps them in an envelope.</summary>
    private static async Task<byte[]> RawEnvelopeAsync(NodeProfile from, Contact to, byte[] plaintext)
    {
        CiphertextMessage ct = await new SessionCipher(from.SignalStore, MessageSealer.Address(to)).EncryptAsync(plaintext, TestProfiles.Ct);
        return SealedEnvelopeCodec.Encode(SealedEnvelopeCodec.HashDid(from.Did), (byte)ct.Type, ct.Serialized);
    }

    private static byte[] Change(byte[] b, Index i)
    {
        byte[] copy = (byte[])b.Clone();
        copy[i] ^= 0x01;
        return copy;
    }

    private static byte[] Set(byte[] b, int i, byte value)
    {
        byte[] copy = (byte[])b.Clone();
        copy[i] = value;
        return copy;
    }
}
