using System;
using System.IO;
using SharpFuzz;

namespace WotId.Fuzz;

/// <summary>
/// Fuzz driver (SharpFuzz 2.3, README "Usage"):
/// <list type="bullet">
/// <item><c>WotId.Fuzz list</c>: the target names.</item>
/// <item><c>WotId.Fuzz seeds DIR</c>: writes the seed inputs of every target to DIR/TARGET/ (see fuzz/README.md).</item>
/// <item><c>WotId.Fuzz TARGET</c>: AFL persistent mode (<c>Fuzzer.Run</c>) for <c>afl-fuzz ... -- dotnet WotId.Fuzz.dll TARGET</c>
/// over SharpFuzz-instrumented assemblies; outside afl-fuzz it runs once on standard input.</item>
/// <item><c>WotId.Fuzz TARGET --libfuzzer</c>: libFuzzer mode (<c>Fuzzer.LibFuzzer.Run</c>) for libfuzzer-dotnet.</item>
/// <item><c>WotId.Fuzz TARGET FILE...</c>: replays inputs (crash reproduction); the first escaping exception is printed.</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>AFL++ caps test cases at 1 MiB (MAX_FILE in config.h); inputs are read into one reused buffer.</summary>
    private const int MaxInputLength = 1 << 20;

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] == "list")
        {
            foreach (IFuzzTarget t in FuzzTargets.All)
            {
                Console.WriteLine(t.Name);
            }

            return 0;
        }

        if (args.Length == 2 && args[0] == "seeds")
        {
            Console.WriteLine(Seeds.SeedCorpus.Write(args[1]) + " seeds written to " + args[1]);
            return 0;
        }

        IFuzzTarget? target = FuzzTargets.Find(args[0]);
        if (target is null)
        {
            Console.Error.WriteLine("unknown target " + args[0]);
            return 2;
        }

        if (args.Length == 2 && args[1] == "--libfuzzer")
        {
            Fuzzer.LibFuzzer.Run(span => target.Run(span));
            return 0;
        }

        if (args.Length > 1)
        {
            for (int i = 1; i < args.Length; i++)
            {
                target.Run(File.ReadAllBytes(args[i]));
            }

            return 0;
        }

        RunAfl(target);
        return 0;
    }

    private static void RunAfl(IFuzzTarget target)
    {
        byte[] buffer = new byte[MaxInputLength];
        Fuzzer.Run(stream =>
        {
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            target.Run(buffer.AsSpan(0, length));
        });
    }
}
