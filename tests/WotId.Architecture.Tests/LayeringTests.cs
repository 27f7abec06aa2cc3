// Layering rules of issue 2 ("An architecture test fails when a lower layer references a higher one"), the
// house rule that only WotId.Crypto may reference crypto packages, and that only WotId.Node and above use ASP.NET
// Core. The rules are read from every src/*.csproj (ProjectReference, PackageReference and FrameworkReference
// items), so they hold before anything is built.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using WotId.Testing;

namespace WotId.Architecture.Tests;

public sealed class LayeringTests
{
    /// <summary>Rank of each layer: a project may reference only projects of a strictly lower rank.</summary>
    private static readonly Dictionary<string, int> s_ranks = new(StringComparer.Ordinal)
    {
        ["WotId.Core"] = 0,
        ["WotId.Crypto"] = 1,
        ["WotId.Libp2p"] = 2,
        ["WotId.Signal"] = 3,
        ["WotId.Identity"] = 3,
        ["WotId.Tsp"] = 3,
        ["WotId.Mailbox"] = 3,
        ["WotId.Node"] = 4,
        ["WotId.Cli"] = 5,
    };

    /// <summary>Same-rank references that the layering allows explicitly.</summary>
    private static readonly HashSet<(string From, string To)> s_allowedSameRank = [("WotId.Tsp", "WotId.Identity")];

    private static readonly string[] s_cryptoPackagePrefixes = ["NSec.Cryptography", "BouncyCastle.Cryptography", "Konscious.", "Blake3"];

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (string path in EnumerateSourceProjects())
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Fact]
    public void EverySourceProjectHasARank()
    {
        string[] unknown = EnumerateSourceProjects()
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !s_ranks.ContainsKey(name!))
            .Select(name => name!)
            .ToArray();
        Assert.True(unknown.Length == 0, "src projects without a layer rank (add them to LayeringTests): " + string.Join(", ", unknown));
        Assert.Contains("WotId.Core", EnumerateSourceProjects().Select(Path.GetFileNameWithoutExtension));
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferencesPointOnlyDownwards(string project)
    {
        int rank = s_ranks[project];
        var violations = new List<string>();
        foreach (string reference in ProjectReferences(project))
        {
            if (!s_ranks.TryGetValue(reference, out int target))
            {
                violations.Add($"{project} references {reference}, which is not a ranked src project");
                continue;
            }

            bool allowed = target < rank || s_allowedSameRank.Contains((project, reference));
            if (!allowed)
            {
                violations.Add($"{project} (rank {rank}) references {reference} (rank {target})");
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void OnlyCryptoReferencesCryptoPackages(string project)
    {
        if (project == "WotId.Crypto")
        {
            Assert.Contains(PackageReferences(project), p => p.StartsWith("BouncyCastle.Cryptography", StringComparison.Ordinal));
            return;
        }

        string[] offending = PackageReferences(project)
            .Where(p => s_cryptoPackagePrefixes.Any(prefix => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        Assert.True(offending.Length == 0, $"{project} references crypto package(s) {string.Join(", ", offending)}; only WotId.Crypto may");
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void OnlyNodeAndAboveUseAspNetCore(string project)
    {
        // The control API (WotId.Node Control/) is the first web server; the protocol layers stay free of ASP.NET Core.
        if (s_ranks[project] >= s_ranks["WotId.Node"])
        {
            return;
        }

        string[] offending = ReadItems(ProjectPath(project), "FrameworkReference")
            .Concat(PackageReferences(project))
            .Where(p => p.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        Assert.True(offending.Length == 0, $"{project} references {string.Join(", ", offending)}; only WotId.Node and above may use ASP.NET Core");
    }

    [Fact]
    public void NoProjectOutsideCryptoReferencesCryptoPackages()
    {
        // Tests, benchmarks and fuzz targets go through WotId.Crypto as well.
        var offending = new List<string>();
        foreach (string csproj in Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories))
        {
            if (IsBuildOutput(csproj) || Path.GetFileNameWithoutExtension(csproj) == "WotId.Crypto")
            {
                continue;
            }

            foreach (string package in ReadItems(csproj, "PackageReference"))
            {
                if (s_cryptoPackagePrefixes.Any(prefix => package.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                {
                    offending.Add($"{Path.GetRelativePath(RepositoryPaths.Root, csproj)} → {package}");
                }
            }
        }

        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void NoSourceFileExceedsOneThousandLines()
    {
        string src = Path.Combine(RepositoryPaths.Root, "src");
        var tooLong = new List<string>();
        int files = 0;
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (IsBuildOutput(file))
            {
                continue;
            }

            files++;
            int lines = File.ReadLines(file).Count();
            if (lines > 1000)
            {
                tooLong.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {lines} lines");
            }
        }

        Assert.True(files > 0, "no src/**/*.cs file found");
        Assert.True(tooLong.Count == 0, "split these files with partial: " + string.Join("; ", tooLong));
    }

    private static IEnumerable<string> EnumerateSourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static string ProjectPath(string project) =>
        EnumerateSourceProjects().Single(p => Path.GetFileNameWithoutExtension(p) == project);

    private static IEnumerable<string> ProjectReferences(string project) =>
        ReadItems(ProjectPath(project), "ProjectReference").Select(include =>
            Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));

    private static IEnumerable<string> PackageReferences(string project) => ReadItems(ProjectPath(project), "PackageReference");

    private static List<string> ReadItems(string csproj, string itemName)
    {
        XDocument doc = XDocument.Load(csproj);
        return doc.Descendants()
            .Where(e => e.Name.LocalName == itemName)
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty)
            .Where(s => s.Length > 0)
            .ToList();
    }

    private static bool IsBuildOutput(string path)
    {
        string p = path.Replace('\\', '/');
        return p.Contains("/obj/", StringComparison.Ordinal) || p.Contains("/bin/", StringComparison.Ordinal)
            || p.Contains("/artifacts/", StringComparison.Ordinal) || p.Contains("/node_modules/", StringComparison.Ordinal);
    }
}
