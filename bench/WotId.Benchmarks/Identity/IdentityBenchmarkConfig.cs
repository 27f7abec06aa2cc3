// Shared BenchmarkDotNet settings for the identity benchmarks: short in-process job (shared machine, build output
// may live under -p:ArtifactsPath=...) with an operations-per-second column.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WotId.Benchmarks.Identity;

public sealed class IdentityBenchmarkConfig : ManualConfig
{
    public IdentityBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
