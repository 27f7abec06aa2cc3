// `wotid selftest` (issue 2, README main job until the node exists): every primitive passes its known answer,
// the table and --json forms, and a failing primitive gives a non-zero exit code.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands;

namespace WotId.Cli.Tests;

public sealed class SelftestCommandTests
{
    private static readonly string[] s_primitives =
    [
        "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SHAKE128", "SHAKE256", "BLAKE2b-256", "HMAC-SHA256", "HKDF-SHA256",
        "Argon2id", "AES-256-CBC", "AES-256-GCM", "ChaCha20-Poly1305", "X25519", "Ed25519", "Ed25519 verify", "XEdDSA",
        "RSA verify", "ECDSA P-256 verify", "secp256k1 verify", "ML-KEM-768", "ML-KEM-1024", "Kyber-1024 (round 3)",
        "ML-DSA-44", "ML-DSA-65", "ML-DSA-87", "Falcon-512",
    ];

    [Fact]
    public async Task EveryPrimitivePassesItsKnownAnswer()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await Program.RunAsync(["selftest"], output, error, CancellationToken.None);
        string text = output.ToString();
        Assert.True(exit == 0, text + error);
        foreach (string primitive in s_primitives)
        {
            string? line = text.Split('\n').FirstOrDefault(l => l.StartsWith(primitive + " ", StringComparison.Ordinal));
            Assert.NotNull(line);
            Assert.Contains(" ok ", line, StringComparison.Ordinal);
            Assert.Contains(" ms", line, StringComparison.Ordinal);
        }

        Assert.Contains($"{s_primitives.Length} ok, 0 failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonListsEveryPrimitiveWithItsResultAndTime()
    {
        var output = new StringWriter();
        int exit = await Program.RunAsync(["selftest", "--json"], output, new StringWriter(), CancellationToken.None);
        Assert.Equal(0, exit);
        using JsonDocument doc = JsonDocument.Parse(output.ToString());
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("failed").GetInt32());
        JsonElement[] results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(s_primitives, results.Select(r => r.GetProperty("primitive").GetString()).ToArray());
        Assert.All(results, r =>
        {
            Assert.Equal("ok", r.GetProperty("result").GetString());
            Assert.True(r.GetProperty("milliseconds").GetDouble() >= 0);
        });
    }

    [Fact]
    public async Task AFailingOrThrowingPrimitiveGivesExitCodeOne()
    {
        var checks = new List<KeyValuePair<string, Func<bool>>>
        {
            new("passes", () => true),
            new("wrong answer", () => false),
            new("throws", () => throw new ArgumentException("secret-looking detail")),
        };
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), json: false, home: Path.GetTempPath());
        int exit = await new SelftestCommand(checks).RunAsync(context, new CliArguments(), CancellationToken.None);
        string text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("wrong answer", text, StringComparison.Ordinal);
        Assert.Contains("FAIL (ArgumentException)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking detail", text, StringComparison.Ordinal);
        Assert.Contains("1 ok, 2 failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuiltBinaryRunsAsAChildProcess()
    {
        WotidProcess.Result r = await WotidProcess.RunAsync(null, "selftest", "--json");
        Assert.True(r.ExitCode == 0, r.Output + r.Error);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task PositionalArgumentsAreAUsageError()
    {
        var error = new StringWriter();
        int exit = await Program.RunAsync(["selftest", "extra"], new StringWriter(), error, CancellationToken.None);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("'extra'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("wotid selftest --help", error.ToString(), StringComparison.Ordinal);
    }
}
