// One person's `wotid run --json` in the demo: a child process whose stdout is one NodeEvent JSON object per line.
// The lines are collected (bounded) so that steps can wait for the event they expect.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

/// <summary>A node running in a child process.</summary>
internal sealed class RunningNode : IAsyncDisposable
{
    private const int MaxEvents = 10_000;
    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Task _stdout;
    private readonly Task _stderr;
    private readonly List<string> _errorLines = [];

    private RunningNode(string name, Process process)
    {
        Name = name;
        _process = process;
        process.StandardInput.Close();
        _stdout = ReadEventsAsync();
        _stderr = ReadErrorsAsync();
    }

    /// <summary>The person.</summary>
    internal string Name { get; }

    /// <summary>Starts <c>wotid run --json</c> for <paramref name="home"/>.</summary>
    internal static RunningNode Start(string name, string home, string passphrase) =>
        new(name, WotidChild.Start(passphrase, "run", "--json", "--home", home));

    /// <summary>Waits for an event of <paramref name="kind"/> that satisfies <paramref name="match"/>, seen since the start.</summary>
    internal async Task<JsonElement> WaitForAsync(string kind, Func<JsonElement, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        int checkedUpTo = 0;
        while (true)
        {
            lock (_events)
            {
                for (; checkedUpTo < _events.Count; checkedUpTo++)
                {
                    JsonElement e = _events[checkedUpTo];
                    if (Str(e, "kind") == kind && match(e))
                    {
                        return e;
                    }
                }
            }

            if (_process.HasExited && _stdout.IsCompleted)
            {
                throw new DemoStepException($"{Name}'s node exited (code {_process.ExitCode}) before '{kind}': {LastError()}");
            }

            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(250), cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DemoStepException($"{Name}'s node did not report '{kind}' within {timeout.TotalSeconds:0} s");
            }
        }
    }

    /// <summary>A string member of an event, or null.</summary>
    internal static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Stops the node as a person would (SIGTERM, like Ctrl-C), or kills it after <paramref name="grace"/>.</summary>
    internal async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            // SIGTERM, as a service manager or a person closing the terminal would stop it.
            using Process kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new DemoStepException("could not run kill");
            await kill.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await Task.WhenAll(_stdout, _stderr).ConfigureAwait(false);
        _process.Dispose();
        _changed.Dispose();
    }

    /// <summary>The last line the node wrote to stderr, for failure messages.</summary>
    internal string LastError()
    {
        lock (_errorLines)
        {
            return _errorLines.Count == 0 ? "(no error output)" : _errorLines[^1];
        }
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                lock (_events)
                {
                    if (_events.Count < MaxEvents)
                    {
                        _events.Add(doc.RootElement.Clone());
                    }
                }

                _changed.Release();
            }
            catch (JsonException)
            {
                // Not an event line; the node prints only events on stdout with --json, so ignore noise.
            }
        }

        _changed.Release();
    }

    private async Task ReadErrorsAsync()
    {
        while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_errorLines)
            {
                if (_errorLines.Count >= 200)
                {
                    _errorLines.RemoveAt(0);
                }

                _errorLines.Add(line);
            }
        }
    }
}
