using System;
using System.Threading.Tasks;
using CsCheck;
using WotId.Signal.Protocol;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Properties;

/// <summary>A failed decrypt leaves the stored session byte-identical (libsignal triple_ratchet.rs: commit only on success).</summary>
public sealed class FailedDecryptPropertyTests
{
    [Fact]
    public async Task CorruptedMessagesNeverChangeTheSession()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Party.Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        await b.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Party.Ct), Party.Ct);
        await a.DecryptAsync(await b.EncryptAsync(new byte[] { 2 }, Party.Ct), Party.Ct);
        CiphertextMessage whisper = await a.EncryptAsync(new byte[] { 3, 4, 5 }, Party.Ct);
        CiphertextMessage nextChain = await a.EncryptAsync(new byte[] { 6 }, Party.Ct);
        byte[] before = await bob.SessionBytesAsync("alice");

        var cases = Gen.Select(Gen.Int[0, 1], Gen.Int, Gen.Byte[1, 255]);
        foreach ((int which, int pos, byte x) in cases.Array[300].Single())
        {
            byte[] source = which == 0 ? whisper.Serialized : nextChain.Serialized;
            byte[] m = (byte[])source.Clone();
            m[(int)((uint)pos % (uint)m.Length)] ^= x;
            await Assert.ThrowsAsync<SignalProtocolException>(async () => await b.DecryptAsync(new CiphertextMessage(CiphertextMessageType.Whisper, m), Party.Ct));
            Assert.Equal(before, await bob.SessionBytesAsync("alice"));
        }

        Assert.Equal(new byte[] { 6 }, await b.DecryptAsync(nextChain, Party.Ct));
        Assert.Equal(new byte[] { 3, 4, 5 }, await b.DecryptAsync(whisper, Party.Ct));
    }
}
