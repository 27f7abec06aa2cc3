// Shared BenchmarkDotNet settings for the libp2p benchmarks: short in-process job (sized for a 2-core machine).
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WotId.Benchmarks.Libp2p;

public sealed class Libp2pBenchmarkConfig : ManualConfig
{
    public Libp2pBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
