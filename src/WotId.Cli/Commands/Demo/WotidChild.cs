// Starts `wotid` itself as a child process (the demo's people and issuer are separate processes): the same
// executable, or `dotnet wotid.dll` when this process runs under the dotnet host.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Demo;

/// <summary>Runs one <c>wotid</c> verb to completion, or starts a long-running one.</summary>
internal static class WotidChild
{
    /// <summary>Exit code and both streams of a finished verb.</summary>
    internal sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs <paramref name="args"/> and waits at most <paramref name="timeout"/>.</summary>
    internal static async Task<Result> RunAsync(string passphrase, TimeSpan timeout, CancellationToken cancellationToken, params string[] args)
    {
        using Process process = Start(passphrase, args);
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new DemoStepException($"`wotid {Describe(args)}` did not finish within {timeout.TotalSeconds:0} s");
        }

        return new Result(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>Starts <paramref name="args"/> with redirected streams; the caller owns the process.</summary>
    internal static Process Start(string passphrase, params string[] args)
    {
        (string file, string? dll) = Self();
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (dll is not null)
        {
            psi.ArgumentList.Add(dll);
        }

        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["WOTID_PASSPHRASE"] = passphrase;
        return Process.Start(psi) ?? throw new DemoStepException("could not start a wotid child process");
    }

    /// <summary>The verb without its --home value, for messages.</summary>
    internal static string Describe(string[] args) => string.Join(' ', Array.FindAll(args, a => !a.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    private static (string File, string? Dll) Self()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string name = Path.GetFileNameWithoutExtension(process);
        return name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, Path.Combine(AppContext.BaseDirectory, "wotid.dll"))
            : (process, null);
    }
}
