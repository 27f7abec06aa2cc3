// Real nodes for the node benchmarks (docs/benchmarks-node.md): profiles in a temporary folder (SQLite, cheap Argon2id,
// small prekey pools), credentials from an in-memory issuer whose status list is served from memory, an optional
// shared embedded mailbox file, and nodes listening on 127.0.0.1 with a random port.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using WotId.Node.Storage;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Benchmarks.Node;

/// <summary>An issuer, a status list cache and a temporary folder of profiles (deleted on dispose).</summary>
public sealed class NodeBenchWorld : IDisposable
{
    private const string Passphrase = "benchmark passphrase";
    private const string ListUrl = "https://status.bench.wot.id/lists/1";
    private readonly SigningKey _issuerKey;

    /// <summary>A world whose issuer key comes from <paramref name="issuerSeed"/> (two processes can share one issuer), else a new key.</summary>
    public NodeBenchWorld(byte[]? issuerSeed = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "wotid-node-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        _issuerKey = issuerSeed is null ? SigningKey.Generate(KeyAlgorithm.MLDsa65) : SigningKey.FromSeed(KeyAlgorithm.MLDsa65, issuerSeed);
        Issuer = new CredentialIssuer(_issuerKey, new IssuerState(ListUrl));
        StatusLists.Put(ListUrl, Issuer.IssueStatusListCredential());
    }

    public string Root { get; }

    public CredentialIssuer Issuer { get; }

    public LocalStatusListCache StatusLists { get; } = new();

    public string SharedMailbox => Path.Combine(Root, "shared-mailbox.db");

    /// <summary>The issuer's seed (for a child process of a two-process measurement).</summary>
    public byte[] IssuerSeed()
    {
        byte[] seed = new byte[SigningKey.SeedSize(KeyAlgorithm.MLDsa65)];
        _issuerKey.ExportSeed(seed);
        return seed;
    }

    /// <summary>
    /// A new profile with a VerifiedHuman credential from <see cref="Issuer"/>, trusting it; Argon2id at 256 KiB, t = 1;
    /// prekey pools of <paramref name="pool"/> keys; an embedded mailbox in the shared file when <paramref name="mailbox"/>.
    /// </summary>
    public async Task<NodeProfile> CreateProfileAsync(string name, int pool = 5, bool mailbox = true, CancellationToken ct = default)
    {
        var options = new ProfileOptions
        {
            MailboxDatabasePath = SharedMailbox,
            CreateEmbeddedMailbox = mailbox,
            Kdf = new KdfParameters(256, 1, 1),
            PreKeys = new PreKeyPolicy { OneTimePoolSize = pool, KyberPoolSize = pool, RefillBelow = Math.Max(1, pool / 4) },
        };
        NodeProfile profile = await NodeProfile.CreateAsync(Path.Combine(Root, name), name, Passphrase, options, ct);
        profile.SetCredential(Issuer.IssueVerifiedHuman(profile.Did, TimeSpan.FromDays(30)).Jws);
        profile.TrustIssuer(Issuer.Did);
        return profile;
    }

    /// <summary>Node options: 127.0.0.1 on a random port, this world's status lists, slow background loops (no noise in a measurement).</summary>
    public NodeOptions Options(TimeSpan? directTimeout = null, ILoggerFactory? loggers = null) => new()
    {
        ListenAddresses = ["/ip4/127.0.0.1/tcp/0"],
        StatusLists = StatusLists,
        DirectDeliveryTimeout = directTimeout ?? TimeSpan.FromSeconds(10),
        MailboxPollInterval = TimeSpan.FromMinutes(10),
        OutboxRetryInterval = TimeSpan.FromMinutes(10),
        LoggerFactory = loggers,
        // WOTID_BENCH_FILE_CHUNK (bytes) offers files in chunks of another size, to compare chunk sizes (docs/benchmarks.md).
        FileChunkSize = int.TryParse(Environment.GetEnvironmentVariable("WOTID_BENCH_FILE_CHUNK"), out int chunk) ? chunk : new NodeOptions().FileChunkSize,
    };

    /// <summary>Makes two running nodes contacts of each other through their invitations.</summary>
    public static async Task IntroduceAsync(WotIdNode a, string nameOfBAtA, WotIdNode b, string nameOfAAtB)
    {
        await a.AddContactAsync(await b.CreateInvitationAsync(), nameOfBAtA);
        await b.AddContactAsync(await a.CreateInvitationAsync(), nameOfAAtB);
    }

    public void Dispose()
    {
        _issuerKey.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A handle still open; the temporary folder is left to the OS.
        }
    }
}
