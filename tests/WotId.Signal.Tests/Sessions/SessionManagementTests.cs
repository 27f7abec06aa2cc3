using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.State;
using WotId.Signal.Tests.Support;
using WotId.Testing;

namespace WotId.Signal.Tests.Sessions;

/// <summary>Session management rules of libsignal's session_management.rs (rust/protocol/src/session_management.rs, session_cipher.rs).</summary>
public sealed class SessionManagementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PreKeyMessagesOutOfOrderReuseTheSessionByBaseKey()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        var m = new[] { await a.EncryptAsync(new byte[] { 0 }, Ct), await a.EncryptAsync(new byte[] { 1 }, Ct), await a.EncryptAsync(new byte[] { 2 }, Ct) };
        Assert.All(m, x => Assert.Equal(CiphertextMessageType.PreKey, x.Type));
        Assert.Equal(new byte[] { 2 }, await b.DecryptAsync(m[2], Ct));
        Assert.Equal(new byte[] { 0 }, await b.DecryptAsync(m[0], Ct));
        Assert.Equal(new byte[] { 1 }, await b.DecryptAsync(m[1], Ct));
        Assert.Equal(0, (await bob.Store.LoadSessionAsync(alice.Address, Ct))!.ArchivedStateCount);
    }

    [Fact]
    public async Task VersionThreePreKeyMessageIsRefusedAsX3dh()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        byte[] m = (await alice.CipherFor(bob).EncryptAsync(new byte[] { 1 }, Ct)).Serialized;
        m[0] = 0x33;
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await bob.CipherFor(alice).DecryptAsync(new CiphertextMessage(CiphertextMessageType.PreKey, m), Ct));
        Assert.Equal(SignalError.X3dhNotSupported, e.Error);
        m[0] = 0x23;
        e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await bob.CipherFor(alice).DecryptAsync(new CiphertextMessage(CiphertextMessageType.PreKey, m), Ct));
        Assert.Equal(SignalError.LegacyCiphertextVersion, e.Error);
        m[0] = 0x54;
        e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await bob.CipherFor(alice).DecryptAsync(new CiphertextMessage(CiphertextMessageType.PreKey, m), Ct));
        Assert.Equal(SignalError.UnrecognizedCiphertextVersion, e.Error);
    }

    [Fact]
    public async Task SimultaneousInitiationConverges()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        await new SessionBuilder(bob.Store, alice.Address).ProcessPreKeyBundleAsync(await alice.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        CiphertextMessage fromA = await a.EncryptAsync(new byte[] { 1 }, Ct);
        CiphertextMessage fromB = await b.EncryptAsync(new byte[] { 2 }, Ct);
        Assert.Equal(new byte[] { 2 }, await a.DecryptAsync(fromB, Ct));
        Assert.Equal(new byte[] { 1 }, await b.DecryptAsync(fromA, Ct));
        for (byte i = 10; i < 20; i++)
        {
            Assert.Equal(new[] { i }, await b.DecryptAsync(await a.EncryptAsync(new[] { i }, Ct), Ct));
            Assert.Equal(new[] { (byte)(i + 100) }, await a.DecryptAsync(await b.EncryptAsync(new[] { (byte)(i + 100) }, Ct), Ct));
        }

        Assert.Equal(CiphertextMessageType.Whisper, (await a.EncryptAsync(new byte[] { 0 }, Ct)).Type);
    }

    [Fact]
    public async Task UnacknowledgedSessionExpiresAfterThirtyDays()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        await new SessionBuilder(alice.Store, bob.Address, clock).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        var a = new SessionCipher(alice.Store, bob.Address, clock);
        Assert.Equal(CiphertextMessageType.PreKey, (await a.EncryptAsync(new byte[] { 1 }, Ct)).Type);
        clock.Now += TimeSpan.FromDays(31);
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await a.EncryptAsync(new byte[] { 1 }, Ct));
        Assert.Equal(SignalError.NoSession, e.Error);
    }

    [Fact]
    public async Task AtMostFortyArchivedSessions()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        for (int i = 0; i < 43; i++)
        {
            await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        }

        SessionRecord record = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        Assert.Equal(40, record.ArchivedStateCount);
        Assert.Equal(record.Serialize(), SessionRecord.Deserialize(record.Serialize()).Serialize());

        // A message on the newest session still works; Bob accepts it with the matching prekeys.
        Assert.Equal(new byte[] { 7 }, await bob.CipherFor(alice).DecryptAsync(await alice.CipherFor(bob).EncryptAsync(new byte[] { 7 }, Ct), Ct));
    }

    [Fact]
    public async Task KyberPreKeyStoreContract()
    {
        using var bob = new Party("bob");
        using var oneTime = WotId.Signal.Keys.KyberPreKeyRecord.Generate(bob.Identity, 1, 0);
        using var lastResort = WotId.Signal.Keys.KyberPreKeyRecord.Generate(bob.Identity, 2, 0, isLastResort: true);
        await bob.Store.StoreKyberPreKeyAsync(1, oneTime, Ct);
        await bob.Store.StoreKyberPreKeyAsync(2, lastResort, Ct);
        using var baseKey = WotId.Signal.Keys.EcKeyPair.Generate();
        await bob.Store.MarkKyberPreKeyUsedAsync(1, 5, baseKey.PublicKey, Ct);
        Assert.Null(await bob.Store.LoadKyberPreKeyAsync(1, Ct));
        await bob.Store.MarkKyberPreKeyUsedAsync(2, 5, baseKey.PublicKey, Ct);
        Assert.NotNull(await bob.Store.LoadKyberPreKeyAsync(2, Ct));
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await bob.Store.MarkKyberPreKeyUsedAsync(2, 5, baseKey.PublicKey, Ct));
        Assert.Equal(SignalError.ReusedBaseKey, e.Error);
    }

    [Fact]
    public async Task SelfSessionsAcceptJumpsBeyondTheNormalLimit()
    {
        using var phone = new Party("me");
        using var laptop = new Stores.InMemorySignalProtocolStore(Signal.Keys.IdentityKeyPair.Deserialize(phone.Identity.Serialize()), 77);
        var phoneAddress = new ProtocolAddress("me", 1);
        var laptopAddress = new ProtocolAddress("me", 2);
        await new SessionBuilder(laptop, phoneAddress).ProcessPreKeyBundleAsync(await phone.CreateBundleAsync(), Ct);
        var toPhone = new SessionCipher(laptop, phoneAddress);
        var fromLaptop = new SessionCipher(phone.Store, laptopAddress);
        Assert.Equal(new byte[] { 1 }, await fromLaptop.DecryptAsync(await toPhone.EncryptAsync(new byte[] { 1 }, Ct), Ct));
        CiphertextMessage last = null!;
        for (int i = 0; i < 25_003; i++)
        {
            last = await toPhone.EncryptAsync(new byte[] { 2 }, Ct);
        }

        Assert.Equal(new byte[] { 2 }, await fromLaptop.DecryptAsync(last, Ct));
    }

    [Fact]
    public async Task SelfSessionForwardJumpIsCappedAtTwoToTheTwenty()
    {
        using var phone = new Party("me");
        using var laptop = new Stores.InMemorySignalProtocolStore(Signal.Keys.IdentityKeyPair.Deserialize(phone.Identity.Serialize()), 77);
        var phoneAddress = new ProtocolAddress("me", 1);
        var laptopAddress = new ProtocolAddress("me", 2);
        await new SessionBuilder(laptop, phoneAddress).ProcessPreKeyBundleAsync(await phone.CreateBundleAsync(), Ct);
        Assert.Equal(new byte[] { 1 }, await new SessionCipher(phone.Store, laptopAddress).DecryptAsync(await new SessionCipher(laptop, phoneAddress).EncryptAsync(new byte[] { 1 }, Ct), Ct));
        using SessionRecord sender = (await laptop.LoadSessionAsync(phoneAddress, Ct))!;
        using SessionRecord receiver = (await phone.Store.LoadSessionAsync(laptopAddress, Ct))!;
        Assert.Equal(1u << 20, sender.Current!.Spqr.MaxJump);
        Assert.Equal(1u << 20, receiver.Current!.Spqr.MaxJump);

        // The sender's chain index moved 2^20 + 1 past the receiver's: the receiver refuses before walking the chain.
        sender.Current.SenderChainIndex += (1u << 20) + 1;
        SignalMessage far = Ratchet.TripleRatchet.Encrypt(sender.Current, new byte[] { 2 });
        var e = Assert.Throws<SignalProtocolException>(() => Ratchet.TripleRatchet.Decrypt(receiver.Current, far));
        Assert.Equal(SignalError.MessageTooFarInFuture, e.Error);
    }

    [Fact]
    public async Task OtherSessionsKeepLibsignalsSpqrJumpLimit()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        using SessionRecord record = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        Assert.Equal(25_000u, record.Current!.Spqr.MaxJump);
    }

    [Fact]
    public async Task PreKeyMessageNamingAnotherIdentityThanItsSessionIsRefused()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        using var mallory = Signal.Keys.IdentityKeyPair.Generate();

        // Bob trusts every identity on receipt, as Signal's apps do; the check must not depend on the trust policy.
        var bobStore = new RecordingStore(bob.Store) { TrustIncoming = true };
        var fromAlice = new SessionCipher(bobStore, alice.Address);
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob);
        Assert.Equal(new byte[] { 1 }, await fromAlice.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Ct), Ct));
        var genuine = PreKeySignalMessage.Deserialize((await a.EncryptAsync(new byte[] { 2 }, Ct)).Serialized);
        byte[] before = await bob.SessionBytesAsync("alice");

        // The genuine inner message (its MAC is over Alice's identity) rewrapped with Mallory's identity key.
        PreKeySignalMessage rewrapped = PreKeySignalMessage.Create(
            genuine.RegistrationId, genuine.PreKeyId, genuine.SignedPreKeyId, genuine.KyberPreKeyId!.Value, genuine.KyberCiphertext.ToArray(),
            genuine.BaseKey, mallory.PublicKey, genuine.Message);
        var e = await Assert.ThrowsAsync<SignalProtocolException>(
            async () => await fromAlice.DecryptAsync(new CiphertextMessage(CiphertextMessageType.PreKey, rewrapped.Serialized.ToArray()), Ct));

        Assert.Equal(SignalError.SessionIdentityMismatch, e.Error);
        Assert.Equal(alice.Identity.PublicKey, await bob.Store.GetIdentityAsync(alice.Address, Ct));
        Assert.Equal(before, await bob.SessionBytesAsync("alice"));
        Assert.Equal(new byte[] { 2 }, await fromAlice.DecryptAsync(new CiphertextMessage(CiphertextMessageType.PreKey, genuine.Serialized.ToArray()), Ct));
    }

}
