using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.State;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Sessions;

/// <summary>C# ↔ C# sessions: libsignal's scenario list (rust/protocol/tests/session.rs) by intent.</summary>
public sealed class SessionTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BasicPreKeySessionBothDirections()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);

        CiphertextMessage m1 = await a.EncryptAsync("hello bob"u8.ToArray(), Ct);
        Assert.Equal(CiphertextMessageType.PreKey, m1.Type);
        CiphertextMessage m2 = await a.EncryptAsync("again"u8.ToArray(), Ct);
        Assert.Equal(CiphertextMessageType.PreKey, m2.Type);
        Assert.Equal("hello bob", Encoding.UTF8.GetString(await b.DecryptAsync(m1, Ct)));
        Assert.Equal("again", Encoding.UTF8.GetString(await b.DecryptAsync(m2, Ct)));

        CiphertextMessage r = await b.EncryptAsync("hi alice"u8.ToArray(), Ct);
        Assert.Equal(CiphertextMessageType.Whisper, r.Type);
        Assert.Equal("hi alice", Encoding.UTF8.GetString(await a.DecryptAsync(r, Ct)));
        CiphertextMessage m3 = await a.EncryptAsync("acknowledged"u8.ToArray(), Ct);
        Assert.Equal(CiphertextMessageType.Whisper, m3.Type);
        Assert.Equal("acknowledged", Encoding.UTF8.GetString(await b.DecryptAsync(m3, Ct)));
    }

    [Fact]
    public async Task OptionalOneTimePreKeyAndLastResortKyberKeyRefusesReusedBaseKey()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(oneTime: false, lastResort: true), Ct);
        CiphertextMessage m1 = await alice.CipherFor(bob).EncryptAsync("x"u8.ToArray(), Ct);
        Assert.Equal("x"u8.ToArray(), await bob.CipherFor(alice).DecryptAsync(m1, Ct));

        // The same PreKey message again goes to the existing session (by base key) and is a duplicate there.
        var dup = await Assert.ThrowsAsync<SignalProtocolException>(async () => await bob.CipherFor(alice).DecryptAsync(m1, Ct));
        Assert.Equal(SignalError.DuplicatedMessage, dup.Error);
    }

    [Fact]
    public async Task BadSignatureInBundleIsRejected()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        var good = await bob.CreateBundleAsync();
        byte[] sig = (byte[])good.KyberPreKeySignature.Clone();
        sig[5] ^= 1;
        var bad = new Keys.PreKeyBundle(good.RegistrationId, good.DeviceId, good.PreKeyId, good.PreKey, good.SignedPreKeyId, good.SignedPreKey,
            good.SignedPreKeySignature, good.IdentityKey, good.KyberPreKeyId, good.KyberPreKey, sig);
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(bad, Ct));
        Assert.Equal(SignalError.InvalidSignature, e.Error);
    }

    [Fact]
    public async Task ChangedRemoteIdentityIsReported()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        using var mallory = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () =>
            await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await mallory.CreateBundleAsync(), Ct));
        Assert.Equal(SignalError.UntrustedIdentity, e.Error);
        Assert.Equal(Stores.IdentityChange.ReplacedExisting, await alice.Store.SaveIdentityAsync(bob.Address, mallory.Identity.PublicKey, Ct));
    }

    [Fact]
    public async Task OutOfOrderDuplicatesTamperingAndUnchangedStateOnFailure()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        await b.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Ct), Ct);
        await a.DecryptAsync(await b.EncryptAsync(new byte[] { 2 }, Ct), Ct);

        var burst = new List<CiphertextMessage>();
        for (int i = 0; i < 10; i++)
        {
            burst.Add(await a.EncryptAsync(new byte[] { (byte)i }, Ct));
        }

        foreach (int i in new[] { 4, 0, 9, 3, 1, 2, 8, 5, 7, 6 })
        {
            Assert.Equal(new[] { (byte)i }, await b.DecryptAsync(burst[i], Ct));
        }

        var dup = await Assert.ThrowsAsync<SignalProtocolException>(async () => await b.DecryptAsync(burst[3], Ct));
        Assert.Equal(SignalError.DuplicatedMessage, dup.Error);

        CiphertextMessage next = await a.EncryptAsync(new byte[] { 42 }, Ct);
        byte[] before = await bob.SessionBytesAsync("alice");
        for (int pos = 0; pos < next.Serialized.Length; pos += 7)
        {
            byte[] t = (byte[])next.Serialized.Clone();
            t[pos] ^= 0x20;
            await Assert.ThrowsAsync<SignalProtocolException>(async () => await b.DecryptAsync(new CiphertextMessage(next.Type, t), Ct));
            Assert.Equal(before, await bob.SessionBytesAsync("alice"));
        }

        Assert.Equal(new byte[] { 42 }, await b.DecryptAsync(next, Ct));
    }

    [Fact]
    public async Task ForwardJumpLimitAndRecordRoundTrip()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        await b.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Ct), Ct);
        await a.DecryptAsync(await b.EncryptAsync(new byte[] { 2 }, Ct), Ct);
        var held = new List<CiphertextMessage>();
        for (int i = 0; i < 2100; i++)
        {
            held.Add(await a.EncryptAsync(new byte[] { (byte)i }, Ct));
        }

        // Deliver the last: 2,099 skipped keys, the oldest 99 are dropped (2,000 per chain).
        Assert.Equal(new[] { (byte)(2099 % 256) }, await b.DecryptAsync(held[2099], Ct));
        await Assert.ThrowsAsync<SignalProtocolException>(async () => await b.DecryptAsync(held[50], Ct));
        Assert.Equal(new[] { (byte)(150 % 256) }, await b.DecryptAsync(held[150], Ct));

        byte[] bytes = await bob.SessionBytesAsync("alice");
        SessionRecord copy = SessionRecord.Deserialize(bytes);
        Assert.Equal(bytes, copy.Serialize());
        Assert.True(copy.HasCurrentState);
    }
}
