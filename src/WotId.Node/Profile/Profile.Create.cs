// Creating a profile: HOME (0700), HOME/profile.db (0600 from creation), keys generated and sealed, prekeys generated
// (PreKeyManager), and an embedded mailbox under HOME/mailbox. A failure part-way removes the half-made database so
// that a retry starts clean.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Libp2p.Peer;
using WotId.Mailbox;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Signing;
using WotId.Node.Storage;
using WotId.Signal.Keys;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>The embedded mailbox database, relative to the home.</summary>
    internal const string MailboxRelativePath = "mailbox/mailbox.db";

    /// <summary>Creates a profile named <paramref name="name"/> in <paramref name="home"/>.</summary>
    /// <exception cref="ProfileException"><see cref="ProfileError.AlreadyExists"/> or <see cref="ProfileError.InvalidInput"/>.</exception>
    public static async Task<Profile> CreateAsync(string home, string name, string passphrase, ProfileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ProfileException(ProfileError.InvalidInput, $"profile name must be 1..{MaxNameLength} characters without control characters");
        }

        options ??= new ProfileOptions();
        TimeProvider time = options.Time ?? TimeProvider.System;
        IReadOnlyList<string> listen = ProfileListenAddresses.Resolve(options.ListenAddresses ?? ProfileOptions.DefaultListenAddresses);
        CreatePrivateDirectory(home);
        string path = Path.Combine(home, DatabaseFileName);
        ProfileDatabase db = ProfileDatabase.CreateNew(path);
        Profile? profile = null;
        PeerIdentity? peer = null;
        SigningKey? signing = null;
        IdentityKeyPair? identity = null;
        try
        {
            byte[] salt = RandomBytes.Get(AtRestKey.SaltSize);
            db.Unlock(AtRestKey.Derive(passphrase, salt, options.Kdf));
            EmbeddedMailboxSettings? mailbox = null;
            using IotaKeyPair? account = options.CreateEmbeddedMailbox ? IotaKeyPair.Generate() : null;
            if (account is not null)
            {
                mailbox = await CreateMailboxAsync(home, options.MailboxDatabasePath, account, time, cancellationToken).ConfigureAwait(false);
            }

            peer = PeerIdentity.Generate();
            signing = SigningKey.Generate(KeyAlgorithm.MLDsa65);
            identity = IdentityKeyPair.Generate();
            uint registrationId = WotId.Signal.Keys.RegistrationId.Generate();
            db.Write((c, t) =>
            {
                AtRestKey k = db.Key;
                ProfileValues.SetText(c, t, Keys.Format, Keys.FormatValue);
                ProfileValues.Set(c, t, Keys.KdfSalt, salt);
                ProfileValues.SetInt64(c, t, Keys.KdfMemory, options.Kdf.MemoryKiB);
                ProfileValues.SetInt64(c, t, Keys.KdfIterations, options.Kdf.Iterations);
                ProfileValues.SetInt64(c, t, Keys.KdfParallelism, options.Kdf.Parallelism);
                ProfileValues.Set(c, t, Keys.KeyCheck, k.KeyCheck.ToArray());
                ProfileValues.SetText(c, t, Keys.Name, name);
                ProfileValues.SetInt64(c, t, Keys.CreatedAt, time.GetUtcNow().ToUnixTimeMilliseconds());
                SealSecret(k, c, t, Keys.Libp2pKey, peer.ExportPrivateKeyProtobuf());
                ProfileValues.SetText(c, t, Keys.DidAlgorithm, "ml-dsa-65");
                byte[] seed = new byte[SigningKey.SeedSize(KeyAlgorithm.MLDsa65)];
                signing.ExportSeed(seed);
                SealSecret(k, c, t, Keys.DidSeed, seed);
                SealSecret(k, c, t, Keys.SignalIdentity, identity.Serialize());
                ProfileValues.SetInt64(c, t, Keys.RegistrationId, registrationId);
                ProfileValues.SetText(c, t, Keys.ListenAddresses, string.Join('\n', listen));
                if (mailbox is not null && account is not null)
                {
                    ProfileValues.SetText(c, t, Keys.MailboxPath, options.MailboxDatabasePath is null ? MailboxRelativePath : mailbox.DatabasePath);
                    ProfileValues.SetText(c, t, Keys.MailboxId, mailbox.Handle.MailboxId.ToString());
                    ProfileValues.SetText(c, t, Keys.MailboxCap, mailbox.Handle.CapId.ToString());
                    SealSecret(k, c, t, Keys.MailboxAccountKey, Encoding.UTF8.GetBytes(account.ExportPrivateKey()));
                }
            });
            var store = new SqliteSignalProtocolStore(db, identity, registrationId, time);
            profile = new Profile(home, name, db, peer, signing, store, registrationId, identity.PublicKey, mailbox, options.PreKeys, time);
            await profile.PreKeys.ReplenishAsync(cancellationToken).ConfigureAwait(false);
            return profile;
        }
        catch
        {
            if (profile is not null)
            {
                profile.Dispose();
            }
            else
            {
                peer?.Dispose();
                signing?.Dispose();
                identity?.Dispose();
                db.Dispose();
            }

            foreach (string suffix in (ReadOnlySpan<string>)["", "-wal", "-shm"])
            {
                File.Delete(path + suffix);
            }

            throw;
        }
    }

    /// <summary>The mailbox owner's IOTA account key (caller disposes), or null when the profile has no mailbox.</summary>
    internal IotaKeyPair? OpenMailboxAccount() =>
        _db.Read(c => ProfileValues.GetSealed(_db.Key, c, null, Keys.MailboxAccountKey)) is byte[] b ? ParseAccount(b) : null;

    private static IotaKeyPair ParseAccount(byte[] text)
    {
        try
        {
            return IotaKeyPair.ImportPrivateKey(Utf8(text, Keys.MailboxAccountKey));
        }
        catch (FormatException e)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored mailbox account key does not parse", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(text);
        }
    }

    private static async Task<EmbeddedMailboxSettings> CreateMailboxAsync(string home, string? sharedPath, IotaKeyPair account, TimeProvider time, CancellationToken cancellationToken)
    {
        string path = sharedPath is null ? Path.Combine(home, MailboxRelativePath) : Path.GetFullPath(sharedPath);
        CreatePrivateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) && !OperatingSystem.IsWindows())
        {
            // Created 0600 before SQLite opens it, like the profile database.
            using (new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
            }
        }

        using EmbeddedMailboxStore store = EmbeddedMailboxStore.Open(path, time);
        MailboxHandle handle = await store.As(account.Address).CreateAsync(ReadOnlyMemory<byte>.Empty, MailboxLimits.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        return new EmbeddedMailboxSettings(path, handle, account.Address);
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void SealSecret(AtRestKey k, Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction t, string key, byte[] secret)
    {
        try
        {
            ProfileValues.SetSealed(k, c, t, key, secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
