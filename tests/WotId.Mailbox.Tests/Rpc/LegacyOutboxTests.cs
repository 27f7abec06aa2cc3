// An outbox database written before the queue assigned sequence numbers (table `outbox`, no sender column) still
// delivers its queued rows: the first IotaMailbox that opens it adopts them, numbers and signed bytes kept.
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Rpc;

public sealed class LegacyOutboxTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wotid-legacy-" + Guid.NewGuid().ToString("N"));

    public LegacyOutboxTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task QueuedRowsOfTheEarlierTableAreAdoptedAndDeliveredNotLost()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(_folder, "outbox.db");
        byte[] mailbox = IotaAddress.Parse(DocumentedResponses.MailboxId).Span.ToArray();
        using (var c = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            c.Open();
            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE outbox(
                    id INTEGER PRIMARY KEY AUTOINCREMENT, mailbox_id BLOB NOT NULL, seq INTEGER NOT NULL, payload BLOB NOT NULL,
                    state TEXT NOT NULL, tx_bytes BLOB, signature TEXT, digest TEXT, message_id BLOB, attempts INTEGER NOT NULL,
                    last_error TEXT, created_ms INTEGER NOT NULL, UNIQUE(mailbox_id, seq));
                INSERT INTO outbox(mailbox_id, seq, payload, state, attempts, created_ms) VALUES($m, 5, x'0102', 'queued', 2, 1);
                INSERT INTO outbox(mailbox_id, seq, payload, state, attempts, created_ms) VALUES($m, 4, x'09', 'delivered', 0, 1);
                """;
            cmd.Parameters.AddWithValue("$m", mailbox);
            cmd.ExecuteNonQuery();
        }

        using IotaKeyPair key = Vectors.GoldenInputs.Alice();
        await using ScriptedNode node = ScriptedNode.Start();
        using var outbox = Outbox.Open(path);
        using var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(10));
        using var chain = new IotaMailbox(client, key, IotaAddress.Parse(DocumentedResponses.Package), outbox);

        OutgoingMessage adopted = Assert.Single(outbox.Pending(key.Address));
        Assert.Equal((5UL, 2), (adopted.Seq, adopted.Attempts));
        Assert.Equal(new byte[] { 1, 2 }, adopted.Payload);
        SendResult r = Assert.Single(await chain.FlushAsync(ct));
        Assert.True(r.Delivered);
        Assert.Equal(5UL, r.Seq);
        Assert.Equal(6UL, outbox.Enqueue(key.Address, IotaAddress.Parse(DocumentedResponses.MailboxId), [3]).Seq);
        Assert.Equal(0, outbox.AdoptLegacyRows(key.Address)); // adopted once only
    }
}
