// An unreachable node (a real closed port on 127.0.0.1) and a failing node (HTTP 500 from a real socket) give clear
// typed errors, and a send stays queued in the durable outbox until a working node accepts it, exactly once.
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Behaviour;
using WotId.Mailbox.Types;
using WotId.Testing;

namespace WotId.Mailbox.Tests.Rpc;

public sealed class NodeFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wotid-outbox-" + Guid.NewGuid().ToString("N"));

    public NodeFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ClosedPortIsReportedAsUnreachable()
    {
        int port = LoopbackPorts.Free();
        using var client = new JsonRpcIotaClient(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(10));
        IotaRpcException ex = await Assert.ThrowsAsync<IotaRpcException>(() => client.GetReferenceGasPriceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(IotaRpcError.Unreachable, ex.Error);
        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageStaysQueuedWhileTheNodeIsDownOrFailingThenIsDeliveredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        string outboxPath = Path.Combine(_folder, "outbox.db");
        using IotaKeyPair key = Vectors.GoldenInputs.Alice();
        IotaAddress mailbox = IotaAddress.Parse(DocumentedResponses.MailboxId);
        IotaAddress package = IotaAddress.Parse(DocumentedResponses.Package);

        // 1. Unreachable node.
        using (var outbox = Outbox.Open(outboxPath))
        using (var client = new JsonRpcIotaClient(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/"), TimeSpan.FromSeconds(10)))
        using (var chain = new IotaMailbox(client, key, package, outbox))
        {
            SendResult r = await chain.SendAsync(mailbox, new byte[] { 1, 2, 3 }, ct);
            Assert.False(r.Delivered);
            Assert.Contains("NodeUnreachable", r.LastError, StringComparison.Ordinal);
            OutgoingMessage queued = Assert.Single(outbox.Pending(key.Address));
            Assert.Equal((1UL, 1), (queued.Seq, queued.Attempts));
        }

        // 2. A node answering HTTP 500: still queued, one more attempt recorded.
        await using (ScriptedNode failing = ScriptedNode.Start(failing: true))
        using (var outbox = Outbox.Open(outboxPath))
        using (var client = new JsonRpcIotaClient(failing.Endpoint, TimeSpan.FromSeconds(10)))
        using (var chain = new IotaMailbox(client, key, package, outbox))
        {
            SendResult r = Assert.Single(await chain.FlushAsync(ct));
            Assert.False(r.Delivered);
            Assert.Contains("HTTP 500", r.LastError, StringComparison.Ordinal);
            Assert.Equal(2, Assert.Single(outbox.Pending(key.Address)).Attempts);
        }

        // 3. A working node: delivered exactly once, signed by the caller; a second flush sends nothing.
        await using (ScriptedNode node = ScriptedNode.Start())
        using (var outbox = Outbox.Open(outboxPath))
        using (var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(10)))
        using (var chain = new IotaMailbox(client, key, package, outbox))
        {
            SendResult r = Assert.Single(await chain.FlushAsync(ct));
            Assert.True(r.Delivered);
            Assert.Equal(IotaAddress.Parse(DocumentedResponses.MessageId), r.MessageId);
            Assert.Empty(outbox.Pending(key.Address));
            Assert.Empty(await chain.FlushAsync(ct));
            Assert.Equal(key.Address, Assert.Single(node.ExecutedBySigner));
            Assert.Contains("iota_dryRunTransactionBlock", node.Methods);
        }
    }

    [Fact]
    public async Task ASendWhoseAnswerWasLostIsNotExecutedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        using IotaKeyPair key = Vectors.GoldenInputs.Alice();
        await using ScriptedNode node = ScriptedNode.Start(loseFirstExecuteAnswer: true);
        using var outbox = Outbox.Open(Path.Combine(_folder, "outbox.db"));
        using var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(10));
        using var chain = new IotaMailbox(client, key, IotaAddress.Parse(DocumentedResponses.Package), outbox);

        SendResult first = await chain.SendAsync(IotaAddress.Parse(DocumentedResponses.MailboxId), new byte[] { 9 }, ct);
        Assert.False(first.Delivered);
        Assert.Contains("HTTP 502", first.LastError, StringComparison.Ordinal);
        OutgoingMessage queued = Assert.Single(outbox.Pending(key.Address));
        Assert.NotNull(queued.Digest);

        SendResult retry = Assert.Single(await chain.FlushAsync(ct));
        Assert.True(retry.Delivered);
        Assert.Equal(IotaAddress.Parse(DocumentedResponses.MessageId), retry.MessageId);
        Assert.Single(node.ExecutedBySigner); // executed once; the retry only asked iota_getTransactionBlock
        Assert.Contains("iota_getTransactionBlock", node.Methods);
        Assert.Empty(outbox.Pending(key.Address));
    }

    [Fact]
    public void MoveAbortsMapToTheSameErrorsOnChainAndEmbedded()
    {
        // A chain dry run reporting abort 3 of `mailbox` and the embedded mailbox applying the same rule agree.
        Assert.Equal(MailboxError.SenderBlocked, AbortMapper.FromExecutionError(
            "MoveAbort(MoveLocation { module: ModuleId { address: a1, name: Identifier(\"mailbox\") }, function: 2, instruction: 12, function_name: Some(\"send\") }, 3) in command 0").Error);
        Assert.Equal(MailboxError.UnableToReceive, AbortMapper.FromExecutionError(
            "MoveAbort(MoveLocation { module: ModuleId { address: 0000000000000000000000000000000000000000000000000000000000000002, name: Identifier(\"transfer\") }, function: 5, instruction: 0, function_name: Some(\"receive_impl\") }, 3) in command 0").Error);
        using var f = new EmbeddedFixture();
        MailboxHandle h = f.Owner.Create([], 10);
        f.Owner.SetBlocked(h, f.Sender.Caller, true);
        Assert.Equal(MailboxError.SenderBlocked, Assert.Throws<MailboxException>(() => f.Sender.Send(h.MailboxId, [1])).Error);
    }
}
