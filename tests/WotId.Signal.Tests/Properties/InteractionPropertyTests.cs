using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using WotId.Signal.Protocol;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Properties;

/// <summary>
/// Random interleavings of sends, reordered deliveries, drops and replays between two parties (the intent of libsignal's
/// fuzz/fuzz_targets/interaction.rs): every delivery either yields the sent plaintext or a <see cref="SignalProtocolException"/>,
/// replays are always refused, and the session keeps working afterwards.
/// </summary>
public sealed class InteractionPropertyTests
{
    [Fact]
    public async Task RandomInteractionsKeepSessionsUsable()
    {
        var ops = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1000]).Array[10, 60];
        int decrypted = 0;
        foreach ((int Op, int Arg)[] script in ops.Array[12].Single())
        {
            decrypted += await RunAsync(script);
        }

        Assert.True(decrypted > 12, "only " + decrypted + " reordered deliveries decrypted");
    }

    private static async Task<int> RunAsync((int Op, int Arg)[] script)
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Party.Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        var inFlight = new List<(bool ToBob, CiphertextMessage Message, byte[] Plaintext)>();
        var delivered = new List<(bool ToBob, CiphertextMessage Message)>();
        int n = 0, ok = 0;
        foreach ((int op, int arg) in script)
        {
            switch (op)
            {
                case 0:
                case 1:
                    bool toBob = op == 0;
                    if (!toBob && await bob.Store.LoadSessionAsync(alice.Address, Party.Ct) is null)
                    {
                        break; // Bob can only answer once Alice's first message arrived.
                    }

                    for (int i = 0; i <= arg % 3; i++)
                    {
                        byte[] p = BitConverter.GetBytes(++n);
                        inFlight.Add((toBob, await (toBob ? a : b).EncryptAsync(p, Party.Ct), p));
                    }

                    break;
                case 2 when inFlight.Count > 0:
                    var m = inFlight[arg % inFlight.Count];
                    inFlight.Remove(m);
                    try
                    {
                        Assert.Equal(m.Plaintext, await (m.ToBob ? b : a).DecryptAsync(m.Message, Party.Ct));
                        delivered.Add((m.ToBob, m.Message));
                        ok++;
                    }
                    catch (SignalProtocolException e)
                    {
                        // Legitimate only when the message fell out of the kept chains/keys, or its session is not known yet.
                        Assert.Contains(e.Error, new[] { SignalError.DecryptionFailed, SignalError.DuplicatedMessage, SignalError.NoSession });
                    }

                    break;
                case 3 when inFlight.Count > 0:
                    inFlight.RemoveAt(arg % inFlight.Count);
                    break;
                case 4 when delivered.Count > 0:
                    var d = delivered[arg % delivered.Count];
                    await Assert.ThrowsAsync<SignalProtocolException>(async () => await (d.ToBob ? b : a).DecryptAsync(d.Message, Party.Ct));
                    break;
            }
        }

        // Whatever happened, a fresh exchange works once Bob has heard from Alice.
        byte[] x = [1, 2, 3];
        Assert.Equal(x, await b.DecryptAsync(await a.EncryptAsync(x, Party.Ct), Party.Ct));
        Assert.Equal(x, await a.DecryptAsync(await b.EncryptAsync(x, Party.Ct), Party.Ct));
        Assert.Equal(x, await b.DecryptAsync(await a.EncryptAsync(x, Party.Ct), Party.Ct));
        return ok;
    }
}
