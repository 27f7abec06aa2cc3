using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WotId.Signal;
using WotId.Signal.Protocol;
using NodeProfile = WotId.Node.Profile.Profile;
using WotId.Testing.Signal;

namespace WotId.Node.Tests.Storage.Interop;

/// <summary>Sessions with libsignal-client 0.103.0 where our side keeps everything in the SQLite profile store, both roles.</summary>
public sealed class SqliteStoreLibsignalInteropTests
{
    private const string Ours = "node";
    private static readonly ProtocolAddress s_theirs = new("js", 1);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConversationWithLibsignalContinuesAfterOurProfileReopens(bool weInitiate)
    {
        using var t = new TestProfiles();
        await using LibsignalPeer js = await LibsignalPeer.StartAsync("js");
        int n = 0;
        using (NodeProfile p = await t.CreateAsync(Ours, mailbox: false))
        {
            var cipher = new SessionCipher(p.SignalStore, s_theirs);
            if (weInitiate)
            {
                await new SessionBuilder(p.SignalStore, s_theirs).ProcessPreKeyBundleAsync(await js.BundleAsync(), TestProfiles.Ct);
                n = await OursToTheirsAsync(cipher, js, n, 2);
            }
            else
            {
                var bundle = await p.PreKeys.CreateBundleAsync(TestProfiles.Ct);
                await js.ProcessBundleAsync(Ours, bundle);
                n = await TheirsToOursAsync(cipher, js, n, 2);
                Assert.Null(await p.SignalStore.LoadPreKeyAsync(bundle.PreKeyId!.Value, TestProfiles.Ct));
            }

            for (int i = 0; i < 50; i++)
            {
                n = await TheirsToOursAsync(cipher, js, n, 1);
                n = await OursToTheirsAsync(cipher, js, n, 1);
            }
        }

        using (NodeProfile p = await t.OpenAsync(Ours))
        {
            var cipher = new SessionCipher(p.SignalStore, s_theirs);
            var rng = new Random(weInitiate ? 3 : 4);
            for (int i = 0; i < 10; i++)
            {
                n = await OursToTheirsAsync(cipher, js, n, rng.Next(1, 6));
                n = await TheirsToOursAsync(cipher, js, n, rng.Next(1, 6));
            }
        }

        Assert.True(n >= 122, "messages exchanged: " + n);
    }

    private static byte[] Plaintext(int n) => Encoding.UTF8.GetBytes("interop " + n + new string('.', n % 29));

    private static async Task<int> OursToTheirsAsync(SessionCipher cipher, LibsignalPeer js, int n, int count)
    {
        var plaintexts = Enumerable.Range(n, count).Select(Plaintext).ToList();
        var messages = new List<CiphertextMessage>();
        foreach (byte[] p in plaintexts)
        {
            messages.Add(await cipher.EncryptAsync(p, TestProfiles.Ct));
        }

        var results = await js.DecryptAsync(Ours, messages);
        for (int i = 0; i < count; i++)
        {
            Assert.True(results[i].Plaintext is not null, "libsignal failed: " + results[i].Error);
            Assert.Equal(plaintexts[i], results[i].Plaintext);
        }

        return n + count;
    }

    private static async Task<int> TheirsToOursAsync(SessionCipher cipher, LibsignalPeer js, int n, int count)
    {
        var plaintexts = Enumerable.Range(n, count).Select(Plaintext).ToList();
        List<CiphertextMessage> messages = await js.EncryptAsync(Ours, plaintexts);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(plaintexts[i], await cipher.DecryptAsync(messages[i], TestProfiles.Ct));
        }

        return n + count;
    }
}
