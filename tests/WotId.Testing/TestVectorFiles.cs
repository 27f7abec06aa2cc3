using System;
using System.IO;
using Xunit;

namespace WotId.Testing;

/// <summary>
/// Opens files from the shared test-vector folder. When the folder is absent the calling test is reported as
/// skipped with the reason (never passed); CI sets <c>WOTID_REQUIRE_VECTORS=1</c> so absence fails instead.
/// </summary>
public static class TestVectorFiles
{
    /// <summary>Full path of a vector file, e.g. <c>wycheproof/x25519_test.json</c>.</summary>
    public static string Require(string relativePath)
    {
        string? root = RepositoryPaths.TestVectors;
        string? path = root is null ? null : Path.Combine(root, relativePath);
        if (path is not null && File.Exists(path))
        {
            return path;
        }

        string reason = $"test vector file '{relativePath}' not found: set WOTID_TESTVECTORS or place shared/testvectors beside the repository";
        if (Environment.GetEnvironmentVariable("WOTID_REQUIRE_VECTORS") == "1")
        {
            throw new FileNotFoundException(reason);
        }

        Assert.Skip(reason);
        return string.Empty;
    }

    /// <summary>True when the vector file exists (for building theory data without failing discovery).</summary>
    public static bool Exists(string relativePath)
    {
        string? root = RepositoryPaths.TestVectors;
        return root is not null && File.Exists(Path.Combine(root, relativePath));
    }
}
