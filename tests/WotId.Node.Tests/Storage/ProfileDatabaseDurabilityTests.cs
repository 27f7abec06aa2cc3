using System.IO;
using WotId.Node.Storage;

namespace WotId.Node.Tests.Storage;

/// <summary>Per-transaction durability (docs/node.md "Durability"): NORMAL only for the one write that asks for it.</summary>
public sealed class ProfileDatabaseDurabilityTests
{
    // PRAGMA synchronous values: 1 = NORMAL, 2 = FULL.
    private const long Normal = 1;
    private const long Full = 2;

    [Fact]
    public void ANonDurableWriteCommitsWithSynchronousNormalAndTheNextWriteIsFullAgain()
    {
        using var t = new TestProfiles();
        string path = Path.Combine(t.Root, "durability.db");
        using (ProfileDatabase db = ProfileDatabase.CreateNew(path))
        {
            Assert.Equal(Full, db.Read(c => (long)ProfileDatabase.Scalar(c, null, "PRAGMA synchronous")!));

            long during = db.Write((c, tx) =>
            {
                ProfileDatabase.Execute(c, tx, "INSERT INTO profile(key, value) VALUES('a', CAST('1' AS BLOB))");
                return (long)ProfileDatabase.Scalar(c, tx, "PRAGMA synchronous")!;
            }, durable: false);
            Assert.Equal(Normal, during);

            long next = db.Write((c, tx) =>
            {
                ProfileDatabase.Execute(c, tx, "INSERT INTO profile(key, value) VALUES('b', CAST('2' AS BLOB))");
                return (long)ProfileDatabase.Scalar(c, tx, "PRAGMA synchronous")!;
            });
            Assert.Equal(Full, next);
        }

        // Both commits are in the file for the next connection (a closed or killed process loses neither).
        using ProfileDatabase reopened = ProfileDatabase.OpenExisting(path);
        Assert.Equal(2L, reopened.Read(c => (long)ProfileDatabase.Scalar(c, null, "SELECT count(*) FROM profile WHERE key IN ('a', 'b')")!));
    }

    [Fact]
    public void ANonDurableWriteThatThrowsRollsBackAndLeavesTheNextWriteFull()
    {
        using var t = new TestProfiles();
        using ProfileDatabase db = ProfileDatabase.CreateNew(Path.Combine(t.Root, "rollback.db"));
        Assert.Throws<InvalidDataException>(() => db.Write((c, tx) =>
        {
            ProfileDatabase.Execute(c, tx, "INSERT INTO profile(key, value) VALUES('a', CAST('1' AS BLOB))");
            throw new InvalidDataException("abort");
        }, durable: false));

        Assert.Equal(0L, db.Read(c => (long)ProfileDatabase.Scalar(c, null, "SELECT count(*) FROM profile WHERE key = 'a'")!));
        Assert.Equal(Full, db.Write((c, tx) => (long)ProfileDatabase.Scalar(c, tx, "PRAGMA synchronous")!));
    }
}
