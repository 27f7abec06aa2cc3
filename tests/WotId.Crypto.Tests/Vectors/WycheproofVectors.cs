// Loads Wycheproof files from ../shared/testvectors/wycheproof through WotId.Testing.TestVectorFiles and turns
// each case into one xunit theory row named "Wycheproof <file> tcId <n> [result] flags", so the runner shows
// per-file counts. Files are parsed once (System.Text.Json) and kept for the whole run.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using WotId.Testing;

namespace WotId.Crypto.Tests.Vectors;

internal static class WycheproofVectors
{
    /// <summary>tcId used for the single row of a file that is absent (its test skips, or fails in CI).</summary>
    public const int MissingFileTcId = -1;

    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<int, WycheproofCase>>> s_files = new(StringComparer.Ordinal);

    /// <summary>One row per test case of <paramref name="files"/>; one placeholder row per absent file.</summary>
    public static IEnumerable<TheoryDataRow<string, int>> Rows(params string[] files)
    {
        foreach (string file in files)
        {
            if (!TestVectorFiles.Exists(Relative(file)))
            {
                yield return new TheoryDataRow<string, int>(file, MissingFileTcId) { TestDisplayName = $"Wycheproof {file} (file missing)" };
                continue;
            }

            foreach (WycheproofCase c in Load(file).Values.OrderBy(c => c.TcId))
            {
                yield return new TheoryDataRow<string, int>(file, c.TcId) { TestDisplayName = c.ToString() };
            }
        }
    }

    /// <summary>The case; skips (or in CI fails) when the file is missing.</summary>
    public static WycheproofCase Get(string file, int tcId)
    {
        TestVectorFiles.Require(Relative(file));
        if (tcId == MissingFileTcId)
        {
            throw new InvalidOperationException($"{file} appeared after discovery; rerun the tests");
        }

        return Load(file)[tcId];
    }

    private static string Relative(string file) => "wycheproof/" + file;

    private static Dictionary<int, WycheproofCase> Load(string file) =>
        s_files.GetOrAdd(file, f => new Lazy<Dictionary<int, WycheproofCase>>(() => Parse(f))).Value;

    private static Dictionary<int, WycheproofCase> Parse(string file)
    {
        string path = Path.Combine(RepositoryPaths.TestVectors!, "wycheproof", file);
        JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path)); // kept alive: the cases hold JsonElements into it
        var cases = new Dictionary<int, WycheproofCase>();
        foreach (JsonElement group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                var c = new WycheproofCase(file, group, test);
                cases.Add(c.TcId, c);
            }
        }

        int declared = doc.RootElement.GetProperty("numberOfTests").GetInt32();
        if (declared != cases.Count)
        {
            throw new InvalidDataException($"{file}: numberOfTests is {declared} but {cases.Count} cases were read");
        }

        return cases;
    }
}
