// Seed corpus for AFL++: a few valid inputs per target, built by serializing valid objects with the project's own
// encoders (and, for text formats, written from the specs' examples). `WotId.Fuzz seeds DIR` writes them to
// DIR/<target>/<name>; fuzz/corpus/ holds the committed (afl-cmin-minimized) result.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace WotId.Fuzz.Seeds;

/// <summary>Builds the seed inputs of every target.</summary>
internal static partial class SeedCorpus
{
    /// <summary>All seeds: target name, file name, bytes.</summary>
    public static IEnumerable<Seed> All() =>
        Core().Concat(Crypto()).Concat(Libp2p()).Concat(Signal()).Concat(Spqr()).Concat(Tsp()).Concat(Identity()).Concat(Mailbox()).Concat(Node()).Concat(Relay()).Concat(AutoNat()).Concat(Discovery()).Concat(NodeFiles());

    /// <summary>Writes every seed to <paramref name="directory"/>/target/name; returns how many were written.</summary>
    public static int Write(string directory)
    {
        int count = 0;
        foreach (Seed seed in All())
        {
            string folder = Path.Combine(directory, seed.Target);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, seed.Name), seed.Bytes);
            count++;
        }

        return count;
    }

    private static Seed Text(string target, string name, string text) => new(target, name, Encoding.UTF8.GetBytes(text));

    /// <summary>One seed file.</summary>
    internal sealed record Seed(string Target, string Name, byte[] Bytes);
}
