using System;
using System.IO;
using System.Linq;
using SharpFuzz;

namespace WotId.Fuzz;

/// <summary>
/// Fuzz driver. <c>WotId.Fuzz list</c> names the targets; <c>WotId.Fuzz TARGET</c> runs one under libFuzzer
/// (build with SharpFuzz instrumentation, see fuzz/README.md); <c>WotId.Fuzz TARGET FILE...</c> replays inputs.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        IFuzzTarget[] targets = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IFuzzTarget).IsAssignableFrom(t))
            .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        if (args.Length == 0 || args[0] == "list")
        {
            foreach (IFuzzTarget t in targets)
            {
                Console.WriteLine(t.Name);
            }

            return 0;
        }

        IFuzzTarget? target = targets.FirstOrDefault(t => t.Name == args[0]);
        if (target is null)
        {
            Console.Error.WriteLine("unknown target " + args[0]);
            return 2;
        }

        if (args.Length > 1)
        {
            foreach (string file in args.Skip(1))
            {
                target.Run(File.ReadAllBytes(file));
            }

            return 0;
        }

        Fuzzer.LibFuzzer.Run(span => target.Run(span));
        return 0;
    }
}
