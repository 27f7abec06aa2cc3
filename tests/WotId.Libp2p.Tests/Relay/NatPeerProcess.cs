using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Libp2p.Tests.Relay;

/// <summary>WotId.Libp2p.NatPeer (copied beside the test assembly) run inside a namespace with <c>ip netns exec</c>.</summary>
internal sealed class NatPeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly List<JsonNode> _seen = [];
    private readonly Task _stderrPump;

    private NatPeerProcess(Process process)
    {
        _process = process;
        _stderrPump = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(line);
                }
            }
        });
    }

    public string StandardError
    {
        get { lock (_stderr) { return _stderr.ToString(); } }
    }

    public static NatPeerProcess Start(string netns, params string[] args)
    {
        var psi = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["netns", "exec", netns, "dotnet", Path.Combine(AppContext.BaseDirectory, "WotId.Libp2p.NatPeer.dll"), .. args])
        {
            psi.ArgumentList.Add(a);
        }

        return new NatPeerProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start ip netns exec"));
    }

    /// <summary>Reads JSON lines until one matches; fails with the child's stderr on exit or timeout.</summary>
    public async Task<JsonNode> WaitForAsync(Func<JsonNode, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no matching line from the NAT peer; its log:\n" + StandardError);
            }

            if (line is null)
            {
                throw new InvalidOperationException("the NAT peer exited; its log:\n" + StandardError);
            }

            JsonNode node = JsonNode.Parse(line)!;
            lock (_seen)
            {
                _seen.Add(node);
            }

            if (match(node))
            {
                return node;
            }
        }
    }

    /// <summary>Like <see cref="WaitForAsync"/>, but a matching line read earlier (and skipped then) counts too.</summary>
    public Task<JsonNode> SeenOrWaitForAsync(Func<JsonNode, bool> match, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            JsonNode? earlier = _seen.Find(n => match(n));
            if (earlier is not null)
            {
                return Task.FromResult(earlier);
            }
        }

        return WaitForAsync(match, cancellationToken);
    }

    public static bool Is(JsonNode node, string evt) => node["event"]?.GetValue<string>() == evt;

    public async Task<JsonNode> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await WaitForAsync(n => Is(n, "result"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _stderrPump;
        _process.Dispose();
    }
}
