using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

/// <summary>A long-running <c>wotid</c> child process (run, issuer serve): its output lines as they come, and SIGTERM.</summary>
internal sealed class WotidBackground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];
    private readonly Task _readOut;
    private readonly Task _readErr;

    private WotidBackground(Process process)
    {
        _process = process;
        _readOut = PumpAsync(process.StandardOutput, _lines);
        _readErr = PumpAsync(process.StandardError, _errors);
    }

    /// <summary>Starts <c>wotid ARGS</c> with WOTID_PASSPHRASE set.</summary>
    public static WotidBackground Start(string passphrase, params string[] args) => StartIn(null, passphrase, args);

    /// <summary>Starts <c>wotid ARGS</c> in network namespace <paramref name="netns"/> (null: this one).</summary>
    public static WotidBackground StartIn(string? netns, string passphrase, params string[] args)
    {
        ProcessStartInfo psi = WotidProcess.StartInfo(netns);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["WOTID_PASSPHRASE"] = passphrase;
        return new WotidBackground(Process.Start(psi)!);
    }

    /// <summary>Everything written to standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    /// <summary>Everything written to standard output so far, lines joined with " | ".</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(" | ", _lines);
            }
        }
    }

    /// <summary>How many output lines were read so far.</summary>
    public int LineCount
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>Waits for an output line that satisfies <paramref name="match"/> (seen since the start, or since line <paramref name="from"/>).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int from = 0)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_lines)
            {
                string? found = _lines.Skip(from).FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }
            }

            if (_process.HasExited && _readOut.IsCompleted)
            {
                throw new InvalidOperationException($"wotid exited with {_process.ExitCode} before the expected line: {Errors}");
            }

            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no expected line within {timeout.TotalSeconds:0} s; output so far: {string.Join(" | ", _lines)}; errors: {Errors}");
            }
        }
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (Process kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await _readOut;
        await _readErr;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _readOut;
        await _readErr;
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, List<string> into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.Add(line);
            }
        }
    }
}
