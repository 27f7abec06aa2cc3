using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;
using ProfileOptions = WotId.Node.Profile.ProfileOptions;

namespace WotId.Node.Tests;

/// <summary>A temporary profile home, deleted on dispose, and fast options (cheap Argon2id, small prekey pools).</summary>
internal sealed class TestProfiles : IDisposable
{
    internal const string Passphrase = "correct horse battery staple";

    internal TestProfiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "wotid-node-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal string Root { get; }

    /// <summary>Argon2id at 256 KiB, t = 1 (tests only; the default is 64 MiB, t = 3) and 5-key pools.</summary>
    internal static ProfileOptions FastOptions(TimeProvider? time = null, bool mailbox = true) => new()
    {
        Time = time,
        CreateEmbeddedMailbox = mailbox,
        Kdf = new KdfParameters(256, 1, 1),
        PreKeys = new PreKeyPolicy { OneTimePoolSize = 5, KyberPoolSize = 5, RefillBelow = 2 },
    };

    internal string Home(string name) => Path.Combine(Root, name);

    internal Task<NodeProfile> CreateAsync(string name, TimeProvider? time = null, bool mailbox = true) =>
        NodeProfile.CreateAsync(Home(name), name, Passphrase, FastOptions(time, mailbox), Ct);

    internal Task<NodeProfile> OpenAsync(string name, TimeProvider? time = null) =>
        NodeProfile.OpenAsync(Home(name), Passphrase, FastOptions(time), Ct);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A still-open handle on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
