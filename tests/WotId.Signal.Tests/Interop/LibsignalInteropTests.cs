using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.Tests.Support;
using WotId.Testing.Signal;

namespace WotId.Signal.Tests.Interop;

/// <summary>Sessions between this implementation and @signalapp/libsignal-client 0.103.0 (node child process), both roles.</summary>
public sealed class LibsignalInteropTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ThousandMessagesAlternatingAndInBurstsReachSpqrEpochThree(bool csInitiates)
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates);
        int sent = 3;
        for (int i = 0; i < 250; i++)
        {
            await c.CsToJsAsync(1);
            await c.JsToCsAsync(1);
            sent += 2;
        }

        var rng = new Random(csInitiates ? 1 : 2);
        while (sent < 1_050)
        {
            int a = rng.Next(1, 13), b = rng.Next(1, 13);
            await c.CsToJsAsync(a);
            await c.JsToCsAsync(b);
            sent += a + b;
        }

        int csEpoch = await c.CsEpochAsync();
        int jsEpoch = await c.Js.EpochAsync("cs");
        TestContext.Current.TestOutputHelper?.WriteLine($"after {sent} messages: C# SPQR epoch {csEpoch}, libsignal SPQR epoch {jsEpoch}");
        Assert.True(csEpoch >= 3, "C# SPQR epoch " + csEpoch);
        Assert.True(jsEpoch >= 3, "libsignal SPQR epoch " + jsEpoch);
    }

    [Fact]
    public async Task OutOfOrderWithinChainAcrossDhStepsAndAcrossSpqrEpochs()
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: true);

        // Within one chain, both directions.
        var fromJs = await c.Js.EncryptAsync("cs", Enumerable.Range(0, 8).Select(i => new[] { (byte)i }));
        foreach (int i in new[] { 5, 0, 7, 2, 1, 6, 3, 4 })
        {
            Assert.Equal(new[] { (byte)i }, await c.Cipher.DecryptAsync(fromJs[i], Party.Ct));
        }

        var fromCs = await c.CsEncryptAsync(8);
        var order = new[] { 3, 7, 0, 6, 1, 5, 2, 4 };
        var results = await c.Js.DecryptAsync("cs", order.Select(i => fromCs[i]));
        Assert.All(results, r => Assert.Null(r.Error));

        // Across a DH ratchet step: a message of the previous chain arrives after the new chain.
        var old = (await c.Js.EncryptAsync("cs", [[1, 1]]))[0];
        await c.CsToJsAsync(1);
        var newer = (await c.Js.EncryptAsync("cs", [[2, 2]]))[0];
        Assert.Equal(new byte[] { 2, 2 }, await c.Cipher.DecryptAsync(newer, Party.Ct));
        Assert.Equal(new byte[] { 1, 1 }, await c.Cipher.DecryptAsync(old, Party.Ct));
    }

    [Fact]
    public async Task OutOfOrderAcrossSpqrEpochs()
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: false);
        // Across SPQR epochs: hold one message while bursts move the braid on, within the 5 receiving chains.
        var held = (await c.Js.EncryptAsync("cs", [[3, 3]]))[0];
        var heldFromCs = (await c.CsEncryptAsync(1))[0];
        int epochBefore = await c.CsEpochAsync();
        int jsEpochBefore = await c.Js.EpochAsync("cs");
        for (int k = 0; k < 4 && (await c.CsEpochAsync() == epochBefore || await c.Js.EpochAsync("cs") == jsEpochBefore); k++)
        {
            await c.JsToCsAsync(45);
            await c.CsToJsAsync(45);
        }

        Assert.True(await c.CsEpochAsync() > epochBefore, "the C# SPQR epoch did not advance");
        Assert.True(await c.Js.EpochAsync("cs") > jsEpochBefore, "the libsignal SPQR epoch did not advance");
        Assert.Equal(new byte[] { 3, 3 }, await c.Cipher.DecryptAsync(held, Party.Ct));
        Assert.Null((await c.Js.DecryptAsync("cs", [heldFromCs]))[0].Error);
    }

    [Fact]
    public async Task DuplicatesAndTamperedMessagesAreRejectedWithoutDamage()
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: false);
        var m = (await c.Js.EncryptAsync("cs", [[9]]))[0];
        Assert.Equal(new byte[] { 9 }, await c.Cipher.DecryptAsync(m, Party.Ct));
        var dup = await Assert.ThrowsAsync<SignalProtocolException>(async () => await c.Cipher.DecryptAsync(m, Party.Ct));
        Assert.Equal(SignalError.DuplicatedMessage, dup.Error);

        var next = (await c.Js.EncryptAsync("cs", [[10]]))[0];
        byte[] before = await c.Cs.SessionBytesAsync("js");
        foreach (int pos in new[] { 1, 40, next.Serialized.Length / 2, next.Serialized.Length - 20, next.Serialized.Length - 1 })
        {
            byte[] t = (byte[])next.Serialized.Clone();
            t[pos] ^= 0x01;
            await Assert.ThrowsAsync<SignalProtocolException>(async () => await c.Cipher.DecryptAsync(new CiphertextMessage(next.Type, t), Party.Ct));
            Assert.Equal(before, await c.Cs.SessionBytesAsync("js"));
        }

        Assert.Equal(new byte[] { 10 }, await c.Cipher.DecryptAsync(next, Party.Ct));

        var mine = (await c.CsEncryptAsync(1))[0];
        byte[] bad = (byte[])mine.Serialized.Clone();
        bad[^3] ^= 0x80;
        var r = await c.Js.DecryptAsync("cs", [new CiphertextMessage(mine.Type, bad), mine, mine]);
        Assert.NotNull(r[0].Error);
        Assert.Null(r[1].Error);
        Assert.Contains("old counter", r[2].Error!, StringComparison.Ordinal); // libsignal DuplicatedMessage
        await c.JsToCsAsync(3);
    }

    [Fact]
    public async Task SkippedKeyLimitBehavesLikeLibsignal()
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: true);

        // libsignal → C#: 2,101 sent, only #2100, #50, #150 delivered: #50 fell out of the 2,000 kept keys.
        var js = await c.Js.EncryptManyAsync("cs", 2_101, [7], 2_100, 50, 150);
        Assert.Equal(new byte[] { 7 }, await c.Cipher.DecryptAsync(js[2], Party.Ct));
        var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await c.Cipher.DecryptAsync(js[0], Party.Ct));
        Assert.Equal(SignalError.DuplicatedMessage, e.Error);
        Assert.Equal(new byte[] { 7 }, await c.Cipher.DecryptAsync(js[1], Party.Ct));

        // C# → libsignal: the same pattern gives the same outcome there.
        var cs = await c.CsEncryptAsync(2_101);
        var r = await c.Js.DecryptAsync("cs", [cs[2_100], cs[50], cs[150]]);
        Assert.Null(r[0].Error);
        Assert.Contains("old counter", r[1].Error!, StringComparison.Ordinal); // libsignal DuplicatedMessage
        Assert.Null(r[2].Error);
    }

    [Fact]
    public async Task ForwardJumpLimitBehavesLikeLibsignal()
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: false);

        // Deliver #0, then #25001 (25,000 lost), then #25000 (24,999 lost): C# must decide exactly as libsignal does.
        var js = await c.Js.EncryptManyAsync("cs", 25_002, [5], 0, 25_001, 25_000);
        var csOutcome = new List<bool>();
        foreach (CiphertextMessage m in new[] { js[0], js[2], js[1] })
        {
            byte[] before = await c.Cs.SessionBytesAsync("js");
            try
            {
                Assert.Equal(new byte[] { 5 }, await c.Cipher.DecryptAsync(m, Party.Ct));
                csOutcome.Add(true);
            }
            catch (SignalProtocolException e)
            {
                Assert.Equal(SignalError.DecryptionFailed, e.Error);
                Assert.Equal(before, await c.Cs.SessionBytesAsync("js"));
                csOutcome.Add(false);
            }
        }

        await c.CsToJsAsync(1);
        await c.JsToCsAsync(1);
        var cs = new List<CiphertextMessage>();
        for (int i = 0; i < 25_002; i++)
        {
            var m = await c.Cipher.EncryptAsync(new byte[] { 6 }, Party.Ct);
            if (i is 0 or 25_000 or 25_001)
            {
                cs.Add(m);
            }
        }

        var r = await c.Js.DecryptAsync("cs", [cs[0], cs[2], cs[1]]);
        bool[] jsOutcome = r.Select(x => x.Error is null).ToArray();
        Assert.Equal(jsOutcome, csOutcome.ToArray());
        Assert.True(jsOutcome[0] && jsOutcome[2], "messages within the limit must decrypt");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task HeldBackMessagesSurviveLikeLibsignal(int roundTrips)
    {
        await using Conversation c = await Conversation.StartAsync(csInitiates: true);

        // Each side sends two messages on a fresh chain; only the first is delivered, the second is held back.
        var fromJs = await c.Js.EncryptAsync("cs", [[1], [2]]);
        Assert.Equal(new byte[] { 1 }, await c.Cipher.DecryptAsync(fromJs[0], Party.Ct));
        var fromCs = await c.CsEncryptAsync(2);
        Assert.Null((await c.Js.DecryptAsync("cs", [fromCs[0]]))[0].Error);
        for (int i = 0; i < roundTrips; i++)
        {
            await c.JsToCsAsync(1);
            await c.CsToJsAsync(1);
        }

        bool csOk;
        try
        {
            Assert.Equal(new byte[] { 2 }, await c.Cipher.DecryptAsync(fromJs[1], Party.Ct));
            csOk = true;
        }
        catch (SignalProtocolException e)
        {
            Assert.Equal(SignalError.DecryptionFailed, e.Error);
            csOk = false;
        }

        bool jsOk = (await c.Js.DecryptAsync("cs", [fromCs[1]]))[0].Error is null;
        Assert.Equal(jsOk, csOk);
        Assert.Equal(roundTrips < 5, csOk);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BundlesWithoutOneTimePreKeyAndPreKeyMessagesOutOfOrder(bool csInitiates)
    {
        var cs = new Party("cs");
        await using LibsignalPeer js = await LibsignalPeer.StartAsync("js");
        try
        {
            SessionCipher cipher = cs.CipherFor("js");
            if (csInitiates)
            {
                await new SessionBuilder(cs.Store, new ProtocolAddress("js", 1)).ProcessPreKeyBundleAsync(await js.BundleAsync(oneTime: false), Party.Ct);
                var m = new List<CiphertextMessage>();
                for (byte i = 0; i < 3; i++)
                {
                    m.Add(await cipher.EncryptAsync(new[] { i }, Party.Ct));
                }

                var r = await js.DecryptAsync("cs", [m[2], m[0], m[1]]);
                Assert.Equal(new[] { 2, 0, 1 }, r.Select(x => (int)x.Plaintext![0]));
                var reply = await js.EncryptAsync("cs", [[9]]);
                Assert.Equal(CiphertextMessageType.Whisper, reply[0].Type);
                Assert.Equal(new byte[] { 9 }, await cipher.DecryptAsync(reply[0], Party.Ct));
            }
            else
            {
                await js.ProcessBundleAsync("cs", await cs.CreateBundleAsync(oneTime: false));
                var m = await js.EncryptAsync("cs", [[0], [1], [2]]);
                Assert.All(m, x => Assert.Equal(CiphertextMessageType.PreKey, x.Type));
                foreach (int i in new[] { 1, 2, 0 })
                {
                    Assert.Equal(new[] { (byte)i }, await cipher.DecryptAsync(m[i], Party.Ct));
                }

                CiphertextMessage reply = await cipher.EncryptAsync(new byte[] { 9 }, Party.Ct);
                Assert.Equal(CiphertextMessageType.Whisper, reply.Type);
                Assert.Equal(new byte[] { 9 }, (await js.DecryptAsync("cs", [reply]))[0].Plaintext);
            }
        }
        finally
        {
            cs.Dispose();
        }
    }

    [Fact]
    public async Task LibsignalRejectsTamperedBundleSignaturesAndSoDoWe()
    {
        var cs = new Party("cs");
        await using LibsignalPeer js = await LibsignalPeer.StartAsync("js");
        try
        {
            var good = await cs.CreateBundleAsync();
            byte[] sig = (byte[])good.SignedPreKeySignature.Clone();
            sig[0] ^= 1;
            var bad = new WotId.Signal.Keys.PreKeyBundle(good.RegistrationId, good.DeviceId, good.PreKeyId, good.PreKey, good.SignedPreKeyId, good.SignedPreKey,
                sig, good.IdentityKey, good.KyberPreKeyId, good.KyberPreKey, good.KyberPreKeySignature);
            await Assert.ThrowsAsync<InvalidOperationException>(() => js.ProcessBundleAsync("cs", bad));
            await js.ProcessBundleAsync("cs", good);

            var jsBundle = await js.BundleAsync();
            byte[] ksig = (byte[])jsBundle.KyberPreKeySignature.Clone();
            ksig[10] ^= 4;
            var badJs = new WotId.Signal.Keys.PreKeyBundle(jsBundle.RegistrationId, jsBundle.DeviceId, jsBundle.PreKeyId, jsBundle.PreKey, jsBundle.SignedPreKeyId,
                jsBundle.SignedPreKey, jsBundle.SignedPreKeySignature, jsBundle.IdentityKey, jsBundle.KyberPreKeyId, jsBundle.KyberPreKey, ksig);
            var e = await Assert.ThrowsAsync<SignalProtocolException>(async () =>
                await new SessionBuilder(cs.Store, new ProtocolAddress("js", 1)).ProcessPreKeyBundleAsync(badJs, Party.Ct));
            Assert.Equal(SignalError.InvalidSignature, e.Error);
        }
        finally
        {
            cs.Dispose();
        }
    }
}
