// File transfer throughput between two running nodes on loopback (issue 11 "Benchmark: 1 GiB over loopback, MiB/s
// ... next to the raw libp2p stream"), docs/benchmarks.md "File transfer". Both measurements run in the same process
// and the same run, so their ratio holds under whatever load the machine has.
//
// SendFile1GiB: alice.SendFileAsync("bob", a 1 GiB file) → bob's node accepts it by itself (auto-accept), the bytes
// flow on /wotid/file/2.0.0 encrypted per chunk, bob verifies the whole-file hash and moves the file into place,
// alice's node reads the file.received receipt: the operation ends at alice's file.completed event. It includes the
// offer (a signed, Signal-encrypted message); the sender hashes while it streams (2.0.0: no pass before the offer).
// RawStream1GiB: /perf download of 1 GiB on one Yamux stream between two libp2p hosts (TCP + Noise + Yamux), the
// ceiling of any protocol on one stream. MiB/s = 1024 / Mean in seconds.
using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WotId.Benchmarks.Libp2p;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

[Config(typeof(Config))]
public class NodeFileTransferBenchmarks
{
    /// <summary>The size of every transfer: 1 GiB.</summary>
    public const long FileBytes = 1L << 30;

    private NodeBenchWorld _world = null!;
    private WotIdNode _alice = null!;
    private WotIdNode _bob = null!;
    private NodeEventWatcher _aliceEvents = null!;
    private string _source = null!;
    private PerfHostPair _raw = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_world, _alice, _bob) = await NodeChatThroughputBenchmarks.StartPairAsync();
        await _bob.SetFileAutoAcceptAsync("alice", true);
        _aliceEvents = new NodeEventWatcher(_alice, NodeEventKinds.FileCompleted, NodeEventKinds.FileEnded);
        _source = Path.Combine(_world.Root, "source-1GiB.bin");
        await WriteSourceAsync(_source);

        _raw = await PerfHostPair.StartAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _aliceEvents.DisposeAsync();
        await _alice.DisposeAsync();
        await _bob.DisposeAsync();
        await _raw.DisposeAsync();
        _world.Dispose();
    }

    [Benchmark]
    public async Task SendFile1GiB()
    {
        FileTransferSummary offer = await _alice.SendFileAsync("bob", _source);
        Task<long> completed = _aliceEvents.WhenAsync(NodeEventKinds.FileCompleted, offer.Id);
        Task<long> ended = _aliceEvents.WhenAsync(NodeEventKinds.FileEnded, offer.Id);
        if (await Task.WhenAny(completed, ended).WaitAsync(TimeSpan.FromMinutes(10)) == ended)
        {
            throw new InvalidOperationException("the transfer ended instead of completing: the measurement would be wrong");
        }

        _aliceEvents.Forget(NodeEventKinds.FileCompleted, offer.Id);
        _aliceEvents.Forget(NodeEventKinds.FileEnded, offer.Id);
    }

    [Benchmark(Baseline = true)]
    public Task RawStream1GiB() => _raw.PerfAsync(FileBytes);

    /// <summary>Deletes bob's received copies, so the disk holds one at a time.</summary>
    [IterationCleanup(Target = nameof(SendFile1GiB))]
    public void DeleteReceived()
    {
        foreach (FileTransferSummary t in _bob.GetFileTransfersAsync().GetAwaiter().GetResult()
            .Where(t => t.Direction == FileTransferDirections.Incoming && t.Path is not null))
        {
            File.Delete(t.Path!);
        }
    }

    /// <summary>1 GiB of random bytes (1 MiB of randomness repeated: chunk encryption makes every chunk distinct on the wire).</summary>
    private static async Task WriteSourceAsync(string path)
    {
        byte[] block = RandomNumberGenerator.GetBytes(1 << 20);
        await using FileStream file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        for (long written = 0; written < FileBytes; written += block.Length)
        {
            await file.WriteAsync(block);
        }
    }

    /// <summary>One launch in process, 1 warm-up and 3 measured operations of each benchmark (each moves 1 GiB).</summary>
    public sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1));
    }
}
