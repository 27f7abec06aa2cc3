// The mailbox logs what is retried or swallowed, and nothing secret: a capturing logger sees every entry at every
// level, and the test payloads, the private key (raw and as iotaprivkey), the signatures and the signed bytes must
// not appear in any form the code could have written them (hex, base64, text).
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Core.Encoding;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Rpc;
using WotId.Mailbox.Types;
using WotId.Testing;

namespace WotId.Mailbox.Tests.Behaviour;

public sealed class MailboxLoggingTests : IDisposable
{
    private static readonly byte[] Payload = "secret words 0123456789 secret words"u8.ToArray();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wotid-log-" + Guid.NewGuid().ToString("N"));

    public MailboxLoggingTests() => Directory.CreateDirectory(_folder);

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
    public async Task ASendThatStaysQueuedIsLoggedAsAWarningWithoutPayloadOrKey()
    {
        var ct = TestContext.Current.CancellationToken;
        var chainLog = new CapturingLogger<IotaMailbox>();
        var rpcLog = new CapturingLogger<JsonRpcIotaClient>();
        using IotaKeyPair key = IotaKeyPair.Generate();
        using var outbox = Outbox.Open(Path.Combine(_folder, "outbox.db"));
        using var client = new JsonRpcIotaClient(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/rpc?apikey=hunter2"), TimeSpan.FromSeconds(10), logger: rpcLog);
        using var chain = new IotaMailbox(client, key, IotaAddress.Parse(DocumentedResponses.Package), outbox, chainLog);

        SendResult r = await chain.SendAsync(IotaAddress.Parse(DocumentedResponses.MailboxId), Payload, ct);

        Assert.False(r.Delivered);
        var warning = Assert.Single(chainLog.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(6012, warning.EventId);
        Assert.Contains("NodeUnreachable", warning.Text, StringComparison.Ordinal);
        Assert.Contains(r.QueueId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Text, StringComparison.Ordinal);
        Assert.Contains(rpcLog.Entries, e => e.EventId == 6001 && e.Text.Contains("Unreachable", StringComparison.Ordinal));
        AssertNoSecrets(chainLog.All + rpcLog.All, key);
        Assert.DoesNotContain("hunter2", rpcLog.All, StringComparison.Ordinal);
        Assert.DoesNotContain("/rpc", rpcLog.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeliveredSendAndARefusedOneAreLoggedWithoutPayloadOrSignature()
    {
        var ct = TestContext.Current.CancellationToken;
        var chainLog = new CapturingLogger<IotaMailbox>();
        await using ScriptedNode node = ScriptedNode.Start(new Contract.ChainModel(IotaAddress.Parse(DocumentedResponses.Package)));
        using IotaKeyPair key = IotaKeyPair.Generate();
        using var outbox = Outbox.Open(Path.Combine(_folder, "outbox.db"));
        using var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(10));
        using var chain = new IotaMailbox(client, key, IotaAddress.Parse(DocumentedResponses.Package), outbox, chainLog);
        MailboxHandle h = await chain.CreateAsync(Array.Empty<byte>(), (ulong)Payload.Length, ct);

        SendResult sent = await chain.SendAsync(h.MailboxId, Payload, ct);
        await Assert.ThrowsAsync<MailboxException>(() => chain.SendAsync(h.MailboxId, new byte[Payload.Length + 1], ct));

        Assert.Contains(chainLog.Entries, e => e.EventId == 6011 && e.Text.Contains(sent.MessageId!.Value.ToString(), StringComparison.Ordinal));
        var refused = Assert.Single(chainLog.Entries, e => e.EventId == 6013);
        Assert.Contains("PayloadTooLarge", refused.Text, StringComparison.Ordinal);
        AssertNoSecrets(chainLog.All, key);
    }

    [Fact]
    public void TheEmbeddedMailboxLogsARefusedOperationWithItsCodeAndNoPayload()
    {
        var log = new CapturingLogger<EmbeddedMailboxStore>();
        using EmbeddedMailboxStore store = EmbeddedMailboxStore.Open(Path.Combine(_folder, "mailbox.db"), logger: log);
        var owner = (EmbeddedMailbox)store.As(EmbeddedFixture.NewAddress());
        var sender = (EmbeddedMailbox)store.As(EmbeddedFixture.NewAddress());
        MailboxHandle h = owner.Create([], 8);

        Assert.Throws<MailboxException>(() => sender.Send(h.MailboxId, Payload));

        var entry = Assert.Single(log.Entries);
        Assert.Equal((LogLevel.Debug, 6020), (entry.Level, entry.EventId));
        Assert.Contains("PayloadTooLarge", entry.Text, StringComparison.Ordinal);
        Assert.Contains(sender.Caller.ToString(), entry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", log.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(Payload), log.All, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertNoSecrets(string all, IotaKeyPair key)
    {
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex.Encode(Payload), all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Payload), all, StringComparison.Ordinal);
        Assert.DoesNotContain(key.ExportPrivateKey(), all, StringComparison.Ordinal);
        Assert.DoesNotContain("iotaprivkey", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key.PublicKey), all, StringComparison.Ordinal);
        Assert.True(all.Length > 0);
        Assert.All(all.Split('\n'), line => Assert.True(line.Length < 600, "a log line this long may carry bytes: " + line[..100]));
    }
}
