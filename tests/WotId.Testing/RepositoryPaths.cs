using System;
using System.IO;

namespace WotId.Testing;

/// <summary>Locates the repository root, the Node.js interop folder and the shared test vectors.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds <c>WotId.slnx</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>The folder with <c>package.json</c> and the JavaScript reference peers.</summary>
    public static string Interop => Path.Combine(Root, "interop");

    /// <summary>
    /// The test-vector folder: <c>WOTID_TESTVECTORS</c> when set, else <c>../shared/testvectors</c> beside the
    /// repository. Null when neither exists.
    /// </summary>
    public static string? TestVectors
    {
        get
        {
            string? fromEnv = Environment.GetEnvironmentVariable("WOTID_TESTVECTORS");
            if (!string.IsNullOrEmpty(fromEnv))
            {
                return Directory.Exists(fromEnv) ? fromEnv : null;
            }

            string beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "testvectors"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "WotId.slnx")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        // Build output outside the tree (-p:ArtifactsPath=/tmp/...): use the root recorded at build time.
        foreach (System.Reflection.AssemblyMetadataAttribute a in typeof(RepositoryPaths).Assembly
                     .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            if (a.Key == "WotIdRepositoryRoot" && a.Value is not null && File.Exists(Path.Combine(a.Value, "WotId.slnx")))
            {
                return Path.TrimEndingDirectorySeparator(a.Value);
            }
        }

        throw new InvalidOperationException("WotId.slnx not found above " + AppContext.BaseDirectory);
    }
}
