using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.Tests.Support;
using WotId.Testing.Signal;

namespace WotId.Signal.Tests.Interop;

/// <summary>A C# party and a libsignal party with a session between them.</summary>
internal sealed class Conversation : IAsyncDisposable
{
    private int _sequence;

    private Conversation(Party cs, LibsignalPeer js)
    {
        Cs = cs;
        Js = js;
        Cipher = cs.CipherFor(js.Name);
    }

    internal Party Cs { get; }

    internal LibsignalPeer Js { get; }

    internal SessionCipher Cipher { get; }

    /// <summary>Starts a session; <paramref name="csInitiates"/> picks who processes whose bundle. Ends after one message each way.</summary>
    internal static async Task<Conversation> StartAsync(bool csInitiates)
    {
        var cs = new Party("cs");
        LibsignalPeer js = await LibsignalPeer.StartAsync("js");
        var c = new Conversation(cs, js);
        if (csInitiates)
        {
            await new SessionBuilder(cs.Store, new ProtocolAddress("js", 1)).ProcessPreKeyBundleAsync(await js.BundleAsync(), Party.Ct);
            await c.CsToJsAsync(2);
            await c.JsToCsAsync(1);
        }
        else
        {
            await js.ProcessBundleAsync("cs", await cs.CreateBundleAsync());
            await c.JsToCsAsync(2);
            await c.CsToJsAsync(1);
        }

        return c;
    }

    internal byte[] NextPlaintext() => BitConverter.GetBytes(++_sequence).Concat(RandomNumberGenerator.GetBytes(_sequence % 40)).ToArray();

    internal async Task<List<CiphertextMessage>> CsEncryptAsync(int n)
    {
        var list = new List<CiphertextMessage>();
        for (int i = 0; i < n; i++)
        {
            list.Add(await Cipher.EncryptAsync(NextPlaintext(), Party.Ct));
        }

        return list;
    }

    internal async Task CsToJsAsync(int n)
    {
        var plaintexts = new List<byte[]>();
        var messages = new List<CiphertextMessage>();
        for (int i = 0; i < n; i++)
        {
            plaintexts.Add(NextPlaintext());
            messages.Add(await Cipher.EncryptAsync(plaintexts[^1], Party.Ct));
        }

        var results = await Js.DecryptAsync("cs", messages);
        for (int i = 0; i < n; i++)
        {
            Assert.True(results[i].Plaintext is not null, "libsignal failed: " + results[i].Error);
            Assert.Equal(plaintexts[i], results[i].Plaintext);
        }
    }

    internal async Task JsToCsAsync(int n)
    {
        var plaintexts = Enumerable.Range(0, n).Select(_ => NextPlaintext()).ToList();
        List<CiphertextMessage> messages = await Js.EncryptAsync("cs", plaintexts);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(plaintexts[i], await Cipher.DecryptAsync(messages[i], Party.Ct));
        }
    }

    internal async Task<int> CsEpochAsync() => (await Cs.Store.LoadSessionAsync(new ProtocolAddress("js", 1), Party.Ct))!.SpqrEpoch ?? -1;

    public async ValueTask DisposeAsync()
    {
        await Js.DisposeAsync();
        Cs.Dispose();
    }
}
