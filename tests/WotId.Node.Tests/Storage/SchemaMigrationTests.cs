using System.IO;
using WotId.Node.Profile;
using WotId.Node.Storage;

namespace WotId.Node.Tests.Storage;

/// <summary>PRAGMA user_version and the ordered migration steps.</summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public void VersionOneDatabaseIsMigratedToTheLatestKeepingItsRows()
    {
        using var t = new TestProfiles();
        string path = Path.Combine(t.Root, "v1.db");
        using (ProfileDatabase v1 = ProfileDatabase.CreateNew(path, targetVersion: 1))
        {
            v1.Write((c, tx) =>
            {
                Assert.Equal(1, SchemaMigrations.CurrentVersion(c));
                Assert.Null(ProfileDatabase.Scalar(c, tx, "SELECT name FROM sqlite_schema WHERE name = 'outbox'"));
                ProfileDatabase.Execute(c, tx, "INSERT INTO contacts(name, did, peer_id, addresses, verification, added_at, updated_at) VALUES('bob', 'did:key:zBob', '12D3KooWBob', '', 0, 1, 1)");
                ProfileDatabase.Execute(c, tx, "INSERT INTO profile(key, value) VALUES('name', CAST('alice' AS BLOB))");
            });
        }

        using ProfileDatabase latest = ProfileDatabase.OpenExisting(path);
        latest.Read(c =>
        {
            Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.CurrentVersion(c));
            Assert.Equal("bob", ProfileDatabase.Scalar(c, null, "SELECT name FROM contacts"));
            Assert.Equal("alice", ProfileValues.GetText(c, null, "name"));
            foreach (string table in new[] { "outbox", "inbox", "dedup", "message_states" })
            {
                Assert.Equal(table, ProfileDatabase.Scalar(c, null, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = $1", table));
            }

            return true;
        });
    }

    [Fact]
    public void EveryStepRaisesTheVersionByOneAndTheLatestIsTheNumberOfSteps()
    {
        using var t = new TestProfiles();
        for (int v = 1; v <= SchemaMigrations.Latest; v++)
        {
            using ProfileDatabase db = ProfileDatabase.CreateNew(Path.Combine(t.Root, v + ".db"), v);
            Assert.Equal(v, db.Read(SchemaMigrations.CurrentVersion));
        }

        Assert.Equal(SchemaMigrations.Steps.Count, SchemaMigrations.Latest);
    }

    [Fact]
    public void DatabaseFromANewerVersionIsRefusedUntouched()
    {
        using var t = new TestProfiles();
        string path = Path.Combine(t.Root, "newer.db");
        using (ProfileDatabase db = ProfileDatabase.CreateNew(path))
        {
            db.Write((c, tx) => ProfileDatabase.Execute(c, tx, $"PRAGMA user_version = {SchemaMigrations.Latest + 1}"));
        }

        var e = Assert.Throws<ProfileException>(() => ProfileDatabase.OpenExisting(path));
        Assert.Equal(ProfileError.SchemaTooNew, e.Error);
        using var raw = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        raw.Open();
        Assert.Equal(SchemaMigrations.Latest + 1, SchemaMigrations.CurrentVersion(raw));
    }
}
