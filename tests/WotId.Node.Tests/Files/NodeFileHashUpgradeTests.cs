// The move from /wotid/file/3.0.0 (whole-file SHA-256) to 4.0.0 (BLAKE3-256) for transfers already in the profile
// (docs/files.md "Changes from earlier versions"; SchemaMigrations step 6): the SHA-256 a 3.0.0 node recorded is
// forgotten, never sealed or compared as a BLAKE3 digest, while the durable offset, the state and the partial file stay,
// so an unfinished transfer goes on from where it was and ends verified with both ends' BLAKE3.
using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Node.Api;
using WotId.Node.Files;
using WotId.Node.Runtime;
using WotId.Node.Storage;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

public sealed class NodeFileHashUpgradeTests
{
    private static readonly string s_sha = Convert.ToHexStringLower(SHA256.HashData("a 3.0.0 file"u8));

    [Fact]
    public void MigrationForgetsTheRecordedSha256AndKeepsStateOffsetAndPaths()
    {
        using var t = new TestProfiles();
        string path = Path.Combine(t.Root, "v5.db");
        using (ProfileDatabase v5 = ProfileDatabase.CreateNew(path, targetVersion: 5))
        {
            v5.Write((c, tx) =>
            {
                ProfileDatabase.Execute(c, tx, "INSERT INTO contacts(name, did, peer_id, addresses, verification, added_at, updated_at) VALUES('bob', 'did:key:zBob', '12D3KooWBob', '', 0, 1, 1)");
                long contact = (long)ProfileDatabase.Scalar(c, tx, "SELECT id FROM contacts")!;
                foreach ((string id, string direction, string state, long transferred) in new[]
                {
                    ("out-sent", "outgoing", FileTransferStates.Interrupted, 3L << 20), // the sender had reached the final chunk once
                    ("in-offered-hash", "incoming", FileTransferStates.Transferring, 1L << 20), // the offer carried a SHA-256
                    ("in-done", "incoming", FileTransferStates.Completed, 4L << 20),
                })
                {
                    ProfileDatabase.Execute(c, tx,
                        "INSERT INTO file_transfers(id, contact_id, direction, name, size, media_type, sha256, chunk_size, file_key, state, transferred, path, directory, reason, created_at, updated_at) " +
                        "VALUES($1, $2, $3, 'movie.mkv', 4194304, 'video/x-matroska', $4, 262144, x'00', $5, $6, '/data/movie.mkv', NULL, NULL, 1, 1)",
                        id, contact, direction, s_sha, state, transferred);
                }
            });
        }

        using ProfileDatabase latest = ProfileDatabase.OpenExisting(path);
        var store = new FileTransferStore(latest);
        FileTransferRecord sent = store.Get("out-sent")!;
        Assert.Equal((string.Empty, FileTransferStates.Interrupted, 3L << 20, "/data/movie.mkv"), (sent.Blake3, sent.State, sent.Transferred, sent.Path));
        FileTransferRecord offered = store.Get("in-offered-hash")!;
        Assert.Equal((string.Empty, FileTransferStates.Transferring, 1L << 20), (offered.Blake3, offered.State, offered.Transferred));
        FileTransferRecord done = store.Get("in-done")!;
        Assert.Equal((string.Empty, FileTransferStates.Completed), (done.Blake3, done.State));
        Assert.Single(store.Unfinished(), r => r.Id == "out-sent");

        // The next stream records the BLAKE3 the sender computes; the old digest is nowhere to be found.
        string blake3 = Convert.ToHexStringLower(FileContentHash.Hash("a 4.0.0 file"u8));
        Assert.True(store.SetBlake3("out-sent", blake3));
        Assert.Equal(blake3, store.Get("out-sent")!.Blake3);
        Assert.Equal(0L, latest.Read(c => (long)ProfileDatabase.Scalar(c, null, "SELECT count(*) FROM file_transfers WHERE blake3 = $1", s_sha)!));
    }

    [Fact]
    public async Task TransferInterruptedWithASha256RecordedCompletesVerifiedFromItsDurableOffsetAfterTheUpgrade()
    {
        using var world = new RuntimeWorld();
        // Bob holds his first durable batch until the first alice is stopped, so both stop mid-transfer.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        NodeOptions holdOnce = FileWorld.HoldingFirstDurableBatch(world, holding, release.Task);
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        string source = FileWorld.MakeFile(FileWorld.Folder(world, "src"), "archive.tar", 200 * 1024);
        string id;
        long durable;
        await using (WotIdNode bobFirst = await WotIdNode.StartAsync(bobPro, holdOnce, TestProfiles.Ct))
        {
            await using (WotIdNode aliceFirst = await WotIdNode.StartAsync(alicePro, FileWorld.Options(world, chunkSize: 1024), TestProfiles.Ct))
            {
                await RuntimeWorld.IntroduceAsync(aliceFirst, "bob", bobFirst, "alice");
                id = (await aliceFirst.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
                await FileWorld.WaitAsync(bobFirst, id, t => t.State == FileTransferStates.Offered);
                await bobFirst.AcceptFileAsync(id, null, TestProfiles.Ct);
                await holding.Task.WaitAsync(TimeSpan.FromSeconds(60), TestProfiles.Ct);
            }

            release.TrySetResult();
            durable = (await FileWorld.WaitAsync(bobFirst, id, t => t.Transferred > 0)).Transferred;
        }

        Assert.InRange(durable, 8 * 1024, 200 * 1024 - 1);
        // What a 3.0.0 node would have left: schema version 5, and the SHA-256 of the file recorded on both sides (the
        // sender's once a stream reached the final chunk, the receiver's as an offer carrying it). Sealed into a 4.0.0
        // final chunk or compared with a BLAKE3, it would fail the transfer with hash_mismatch.
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source)));
        DowngradeToVersion5(Path.Combine(FileWorld.Folder(world, "alice"), NodeProfile.DatabaseFileName), id, sha);
        DowngradeToVersion5(Path.Combine(FileWorld.Folder(world, "bob"), NodeProfile.DatabaseFileName), id, sha);

        await using WotIdNode bob = await WotIdNode.StartAsync(await world.OpenAsync("bob"), FileWorld.Options(world, chunkSize: 1024, durableEvery: 8 * 1024), TestProfiles.Ct);
        await using var bobEvents = new EventRecorder(bob);
        await using WotIdNode alice = await WotIdNode.StartAsync(await world.OpenAsync("alice"), FileWorld.Options(world, chunkSize: 1024), TestProfiles.Ct);
        FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State == FileTransferStates.Completed);
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(done.Path!));
        Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        long[] progress = bobEvents.All.Where(e => e.Kind == NodeEventKinds.FileProgress && e.FileId == id).Select(e => e.Bytes!.Value).ToArray();
        Assert.True(progress.Min() >= durable, $"the upgraded receiver went on from {durable}, not from {progress.Min()}");
        string blake3 = Convert.ToHexStringLower(FileContentHash.Hash(File.ReadAllBytes(source)));
        Assert.Equal(blake3, ReadHash(Path.Combine(FileWorld.Folder(world, "bob"), NodeProfile.DatabaseFileName), id));
    }

    private static void DowngradeToVersion5(string database, string id, string sha)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        // Undo step 7 (the contacts' refusal columns), then step 6 (blake3 back to sha256, with a 3.0.0 digest).
        cmd.CommandText = "ALTER TABLE contacts DROP COLUMN refused_reason; ALTER TABLE contacts DROP COLUMN refused_at; "
            + "ALTER TABLE file_transfers RENAME COLUMN blake3 TO sha256; UPDATE file_transfers SET sha256 = $sha WHERE id = $id; PRAGMA user_version = 5;";
        cmd.Parameters.AddWithValue("$sha", sha);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
        Assert.Equal(sha, ReadColumn(database, "sha256", id));
    }

    private static string ReadHash(string database, string id) => ReadColumn(database, "blake3", id);

    private static string ReadColumn(string database, string column, string id)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "SELECT " + column + " FROM file_transfers WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return (string)cmd.ExecuteScalar()!;
    }
}
