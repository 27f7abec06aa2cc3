using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests;

/// <summary>Runs the built <c>wotid</c> as a real child process (<c>dotnet wotid.dll …</c>) and collects its output.</summary>
internal static class WotidProcess
{
    /// <summary>Exit code and both output streams.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs wotid with <paramref name="args"/>; <paramref name="passphrase"/> becomes WOTID_PASSPHRASE (null: unset).</summary>
    public static Task<Result> RunAsync(string? passphrase, params string[] args) => RunAsync(passphrase, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs wotid with <paramref name="args"/>, killing it after <paramref name="timeout"/>.</summary>
    public static Task<Result> RunAsync(string? passphrase, TimeSpan timeout, params string[] args) => RunInAsync(null, passphrase, timeout, args);

    /// <summary>The start info of <c>dotnet wotid.dll</c>, inside network namespace <paramref name="netns"/> when given (<c>ip netns exec</c>, root only).</summary>
    public static ProcessStartInfo StartInfo(string? netns)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var psi = new ProcessStartInfo(netns is null ? dotnet : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (netns is not null)
        {
            psi.ArgumentList.Add("netns");
            psi.ArgumentList.Add("exec");
            psi.ArgumentList.Add(netns);
            psi.ArgumentList.Add(dotnet);
        }

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wotid.dll"));
        return psi;
    }

    /// <summary>Runs wotid with <paramref name="args"/> in network namespace <paramref name="netns"/> (null: this one).</summary>
    public static async Task<Result> RunInAsync(string? netns, string? passphrase, TimeSpan timeout, params string[] args)
    {
        ProcessStartInfo psi = StartInfo(netns);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (passphrase is null)
        {
            psi.Environment.Remove("WOTID_PASSPHRASE");
        }
        else
        {
            psi.Environment["WOTID_PASSPHRASE"] = passphrase;
        }

        using Process process = Process.Start(psi)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("wotid " + string.Join(' ', args) + $" did not exit within {timeout.TotalSeconds:0} s");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The non-empty lines of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
