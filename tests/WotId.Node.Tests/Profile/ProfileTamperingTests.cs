using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Profile;

/// <summary>A copied or edited profile database is untrusted input: each row breaks exactly one thing and gets a typed error.</summary>
public sealed class ProfileTamperingTests
{
    public static TheoryData<string, string, ProfileError> Edits => new()
    {
        { "secret moved to another row", "UPDATE profile SET value = (SELECT value FROM profile WHERE key = 'did.seed') WHERE key = 'libp2p.private_key'", ProfileError.Corrupt },
        { "sealed secret truncated", "UPDATE profile SET value = substr(value, 1, 10) WHERE key = 'did.seed'", ProfileError.Corrupt },
        { "sealed secret deleted", "DELETE FROM profile WHERE key = 'signal.identity'", ProfileError.Corrupt },
        { "Argon2id memory absurd", "UPDATE profile SET value = CAST('99999999999' AS BLOB) WHERE key = 'kdf.memory_kib'", ProfileError.Corrupt },
        { "Argon2id iterations not a number", "UPDATE profile SET value = CAST('three' AS BLOB) WHERE key = 'kdf.iterations'", ProfileError.Corrupt },
        { "salt shortened", "UPDATE profile SET value = X'0102' WHERE key = 'kdf.salt'", ProfileError.Corrupt },
        { "format marker missing", "DELETE FROM profile WHERE key = 'format'", ProfileError.Corrupt },
        { "registration id out of range", "UPDATE profile SET value = CAST('0' AS BLOB) WHERE key = 'signal.registration_id'", ProfileError.Corrupt },
        { "mailbox id not an address", "UPDATE profile SET value = CAST('0xnothex' AS BLOB) WHERE key = 'mailbox.id'", ProfileError.Corrupt },
        { "key check value replaced", "UPDATE profile SET value = zeroblob(32) WHERE key = 'kdf.key_check'", ProfileError.WrongPassphrase },
        { "schema from a newer version", "PRAGMA user_version = 99", ProfileError.SchemaTooNew },
        { "schema version zero", "PRAGMA user_version = 0", ProfileError.Corrupt },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task EditedDatabaseFailsWithATypedError(string what, string sql, ProfileError expected)
    {
        using var t = new TestProfiles();
        string path;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            path = p.DatabasePath;
        }

        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c.Open();
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<ProfileException>(() => t.OpenAsync("alice"));
        Assert.True(expected == e.Error, what + ": got " + e.Error + " (" + e.Message + ")");
    }

    [Theory]
    [InlineData("libp2p.private_key", 0)]
    [InlineData("did.seed", 1)]
    [InlineData("signal.identity", 20)]
    [InlineData("signal.identity", -1)]
    [InlineData("mailbox.account_key", 5)]
    public async Task FlippedBitInASealedSecretIsCorrupt(string key, int position)
    {
        using var t = new TestProfiles();
        string path;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            path = p.DatabasePath;
        }

        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c.Open();
            using SqliteCommand read = c.CreateCommand();
            read.CommandText = "SELECT value FROM profile WHERE key = $k";
            read.Parameters.AddWithValue("$k", key);
            byte[] value = (byte[])read.ExecuteScalar()!;
            value[position < 0 ? value.Length - 1 : position] ^= 0x01;
            using SqliteCommand write = c.CreateCommand();
            write.CommandText = "UPDATE profile SET value = $v WHERE key = $k";
            write.Parameters.AddWithValue("$k", key);
            write.Parameters.AddWithValue("$v", value);
            Assert.Equal(1, write.ExecuteNonQuery());
        }

        var e = await Assert.ThrowsAsync<ProfileException>(() => t.OpenAsync("alice"));
        Assert.Equal(ProfileError.Corrupt, e.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4096)]
    public async Task FileThatIsNotADatabaseIsCorrupt(int length)
    {
        using var t = new TestProfiles();
        Directory.CreateDirectory(t.Home("x"));
        File.WriteAllBytes(Path.Combine(t.Home("x"), NodeProfile.DatabaseFileName), new Random(length).GetItems<byte>(new byte[256], length));
        var e = await Assert.ThrowsAsync<ProfileException>(() => t.OpenAsync("x"));
        Assert.Equal(ProfileError.Corrupt, e.Error);
    }

    [Fact]
    public async Task AnotherSqliteDatabaseIsNotTakenForAProfile()
    {
        using var t = new TestProfiles();
        string mailbox;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            mailbox = p.Mailbox!.DatabasePath;
        }

        Directory.CreateDirectory(t.Home("y"));
        File.Copy(mailbox, Path.Combine(t.Home("y"), NodeProfile.DatabaseFileName));
        var e = await Assert.ThrowsAsync<ProfileException>(() => t.OpenAsync("y"));
        Assert.Equal(ProfileError.Corrupt, e.Error);
    }
}
