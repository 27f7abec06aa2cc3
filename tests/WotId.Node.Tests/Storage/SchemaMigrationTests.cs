using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
    public async Task AProfileOpenedByTwoConnectionsAtOnceIsMigratedOnce()
    {
        // Two opens of an old profile at the same moment (two processes, or a node and a CLI verb): each step runs in a
        // write transaction that reads the version again, so the second waits and finds the step done. Before, both read
        // the old version first and the second failed with "duplicate column name". Repeated to meet the interleaving.
        using var t = new TestProfiles();
        for (int round = 0; round < 20; round++)
        {
            string path = Path.Combine(t.Root, "race-" + round + ".db");
            ProfileDatabase.CreateNew(path, targetVersion: 1).Dispose();
            using var start = new Barrier(4);
            Task<int>[] opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                using ProfileDatabase db = ProfileDatabase.OpenExisting(path);
                return db.Read(SchemaMigrations.CurrentVersion);
            })).ToArray();

            Assert.All(await Task.WhenAll(opens), v => Assert.Equal(SchemaMigrations.Latest, v));
        }
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
