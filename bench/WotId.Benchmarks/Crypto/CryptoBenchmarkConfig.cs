// Shared BenchmarkDotNet settings for the crypto benchmarks: a short job (the machine is shared), run in-process
// so the build output may live anywhere (-p:ArtifactsPath=...), with an operations-per-second column.
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WotId.Benchmarks.Crypto;

public sealed class CryptoBenchmarkConfig : ManualConfig
{
    public CryptoBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
