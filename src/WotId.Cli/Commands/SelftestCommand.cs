// `wotid selftest`: runs every primitive the product uses once against a known answer (RFC / FIPS / Wycheproof, see
// SelftestVectors.cs) and prints primitive, result and time; exit code 1 when any check fails.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands;

/// <summary>The crypto known-answer self-test.</summary>
internal sealed class SelftestCommand : ICliCommand
{
    private readonly IReadOnlyList<KeyValuePair<string, Func<bool>>> _checks;

    public SelftestCommand()
        : this(SelftestChecks.All)
    {
    }

    /// <summary>Runs <paramref name="checks"/> instead of the built-in list (tests).</summary>
    internal SelftestCommand(IReadOnlyList<KeyValuePair<string, Func<bool>>> checks) => _checks = checks;

    public string Name => "selftest";

    public string Summary => "check every crypto primitive the product uses against a known answer (RFC/FIPS/reference answers); exit 1 on any failure";

    public IReadOnlyList<Symbol> Symbols { get; } = [];

    public bool UsesHome => false;

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        var results = new List<(string Name, bool Ok, double Milliseconds, string? Error)>();
        foreach (KeyValuePair<string, Func<bool>> check in _checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            bool ok;
            string? error = null;
            try
            {
                ok = check.Value();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException or NotSupportedException)
            {
                // Only the exception type: messages could carry key material in a broken build.
                ok = false;
                error = ex.GetType().Name;
            }

            results.Add((check.Key, ok, Stopwatch.GetElapsedTime(start).TotalMilliseconds, error));
        }

        int failures = results.FindAll(r => !r.Ok).Count;
        string text = context.Json ? Json(results, failures) : Table(results, failures);
        await context.Output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return failures == 0 ? 0 : 1;
    }

    private static string Table(List<(string Name, bool Ok, double Milliseconds, string? Error)> results, int failures)
    {
        var sb = new StringBuilder();
        sb.AppendLine("primitive              result      time");
        foreach ((string name, bool ok, double ms, string? error) in results)
        {
            string result = ok ? "ok" : "FAIL" + (error is null ? string.Empty : $" ({error})");
            sb.AppendLine(FormattableString.Invariant($"{name,-22} {result,-10} {ms,8:F2} ms"));
        }

        sb.AppendLine(FormattableString.Invariant($"{results.Count - failures} ok, {failures} failed"));
        return sb.ToString();
    }

    private static string Json(List<(string Name, bool Ok, double Milliseconds, string? Error)> results, int failures)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("ok", failures == 0);
            w.WriteNumber("failed", failures);
            w.WriteStartArray("results");
            foreach ((string name, bool ok, double ms, string? error) in results)
            {
                w.WriteStartObject();
                w.WriteString("primitive", name);
                w.WriteString("result", ok ? "ok" : "FAIL");
                w.WriteNumber("milliseconds", Math.Round(ms, 3));
                if (error is not null)
                {
                    w.WriteString("error", error);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
