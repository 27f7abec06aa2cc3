using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace WotId.Testing;

/// <summary>
/// A real Node.js child process running one of the reference peers in <c>interop/</c>. Lines go in on stdin and
/// come out on stdout (JSON lines by convention); stderr is collected for failure messages.
/// When <c>interop/node_modules</c> is missing the calling test is skipped with the reason, unless
/// <c>WOTID_REQUIRE_INTEROP=1</c> (set by CI), where it fails.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;

    private NodeProcess(Process process)
    {
        _process = process;
        _stderrPump = PumpStderrAsync();
    }

    /// <summary>What the process wrote on stderr so far.</summary>
    public string StandardError
    {
        get { lock (_stderr) { return _stderr.ToString(); } }
    }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Skips (or, in CI, fails) the current test when the npm packages are not installed.</summary>
    public static void RequireInstalled()
    {
        if (Directory.Exists(Path.Combine(RepositoryPaths.Interop, "node_modules")))
        {
            return;
        }

        const string reason = "interop/node_modules missing: run `npm ci --prefix interop` (the test command does this)";
        if (Environment.GetEnvironmentVariable("WOTID_REQUIRE_INTEROP") == "1")
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>Starts <c>node interop/&lt;script&gt; args...</c>.</summary>
    public static NodeProcess Start(string script, params string[] args) => StartIn(null, script, args);

    /// <summary>
    /// Starts <c>node interop/&lt;script&gt; args...</c> inside the network namespace <paramref name="netns"/> (with
    /// <c>ip netns exec</c>; needs root), or directly when it is null.
    /// </summary>
    public static NodeProcess StartIn(string? netns, string script, params string[] args)
    {
        RequireInstalled();
        var psi = new ProcessStartInfo(netns is null ? "node" : "ip")
        {
            WorkingDirectory = RepositoryPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        if (netns is not null)
        {
            foreach (string a in (string[])["netns", "exec", netns, "node"])
            {
                psi.ArgumentList.Add(a);
            }
        }

        psi.ArgumentList.Add(Path.Combine(RepositoryPaths.Interop, script));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        return new NodeProcess(p);
    }

    /// <summary>Runs a script to completion with <paramref name="stdin"/> and returns its stdout.</summary>
    public static async Task<string> RunAsync(string script, string stdin, TimeSpan timeout, params string[] args)
    {
        await using NodeProcess node = Start(script, args);
        await node._process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
        node._process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        string stdout = await node._process.StandardOutput.ReadToEndAsync(cts.Token).ConfigureAwait(false);
        await node._process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        await node._stderrPump.ConfigureAwait(false);
        if (node._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {node._process.ExitCode}: {node.StandardError}");
        }

        return stdout;
    }

    /// <summary>Writes one line to the process.</summary>
    public async Task SendLineAsync(string line, CancellationToken cancellationToken = default)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the next stdout line, failing with stderr in the message on timeout or exit.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            string? line = await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false);
            return line ?? throw new InvalidOperationException("node exited: " + StandardError);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no line from node within " + timeout + ": " + StandardError);
        }
    }

    /// <summary>
    /// One request of the JSON-lines convention of the peers in <c>interop/</c>: sends <paramref name="request"/>, reads
    /// the answer and returns it when its <c>ok</c> member is true; otherwise fails with the peer's <c>error</c>.
    /// </summary>
    public async Task<JsonElement> CallAsync(JsonObject request, TimeSpan timeout, string peerName)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SendLineAsync(request.ToJsonString()).ConfigureAwait(false);
        string line = await ReadLineAsync(timeout).ConfigureAwait(false);
        JsonElement answer = JsonDocument.Parse(line).RootElement.Clone();
        if (!answer.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException(peerName + " error: " + answer.GetProperty("error").GetString());
        }

        return answer;
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns it.</summary>
    public async Task<string> ReadUntilAsync(string prefix, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (true)
        {
            TimeSpan left = end - DateTime.UtcNow;
            string line = await ReadLineAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>Kills the process (and its children) if still running.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
            await _stderrPump.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Process already gone.
        }

        _process.Dispose();
    }

    private async Task PumpStderrAsync()
    {
        var buf = new char[4096];
        int n;
        while ((n = await _process.StandardError.ReadAsync(buf).ConfigureAwait(false)) > 0)
        {
            lock (_stderr)
            {
                if (_stderr.Length < 1 << 20)
                {
                    _stderr.Append(buf, 0, n);
                }
            }
        }
    }
}
