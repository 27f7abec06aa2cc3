// A profile folder whose "running node" is a FileNode behind a real ControlApiServer (Unix socket), and the CLI run
// in-process against it (Program.RunAsync with captured output), as `wotid` would run next to `wotid run`.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Control;

namespace WotId.Cli.Tests.Files;

internal sealed class FileVerbHarness : IAsyncDisposable
{
    private FileVerbHarness(string home, FileNode node, ControlApiServer server)
    {
        Home = home;
        Node = node;
        Server = server;
    }

    internal string Home { get; }

    internal FileNode Node { get; }

    internal ControlApiServer Server { get; }

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<FileVerbHarness> StartAsync()
    {
        // Short, so the socket path fits in sun_path whatever TMPDIR is.
        string home = Path.Combine(Path.GetTempPath(), "wf-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        await File.WriteAllBytesAsync(Path.Combine(home, WotId.Node.Profile.Profile.DatabaseFileName), [], Ct);
        FileNode node = new();
        ControlApiServer server = await ControlApiServer.StartAsync(node, home, cancellationToken: Ct);
        return new FileVerbHarness(home, node, server);
    }

    /// <summary>Runs <c>wotid ARGS --home HOME</c> in this process.</summary>
    internal async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int exit = await Program.RunAsync([.. args, "--home", Home], output, error, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
