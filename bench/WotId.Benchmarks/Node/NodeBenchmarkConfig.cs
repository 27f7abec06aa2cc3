// BenchmarkDotNet settings for the node benchmarks: in-process (the out-of-process build times out under load), short.
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WotId.Benchmarks.Node;

/// <summary>Short in-process job with the memory diagnoser.</summary>
public sealed class NodeBenchmarkConfig : ManualConfig
{
    public NodeBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// One operation per iteration (each iteration needs its own [IterationSetup]): 30 warm-up and 20 measured
/// iterations, in process. 30 warm-ups because a session setup runs much code only a few times each (ML-DSA, PQXDH,
/// JSON, SQLite): with 3, the measured iterations still ran largely at JIT tier 0 (docs/benchmarks-node.md).
/// </summary>
public sealed class NodePerIterationConfig : ManualConfig
{
    public NodePerIterationConfig()
    {
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1).WithUnrollFactor(1).WithWarmupCount(30).WithIterationCount(20).WithLaunchCount(1));
    }
}
