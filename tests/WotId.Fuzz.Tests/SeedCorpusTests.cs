using System;
using System.IO;
using System.Linq;
using WotId.Fuzz;
using WotId.Fuzz.Seeds;
using WotId.Testing;

namespace WotId.Fuzz.Tests;

/// <summary>
/// The committed AFL++ seed corpus (fuzz/corpus/TARGET/) covers every target, stays small, and replays through its
/// target without a finding; every input the seed generator builds does too, mutated one byte at a time.
/// </summary>
public sealed class SeedCorpusTests
{
    /// <summary>Budget for one target's seeds (fuzz/README.md: "tens of KB per target at most").</summary>
    private const int MaxCorpusBytesPerTarget = 64 * 1024;

    private static string CorpusRoot => Path.Combine(RepositoryPaths.Root, "fuzz", "corpus");

    public static TheoryData<string> TargetNames() => FuzzTargetSmokeTests.TargetNames();

    [Fact]
    public void EveryCorpusFolderNamesATarget()
    {
        foreach (string folder in Directory.GetDirectories(CorpusRoot))
        {
            Assert.NotNull(FuzzTargets.Find(Path.GetFileName(folder)));
        }
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void CommittedSeedsReplayWithoutAFinding(string name)
    {
        string folder = Path.Combine(CorpusRoot, name);
        string[] files = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
        Assert.NotEmpty(files);
        Assert.InRange(files.Sum(f => new FileInfo(f).Length), 1, MaxCorpusBytesPerTarget);
        IFuzzTarget target = FuzzTargets.Find(name)!;
        foreach (string file in files)
        {
            target.Run(File.ReadAllBytes(file));
        }
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void GeneratedSeedsAndTheirOneByteMutationsReplayWithoutAFinding(string name)
    {
        IFuzzTarget target = FuzzTargets.Find(name)!;
        byte[][] seeds = SeedCorpus.All().Where(s => s.Target == name).Select(s => s.Bytes).ToArray();
        Assert.NotEmpty(seeds);
        var random = new Random(name.Length);
        foreach (byte[] seed in seeds)
        {
            target.Run(seed);
            for (int i = 0; i < 64 && seed.Length > 0; i++)
            {
                byte[] mutated = (byte[])seed.Clone();
                mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                target.Run(mutated);
                target.Run(mutated.AsSpan(0, random.Next(mutated.Length)));
            }
        }
    }
}
