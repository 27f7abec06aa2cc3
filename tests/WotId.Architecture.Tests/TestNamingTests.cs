// One naming convention for tests across projects: a test method's name is a PascalCase sentence that states the
// behaviour it checks (e.g. `ResetStreamReturnsItsSlot`), without underscores.
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using WotId.Testing;

namespace WotId.Architecture.Tests;

/// <summary>Checks the test naming convention in every test and fuzz source file.</summary>
public sealed partial class TestNamingTests
{
    [Fact]
    public void PublicMethodsInTestsArePascalCaseSentencesWithoutUnderscores()
    {
        (string Path, string Name)[] methods = new[] { "tests", "fuzz" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => PublicMethod().Matches(File.ReadAllText(path)).Select(m => (Path.GetRelativePath(RepositoryPaths.Root, path), m.Groups["name"].Value)))
            .ToArray();
        string[] offending = methods
            .Where(m => m.Name.Contains('_', StringComparison.Ordinal) || !char.IsUpper(m.Name[0]))
            .Select(m => $"{m.Path}: {m.Name}")
            .ToArray();

        Assert.True(methods.Length > 500, $"only {methods.Length} public methods found under tests/ and fuzz/: the scan is broken");
        Assert.True(offending.Length == 0, "test methods must be PascalCase sentences without underscores:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"^\s*public (?:static )?(?:async )?(?:Task|void|ValueTask)(?:<[^>\n]*>)? (?<name>[A-Za-z0-9_]+)\(", RegexOptions.Multiline)]
    private static partial Regex PublicMethod();
}
