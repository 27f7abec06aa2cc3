// Opening a profile: read the Argon2id parameters and salt (bounded: the file is untrusted), derive the key, compare
// the key check value (a mismatch is WrongPassphrase, decided before anything is decrypted), then open and parse each
// secret; anything that fails to authenticate or parse is Corrupt.
using System;
using System.Security.Cryptography;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Libp2p.Peer;
using WotId.Mailbox;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    private static Profile Load(string home, ProfileDatabase db, string passphrase, ProfileOptions options)
    {
        (KdfParameters kdf, byte[] salt, byte[] check) = db.Read(c =>
        {
            if (ProfileValues.GetText(c, null, Keys.Format) != Keys.FormatValue)
            {
                throw new ProfileException(ProfileError.Corrupt, "the database is not a wot.id profile");
            }

            return (
                KdfParameters.FromStored(ProfileValues.RequireInt64(c, null, Keys.KdfMemory), ProfileValues.RequireInt64(c, null, Keys.KdfIterations), ProfileValues.RequireInt64(c, null, Keys.KdfParallelism)),
                ProfileValues.Get(c, null, Keys.KdfSalt) ?? [],
                ProfileValues.Get(c, null, Keys.KeyCheck) ?? []);
        });
        if (salt.Length != AtRestKey.SaltSize || check.Length != AtRestKey.KeyCheckSize)
        {
            throw new ProfileException(ProfileError.Corrupt, "stored salt or key check value has the wrong length");
        }

        AtRestKey key = AtRestKey.Derive(passphrase, salt, kdf);
        if (!key.Matches(check))
        {
            key.Dispose();
            throw new ProfileException(ProfileError.WrongPassphrase, "wrong passphrase");
        }

        db.Unlock(key);
        TimeProvider time = options.Time ?? TimeProvider.System;
        PeerIdentity? peer = null;
        SigningKey? signing = null;
        IdentityKeyPair? identity = null;
        try
        {
            (string name, long registrationId, EmbeddedMailboxSettings? mailbox) = db.Read(c =>
            {
                peer = Secret(db, c, Keys.Libp2pKey, b => PeerIdentity.FromPrivateKeyProtobuf(b));
                if (ProfileValues.RequireText(c, null, Keys.DidAlgorithm) != "ml-dsa-65")
                {
                    throw new ProfileException(ProfileError.Corrupt, "unsupported did:key algorithm in the profile");
                }

                signing = Secret(db, c, Keys.DidSeed, b => SigningKey.FromSeed(KeyAlgorithm.MLDsa65, b));
                identity = Secret(db, c, Keys.SignalIdentity, b => IdentityKeyPair.Deserialize(b));
                return (ProfileValues.RequireText(c, null, Keys.Name), ProfileValues.RequireInt64(c, null, Keys.RegistrationId), LoadMailbox(home, db, c));
            });
            if (registrationId is < 1 or > WotId.Signal.Keys.RegistrationId.Max || name.Length is 0 or > MaxNameLength)
            {
                throw new ProfileException(ProfileError.Corrupt, "stored name or registration id is out of range");
            }

            var store = new SqliteSignalProtocolStore(db, identity!, (uint)registrationId, time);
            return new Profile(home, name, db, peer!, signing!, store, (uint)registrationId, identity!.PublicKey, mailbox, options.PreKeys, time);
        }
        catch
        {
            peer?.Dispose();
            signing?.Dispose();
            identity?.Dispose();
            throw;
        }
    }

    private static EmbeddedMailboxSettings? LoadMailbox(string home, ProfileDatabase db, Microsoft.Data.Sqlite.SqliteConnection c)
    {
        string? relative = ProfileValues.GetText(c, null, Keys.MailboxPath);
        if (relative is null)
        {
            return null;
        }

        if ((relative != MailboxRelativePath && (relative.Length > 4096 || !System.IO.Path.IsPathFullyQualified(relative)))
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.MailboxId), out IotaAddress id)
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.MailboxCap), out IotaAddress cap))
        {
            throw new ProfileException(ProfileError.Corrupt, "stored mailbox settings are malformed");
        }

        using IotaKeyPair account = ParseAccount(ProfileValues.RequireSealed(db.Key, c, null, Keys.MailboxAccountKey));
        return new EmbeddedMailboxSettings(System.IO.Path.Combine(home, relative), new MailboxHandle(id, cap), account.Address);
    }

    /// <summary>Opens a sealed secret, parses it, and wipes the plaintext; parse failures are <see cref="ProfileError.Corrupt"/>.</summary>
    private static T Secret<T>(ProfileDatabase db, Microsoft.Data.Sqlite.SqliteConnection c, string key, Func<byte[], T> parse)
    {
        byte[] plain = ProfileValues.RequireSealed(db.Key, c, null, key);
        try
        {
            return parse(plain);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or SignalProtocolException or CryptographicException)
        {
            throw new ProfileException(ProfileError.Corrupt, $"stored {key} does not parse", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
