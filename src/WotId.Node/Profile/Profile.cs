// A wot.id profile on disk: HOME/profile.db (docs/node.md "Profile and storage"). It holds the libp2p Ed25519 key,
// the ML-DSA-65 did:key signing key (which also signs TSP messages: the TSP VID is the did:key), the Signal identity,
// registration id and prekeys, contacts, the trust list of credential issuers, the imported VerifiedHuman credential,
// the embedded mailbox settings, and the outbox and inbox. Secrets and message bodies are sealed at rest with a key
// derived from the passphrase; a wrong passphrase is recognised by the stored key check value.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Keys;
using WotId.Libp2p.Peer;
using WotId.Node.Storage;
using WotId.Signal.Keys;

namespace WotId.Node.Profile;

/// <summary>An open profile. Dispose to close the database and zero the keys.</summary>
public sealed partial class Profile : IDisposable
{
    /// <summary>The database file's name in the profile home.</summary>
    public const string DatabaseFileName = "profile.db";

    /// <summary>Longest profile name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest credential (JWT text) accepted.</summary>
    public const int MaxCredentialLength = 64 * 1024;

    private readonly ProfileDatabase _db;
    private readonly TimeProvider _time;

    private Profile(string home, string name, ProfileDatabase db, PeerIdentity peer, SigningKey signingKey, SqliteSignalProtocolStore store,
        uint registrationId, EcPublicKey signalIdentityKey, EmbeddedMailboxSettings? mailbox, PreKeyPolicy policy, TimeProvider time)
    {
        Home = home;
        Name = name;
        _db = db;
        _time = time;
        PeerIdentity = peer;
        SigningKey = signingKey;
        SignalStore = store;
        RegistrationId = registrationId;
        SignalIdentityKey = signalIdentityKey;
        Mailbox = mailbox;
        PreKeys = new PreKeyManager(db, store, policy, time);
        Contacts = new ContactStore(db, time);
        Messages = new MessageStore(db, time);
        Files = new FileTransferStore(db, time);
    }

    /// <summary>The default home directory, <c>~/.wotid</c>.</summary>
    public static string DefaultHome => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".wotid");

    /// <summary>The profile's home directory.</summary>
    public string Home { get; }

    /// <summary>The profile name.</summary>
    public string Name { get; }

    /// <summary>The database file.</summary>
    public string DatabasePath => _db.Path;

    /// <summary>The libp2p key (peer id). Owned by the profile.</summary>
    public PeerIdentity PeerIdentity { get; }

    /// <summary>The ML-DSA-65 did:key signing key, also the TSP signing key. Owned by the profile.</summary>
    public SigningKey SigningKey { get; }

    /// <summary>
    /// The profile's DID: its did:iota once one was published for the signing key (<see cref="IotaDid"/>), else the
    /// did:key of <see cref="SigningKey"/>.
    /// </summary>
    public string Did => IotaDid ?? SigningKey.Did;

    /// <summary>The Signal registration id.</summary>
    public uint RegistrationId { get; }

    /// <summary>The public Signal identity key.</summary>
    public EcPublicKey SignalIdentityKey { get; }

    /// <summary>The embedded mailbox, if the profile has one.</summary>
    public EmbeddedMailboxSettings? Mailbox { get; }

    /// <summary>The imported VerifiedHuman credential (compact JWT), if any.</summary>
    public string? Credential => _db.Read(c => ProfileValues.GetSealed(_db.Key, c, null, Keys.Credential) is byte[] b ? Utf8(b, Keys.Credential) : null);

    /// <summary>Where the node listens (multiaddrs without <c>/p2p</c>), as recorded at creation or by <see cref="SetListenAddresses"/>.</summary>
    public IReadOnlyList<string> ListenAddresses => _db.Read(c => ProfileListenAddresses.Parse(ProfileValues.GetText(c, null, Keys.ListenAddresses)));

    internal SqliteSignalProtocolStore SignalStore { get; }

    internal PreKeyManager PreKeys { get; }

    internal ContactStore Contacts { get; }

    internal MessageStore Messages { get; }

    internal FileTransferStore Files { get; }

    internal ProfileDatabase Database => _db;

    /// <summary>Opens the profile in <paramref name="home"/>.</summary>
    /// <exception cref="ProfileException">
    /// <see cref="ProfileError.NotFound"/>, <see cref="ProfileError.WrongPassphrase"/>, <see cref="ProfileError.Corrupt"/>
    /// or <see cref="ProfileError.SchemaTooNew"/>.
    /// </exception>
    public static Task<Profile> OpenAsync(string home, string passphrase, CancellationToken cancellationToken = default) =>
        OpenAsync(home, passphrase, null, cancellationToken);

    /// <summary>Opens the profile in <paramref name="home"/> with <paramref name="options"/> (clock, prekey policy).</summary>
    public static Task<Profile> OpenAsync(string home, string passphrase, ProfileOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new ProfileOptions();
        string path = Path.Combine(home, DatabaseFileName);
        ProfileDatabase db = ProfileDatabase.OpenExisting(path);
        try
        {
            return Task.FromResult(Load(home, db, passphrase, options));
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The trusted credential issuers (DIDs), sorted.</summary>
    public IReadOnlyList<string> GetTrustedIssuers() => _db.Read(c =>
    {
        using Microsoft.Data.Sqlite.SqliteCommand cmd = ProfileDatabase.Command(c, null, "SELECT did FROM trusted_issuers ORDER BY did");
        using Microsoft.Data.Sqlite.SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    });

    /// <summary>Adds an issuer DID to the trust list (no effect if present).</summary>
    public void TrustIssuer(string did)
    {
        if (string.IsNullOrEmpty(did) || did.Length > ContactStore.MaxIdLength || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw new ProfileException(ProfileError.InvalidInput, "issuer must be a DID of at most 4096 characters");
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.Write((c, t) => ProfileDatabase.Execute(c, t, "INSERT OR IGNORE INTO trusted_issuers(did, added_at) VALUES($1, $2)", did, now));
    }

    /// <summary>Removes an issuer DID (and its stored DID document) from the trust list; returns whether it was there.</summary>
    public bool DistrustIssuer(string did) => _db.Write((c, t) =>
    {
        ProfileValues.Delete(c, t, "issuer_document:" + did);
        return ProfileDatabase.Execute(c, t, "DELETE FROM trusted_issuers WHERE did = $1", did);
    }) == 1;

    /// <summary>Stores the VerifiedHuman credential (compact JWT text; verified by the caller), replacing any earlier one.</summary>
    public void SetCredential(string jwt)
    {
        if (string.IsNullOrEmpty(jwt) || jwt.Length > MaxCredentialLength)
        {
            throw new ProfileException(ProfileError.InvalidInput, $"credential must be 1..{MaxCredentialLength} characters");
        }

        byte[] text = System.Text.Encoding.UTF8.GetBytes(jwt);
        _db.Write((c, t) => ProfileValues.SetSealed(_db.Key, c, t, Keys.Credential, text));
    }

    /// <summary>Replaces the listen addresses (a TCP port 0 gets a free port now).</summary>
    public void SetListenAddresses(IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        IReadOnlyList<string> resolved = ProfileListenAddresses.Resolve(addresses);
        _db.Write((c, t) => ProfileValues.SetText(c, t, Keys.ListenAddresses, string.Join('\n', resolved)));
    }

    /// <summary>Closes the database and zeroes every key.</summary>
    public void Dispose()
    {
        PreKeys.Dispose();
        SignalStore.Dispose();
        SigningKey.Dispose();
        PeerIdentity.Dispose();
        _db.Dispose();
    }

    /// <summary>Name and DID only.</summary>
    public override string ToString() => $"Profile({Name}, {PeerIdentity.PeerId})";

    private static string Utf8(byte[] b, string key)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(b);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is not UTF-8", e);
        }
    }
}
