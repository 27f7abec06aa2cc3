using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Tests.Runtime;

/// <summary>
/// WotId.Node.CrashHelper (copied beside the test assembly) as a real child process running a node on one profile
/// home; it prints one line per event ("ready", "sent ID VIA", "fault STEP") and kills itself at its fault point.
/// </summary>
internal sealed class CrashChild : IAsyncDisposable
{
    internal const string PassphraseVariable = "WOTID_CRASH_PASSPHRASE";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private CrashChild(Process process)
    {
        _process = process;
        _stdout = ReadLinesAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every line printed so far.</summary>
    internal IReadOnlyList<string> Lines
    {
        get { lock (_lines) { return _lines.ToList(); } }
    }

    /// <summary>Starts the helper: <c>HOME STATUSDIR STEP ACTION [ARGS]</c> (see its Program.cs).</summary>
    internal static CrashChild Start(string home, string statusDirectory, string step, params string[] action)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "WotId.Node.CrashHelper.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment[PassphraseVariable] = TestProfiles.Passphrase;
        foreach (string a in (string[])[dll, home, statusDirectory, step, .. action])
        {
            psi.ArgumentList.Add(a);
        }

        return new CrashChild(Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> was printed; fails if the child exits first.</summary>
    internal async Task<string> WaitForLineAsync(string prefix)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestProfiles.Ct);
        timeout.CancelAfter(Patience);
        while (true)
        {
            if (Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_stdout.IsCompleted)
            {
                throw new InvalidOperationException($"the helper ended without printing '{prefix}': {string.Join(" | ", Lines)} {await _stderr}");
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Waits for the child to end by itself and returns its exit code.</summary>
    internal async Task<int> WaitForExitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestProfiles.Ct);
        timeout.CancelAfter(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        await _stdout;
        return _process.ExitCode;
    }

    /// <summary>Standard error, once the child ended.</summary>
    internal Task<string> ErrorAsync() => _stderr;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(_stdout, _stderr);
        _process.Dispose();
    }

    private async Task ReadLinesAsync()
    {
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync()) is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
