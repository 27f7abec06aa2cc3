// Benchmark: embedded mailbox deposit + claim throughput (one send and one claim of a 1 KiB payload per operation,
// each its own SQLite transaction, WAL, synchronous=NORMAL). Target from issue 6: >= 5,000 messages/s.
// Also BCS encoding and signing of a mailbox send transaction. Results in docs/benchmarks-mailbox.md.
using System;
using System.Linq;
using System.IO;
using BenchmarkDotNet.Attributes;
using WotId.Mailbox;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Benchmarks.Mailbox;

/// <summary>Embedded mailbox and transaction-building costs.</summary>
[MemoryDiagnoser]
public class EmbeddedMailboxBenchmarks : IDisposable
{
    private readonly byte[] _payload = new byte[1024];
    private string _folder = string.Empty;
    private EmbeddedMailboxStore? _store;
    private EmbeddedMailbox? _owner;
    private EmbeddedMailbox? _sender;
    private MailboxHandle? _handle;
    private ulong _seq;
    private IotaKeyPair? _key;
    private MailboxTransactionBuilder? _builder;

    /// <summary>Fresh database per run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "wotid-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _store = EmbeddedMailboxStore.Open(Path.Combine(_folder, "mailbox.db"));
        _owner = (EmbeddedMailbox)_store.As(new IotaAddress(new byte[32]));
        var s = new byte[32];
        s[0] = 1;
        _sender = (EmbeddedMailbox)_store.As(new IotaAddress(s));
        _handle = _owner.Create([], MailboxLimits.MaxPayloadBytes);
        _key = IotaKeyPair.FromSecret(new byte[32]);
        _builder = new MailboxTransactionBuilder(new IotaAddress(new byte[32]), _key.Address);
    }

    /// <summary>One message deposited by a sender and claimed by the owner.</summary>
    [Benchmark]
    public void DepositAndClaim1KiB()
    {
        IotaAddress id = _sender!.Send(_handle!.MailboxId, _payload).Id;
        _owner!.Claim(_handle, id);
    }

    /// <summary>100 messages deposited in one transaction and claimed in one (a batch PTB on chain); per message = Mean / 100.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public void DepositAndClaim1KiB_Batch100()
    {
        var batch = new byte[100][];
        Array.Fill(batch, _payload);
        _owner!.ClaimBatch(_handle!, _sender!.SendBatch(_handle!.MailboxId, batch).Select(s => s.Id).ToList());
    }

    /// <summary>Build, BCS-encode and sign a mailbox send of 1 KiB (what a chain send costs locally).</summary>
    [Benchmark]
    public string BuildAndSignChainSend1KiB()
    {
        TransactionData tx = _builder!.Send(new SharedRef(_handle!.MailboxId, 5), ++_seq, _payload,
            new GasConfig([new ObjectRef(_key!.Address, 9, new ObjectDigest(new byte[32]))], 1000, 10_000_000));
        return _key.SignTransaction(TransactionBcs.Encode(tx));
    }

    /// <summary>Deletes the database.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        _key?.Dispose();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
