// The demo's timeline: each step with the time since the start, printed as it happens (human form) and collected
// for the --json document at the end.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

/// <summary>Steps, times and results.</summary>
internal sealed class DemoTimeline
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly TextWriter _output;
    private readonly bool _json;
    private readonly JsonArray _steps = [];

    internal DemoTimeline(TextWriter output, bool json)
    {
        _output = output;
        _json = json;
    }

    /// <summary>Steps that failed.</summary>
    internal int Failures { get; private set; }

    /// <summary>Records a step that happened.</summary>
    internal Task OkAsync(string actor, string what, double? stepMilliseconds = null) => AddAsync(actor, what, true, stepMilliseconds);

    /// <summary>Records a step that did not happen as described.</summary>
    internal Task FailAsync(string actor, string what)
    {
        Failures++;
        return AddAsync(actor, what, false, null);
    }

    /// <summary>The --json document.</summary>
    internal JsonObject ToJson() => new()
    {
        ["ok"] = Failures == 0,
        ["seconds"] = Math.Round(Stopwatch.GetElapsedTime(_start).TotalSeconds, 3),
        ["steps"] = _steps.DeepClone(),
    };

    private async Task AddAsync(string actor, string what, bool ok, double? stepMilliseconds)
    {
        double at = Stopwatch.GetElapsedTime(_start).TotalSeconds;
        var step = new JsonObject { ["at"] = Math.Round(at, 3), ["actor"] = actor, ["step"] = what, ["ok"] = ok };
        if (stepMilliseconds is double ms)
        {
            step["ms"] = Math.Round(ms, 1);
        }

        _steps.Add(step);
        if (!_json)
        {
            string took = stepMilliseconds is double t ? $"  ({t:0} ms)" : string.Empty;
            await _output.WriteLineAsync($"{at,7:0.000} s  {(ok ? "ok  " : "FAIL")}  {actor,-8} {what}{took}").ConfigureAwait(false);
        }
    }
}
