// Packaging rules (docs/library.md "Packages", "Sample"): every library package has a readme and a description, the
// sample uses the packages and never the projects, and the example in docs/library.md is the sample's code.
using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using WotId.Testing;

namespace WotId.Architecture.Tests;

public sealed class PackagingTests
{
    private static readonly string[] s_libraries = ["Core", "Crypto", "Libp2p", "Signal", "Identity", "Tsp", "Mailbox", "Node"];

    [Fact]
    public void EveryLibraryHasAReadmeAndADescription()
    {
        foreach (string name in s_libraries)
        {
            string folder = Path.Combine(RepositoryPaths.Root, "src", "WotId." + name);
            Assert.True(File.Exists(Path.Combine(folder, "README.md")), $"WotId.{name} has no README.md (its package readme)");
            string? description = XDocument.Load(Path.Combine(folder, $"WotId.{name}.csproj")).Descendants("Description").SingleOrDefault()?.Value;
            Assert.False(string.IsNullOrWhiteSpace(description), $"WotId.{name}.csproj has no Description");
        }
    }

    [Fact]
    public void EveryPackageStatesTheApacheLicenseOfTheRepository()
    {
        XDocument props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Directory.Build.props"));
        string license = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE"));

        Assert.Equal("Apache-2.0", props.Descendants("PackageLicenseExpression").Single().Value);
        Assert.Contains("Apache License", license, StringComparison.Ordinal);
        Assert.Contains("Version 2.0, January 2004", license, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleReferencesThePackagesNotTheProjects()
    {
        XDocument sample = XDocument.Load(Path.Combine(RepositoryPaths.Root, "samples", "WotId.Sample.Console", "WotId.Sample.Console.csproj"));

        Assert.Empty(sample.Descendants("ProjectReference"));
        Assert.Contains(sample.Descendants("PackageReference"), e => (string?)e.Attribute("Include") == "WotId.Node");
        Assert.DoesNotContain("WotId.Sample", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "WotId.slnx")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLibraryDocShowsTheSampleCode()
    {
        string program = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "WotId.Sample.Console", "Program.cs")).ReplaceLineEndings("\n");
        string code = program[program.IndexOf("using WotId.", StringComparison.Ordinal)..];
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "library.md")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + code + "```\n", doc, StringComparison.Ordinal);
    }
}
