using BenchmarkDotNet.Running;

namespace WotId.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher: --filter, --list, ...).</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (!Libp2p.Libp2pConsole.TryRun(args) && !Libp2p.DialLoopConsole.TryRun(args) && !Signal.SignalFloorConsole.TryRun(args) && !Libp2p.SoakConsole.TryRun(args) && !Libp2p.KadSimulationConsole.TryRun(args)
            && !Node.NodeConsole.TryRun(args) && !ConstantTime.DudectConsole.TryRun(args))
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
