using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Profile;

/// <summary>Creating, opening and refusing profiles.</summary>
public sealed class ProfileLifecycleTests
{
    [Fact]
    public async Task CreatedProfileReopensWithTheSameKeysAndSettings()
    {
        using var t = new TestProfiles();
        string did, peerId, identity;
        uint registrationId;
        WotId.Mailbox.MailboxHandle? handle;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            (did, peerId, identity, registrationId, handle) = (p.Did, p.PeerIdentity.PeerId.ToString(), p.SignalIdentityKey.ToString(), p.RegistrationId, p.Mailbox?.Handle);
            Assert.StartsWith("did:key:", did, StringComparison.Ordinal);
            Assert.Equal(WotId.Identity.KeyAlgorithm.MLDsa65, p.SigningKey.Algorithm);
            Assert.NotNull(handle);
            Assert.True(File.Exists(p.Mailbox!.DatabasePath));
        }

        using NodeProfile q = await t.OpenAsync("alice");
        Assert.Equal("alice", q.Name);
        Assert.Equal(did, q.Did);
        Assert.Equal(peerId, q.PeerIdentity.PeerId.ToString());
        Assert.Equal(identity, q.SignalIdentityKey.ToString());
        Assert.Equal(registrationId, q.RegistrationId);
        Assert.Equal(handle, q.Mailbox!.Handle);
        using var account = q.OpenMailboxAccount();
        Assert.Equal(q.Mailbox.Account, account!.Address);
    }

    [Fact]
    public async Task CreateRefusesAnExistingProfileAndLeavesItIntact()
    {
        using var t = new TestProfiles();
        string did;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            did = p.Did;
        }

        var e = await Assert.ThrowsAsync<ProfileException>(() => t.CreateAsync("alice"));
        Assert.Equal(ProfileError.AlreadyExists, e.Error);
        using NodeProfile q = await t.OpenAsync("alice");
        Assert.Equal(did, q.Did);
    }

    [Fact]
    public async Task WrongPassphraseIsATypedErrorDecidedByTheKeyCheckValue()
    {
        using var t = new TestProfiles();
        (await t.CreateAsync("alice")).Dispose();
        var e = await Assert.ThrowsAsync<ProfileException>(() => NodeProfile.OpenAsync(t.Home("alice"), "not-the-passphrase-x7", TestProfiles.FastOptions(), TestProfiles.Ct));
        Assert.Equal(ProfileError.WrongPassphrase, e.Error);
        Assert.DoesNotContain("not-the-passphrase-x7", e.ToString(), StringComparison.Ordinal);
        (await t.OpenAsync("alice")).Dispose();
    }

    [Fact]
    public async Task OpeningAnEmptyHomeIsNotFound()
    {
        using var t = new TestProfiles();
        var e = await Assert.ThrowsAsync<ProfileException>(() => t.OpenAsync("nobody"));
        Assert.Equal(ProfileError.NotFound, e.Error);
    }

    [Fact]
    public async Task HomeIsPrivateAndDatabaseFilesAreOwnerOnlyFromCreation()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(t.Home("alice")));
        foreach (string f in new[] { p.DatabasePath, p.DatabasePath + "-wal", p.Mailbox!.DatabasePath })
        {
            Assert.True(File.Exists(f), f);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
        }
    }

    [Fact]
    public async Task DatabaseUsesWalForeignKeysAndTheLatestSchema()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        Assert.Null(p.Mailbox);
        (string mode, long fk, long version) = p.Database.Read(c => (
            (string)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "PRAGMA journal_mode")!,
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "PRAGMA foreign_keys")!,
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "PRAGMA user_version")!));
        Assert.Equal("wal", mode);
        Assert.Equal(1, fk);
        Assert.Equal(WotId.Node.Storage.SchemaMigrations.Latest, version);
    }

    [Fact]
    public async Task TrustListAndCredentialSurviveReopening()
    {
        using var t = new TestProfiles();
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            Assert.Null(p.Credential);
            p.TrustIssuer("did:key:zIssuerB");
            p.TrustIssuer("did:key:zIssuerA");
            p.TrustIssuer("did:key:zIssuerA");
            p.SetCredential("eyJhbGciOiJNTC1EU0EtNjUifQ.e30.c2ln");
            Assert.True(p.DistrustIssuer("did:key:zIssuerB"));
            Assert.False(p.DistrustIssuer("did:key:zIssuerB"));
            var e = Assert.Throws<ProfileException>(() => p.TrustIssuer("not a did"));
            Assert.Equal(ProfileError.InvalidInput, e.Error);
        }

        using NodeProfile q = await t.OpenAsync("alice");
        Assert.Equal(["did:key:zIssuerA"], q.GetTrustedIssuers());
        Assert.Equal("eyJhbGciOiJNTC1EU0EtNjUifQ.e30.c2ln", q.Credential);
    }

    [Fact]
    public async Task NodeLockIsExclusiveUntilReleased()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        using (NodeLock held = NodeLock.Acquire(p.Home))
        {
            var e = Assert.Throws<ProfileException>(() => NodeLock.Acquire(p.Home));
            Assert.Equal(ProfileError.Locked, e.Error);
        }

        using NodeLock again = NodeLock.Acquire(p.Home);
        Assert.True(File.Exists(again.Path));
    }

    [Fact]
    public async Task NameOutsideTheLimitsIsRefusedBeforeAnythingIsWritten()
    {
        using var t = new TestProfiles();
        foreach (string bad in new[] { new string('n', NodeProfile.MaxNameLength + 1), "tab\there" })
        {
            var e = await Assert.ThrowsAsync<ProfileException>(() => NodeProfile.CreateAsync(t.Home("x"), bad, TestProfiles.Passphrase, TestProfiles.FastOptions(), TestProfiles.Ct));
            Assert.Equal(ProfileError.InvalidInput, e.Error);
            Assert.False(File.Exists(Path.Combine(t.Home("x"), NodeProfile.DatabaseFileName)));
        }

        using NodeProfile ok = await NodeProfile.CreateAsync(t.Home("x"), new string('n', NodeProfile.MaxNameLength), TestProfiles.Passphrase, TestProfiles.FastOptions(mailbox: false), TestProfiles.Ct);
        Assert.Equal(NodeProfile.MaxNameLength, ok.Name.Length);
    }

    [Fact]
    public async Task ToStringShowsNoSecret()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        string text = p + " " + p.Database + " " + p.Database.Key + " " + p.SignalStore;
        Assert.DoesNotContain(TestProfiles.Passphrase, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(p.Database.Key.KeyCheck), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DefaultOptionsUseTheDocumentedKdfParametersAndFullPrekeyPools()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await NodeProfile.CreateAsync(t.Home("alice"), "alice", TestProfiles.Passphrase, new ProfileOptions { CreateEmbeddedMailbox = false }, TestProfiles.Ct);
        var stored = p.Database.Read(c => (
            WotId.Node.Storage.ProfileValues.GetInt64(c, null, "kdf.memory_kib"),
            WotId.Node.Storage.ProfileValues.GetInt64(c, null, "kdf.iterations"),
            WotId.Node.Storage.ProfileValues.GetInt64(c, null, "kdf.parallelism"),
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_prekeys")!,
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_kyber_prekeys WHERE last_resort = 0")!,
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_kyber_prekeys WHERE last_resort = 1")!,
            (long)WotId.Node.Storage.ProfileDatabase.Scalar(c, null, "SELECT COUNT(*) FROM signal_signed_prekeys")!));
        Assert.Equal((65536L, 3L, 1L, 100L, 100L, 1L, 1L), (stored.Item1!.Value, stored.Item2!.Value, stored.Item3!.Value, stored.Item4, stored.Item5, stored.Item6, stored.Item7));
        var e = await Assert.ThrowsAsync<ProfileException>(() => NodeProfile.OpenAsync(t.Home("alice"), "not it", TestProfiles.Ct));
        Assert.Equal(ProfileError.WrongPassphrase, e.Error);
    }
}
