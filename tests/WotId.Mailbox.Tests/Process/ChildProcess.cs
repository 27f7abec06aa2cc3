using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Mailbox.Tests.Process;

/// <summary>Runs WotId.Mailbox.CrashHelper (copied beside the test assembly) as a real child process.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private ChildProcess(System.Diagnostics.Process process)
    {
        _process = process;
    }

    public static ChildProcess Start(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "WotId.Mailbox.CrashHelper.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new ChildProcess(System.Diagnostics.Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Reads acknowledged lines until <paramref name="count"/> were seen (or the process ended).</summary>
    public async Task<List<string>> ReadLinesAsync(int count, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            string? line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Kills the child (SIGKILL) and returns every line it printed before dying.</summary>
    public async Task<List<string>> KillAndDrainAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
        var rest = new List<string>();
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync(cancellationToken)) is not null)
        {
            rest.Add(line);
        }

        return rest;
    }

    /// <summary>Waits for a normal exit, draining both pipes so the child never blocks on a full pipe.</summary>
    public async Task<(int ExitCode, string Error)> WaitAsync(CancellationToken cancellationToken)
    {
        Task<string> stdout = _process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = _process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(stdout, stderr);
        await _process.WaitForExitAsync(cancellationToken);
        return (_process.ExitCode, await stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
