// A real child process (WotId.Mailbox.CrashHelper) is killed with SIGKILL in the middle of a send loop and of a
// claim loop. Afterwards every acknowledged operation must be in the database exactly once, the database must be
// intact, and the sequence numbers the store assigned must run 1..N without a gap or a repeat, also across the kill.
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Tests.Behaviour;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Process;

public sealed class KilledProcessTests : System.IDisposable
{
    private const int Total = 3000;
    private readonly EmbeddedFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task KillingASenderThenAClaimerLosesNothingAndDuplicatesNothing()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        MailboxHandle h = _f.Owner.Create([], 64);
        string db = _f.Store.Path;
        string sender = _f.Sender.Caller.ToString();

        // 1. Kill the sender after at least 200 acknowledged sends (it is mid-loop, usually mid-transaction).
        List<string> acked;
        using (ChildProcess child = ChildProcess.Start("send", db, sender, h.MailboxId.ToString(), Total.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            acked = await child.ReadLinesAsync(200, ct);
            Assert.Equal(200, acked.Count);
            acked.AddRange(await child.KillAndDrainAsync(ct));
        }

        var ackedSeqs = acked.Where(l => l.StartsWith("sent ", System.StringComparison.Ordinal)).Select(l => ulong.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ackedSeqs.Count < Total, "the child finished before it was killed; raise Total");
        IReadOnlyList<MessageInfo> afterKill = _f.Owner.List(h.MailboxId);
        Assert.Equal(Enumerable.Range(1, ackedSeqs.Count).Select(i => (ulong)i), ackedSeqs);
        Assert.InRange(afterKill.Count, ackedSeqs.Count, ackedSeqs.Count + 1); // at most the one in flight committed unacknowledged
        Assert.Equal(Enumerable.Range(1, afterKill.Count).Select(i => (ulong)i), afterKill.Select(m => m.Seq).Order());
        AssertIntact(db);

        // 2. Send the rest: numbering continues after what was committed, so exactly Total messages numbered 1..Total.
        int rest = Total - afterKill.Count;
        using (ChildProcess child = ChildProcess.Start("send", db, sender, h.MailboxId.ToString(), rest.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            (int code, string err) = await child.WaitAsync(ct);
            Assert.True(code == 0, err);
        }

        IReadOnlyList<MessageInfo> sent = _f.Owner.List(h.MailboxId);
        Assert.Equal(Total, sent.Count);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (ulong)i), sent.Select(m => m.Seq).Order());

        // 3. Kill the claimer after at least 200 claims.
        List<string> claimedLines;
        using (ChildProcess child = ChildProcess.Start("claim", db, _f.Owner.Caller.ToString(), h.MailboxId.ToString(), h.CapId.ToString()))
        {
            claimedLines = await child.ReadLinesAsync(200, ct);
            claimedLines.AddRange(await child.KillAndDrainAsync(ct));
        }

        Assert.DoesNotContain("done", claimedLines);
        HashSet<IotaAddress> claimedIds = claimedLines.Where(l => l.StartsWith("claimed ", System.StringComparison.Ordinal)).Select(l => IotaAddress.Parse(l.Split(' ')[1])).ToHashSet();
        IReadOnlyList<MessageInfo> mid = _f.Owner.List(h.MailboxId);
        Assert.Equal(Total, mid.Count);
        HashSet<IotaAddress> archived = mid.Where(m => m.State == MessageState.Archived).Select(m => m.Id).ToHashSet();
        Assert.Subset(archived, claimedIds);
        Assert.InRange(archived.Count, claimedIds.Count, claimedIds.Count + 1);
        Assert.Equal((ulong)archived.Count, _f.Owner.Info(h.MailboxId).StoredCount);
        AssertIntact(db);

        // 4. Finish the claims.
        using (ChildProcess child = ChildProcess.Start("claim", db, _f.Owner.Caller.ToString(), h.MailboxId.ToString(), h.CapId.ToString()))
        {
            (int code, string err) = await child.WaitAsync(ct);
            Assert.True(code == 0, err);
        }

        IReadOnlyList<MessageInfo> end = _f.Owner.List(h.MailboxId);
        Assert.Equal(Total, end.Count);
        Assert.All(end, m => Assert.Equal(MessageState.Archived, m.State));
        Assert.Equal((ulong)Total, _f.Owner.Info(h.MailboxId).StoredCount);
    }

    private static void AssertIntact(string db)
    {
        using var c = new SqliteConnection("Data Source=" + db + ";Pooling=False");
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar() as string);
    }
}
