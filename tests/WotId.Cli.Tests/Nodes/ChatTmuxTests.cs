// `wotid chat` driven as a person uses it: in a real terminal (tmux: send-keys types, capture-pane reads the screen).
// Alice chats; Bob is offline at first (her line goes to his mailbox), then Bob's `send` starts his node, which claims
// the mailbox (Alice's chat shows the delivery receipt) and delivers his reply directly to the node of Alice's chat.
// Skipped with the reason when tmux is not installed (.ci/run installs it) or the build has no node runtime.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed class ChatTmuxTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-chat-" + Guid.NewGuid().ToString("N"));
    private readonly string _socket = "wotid-test-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        try
        {
            Tmux("kill-server").WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No tmux: nothing was started.
        }

        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task ChatSendsLinesAndShowsRepliesAndReceipts()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux"), "tmux is not installed (apt-get install tmux)");
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        await NetworkedVerbTests.ConnectAsync(p);
        string exitFile = Path.Combine(_dir, "chat.exit");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string dll = Path.Combine(AppContext.BaseDirectory, "wotid.dll");
        string command = $"WOTID_PASSPHRASE='{ProfileVerbTests.Passphrase}' '{dotnet}' '{dll}' chat bob --home '{p.Alice}'; echo $? > '{exitFile}'";
        using (Process start = Tmux("new-session", "-d", "-x", "160", "-y", "50", "-s", "chat", command))
        {
            await start.WaitForExitAsync();
            Assert.Equal(0, start.ExitCode);
        }

        await ScreenShowsAsync("chat with bob");
        await TypeAsync("hello from the chat");
        await ScreenShowsAsync("✓ deposited in bob's mailbox: hello from the chat");

        JsonReply reply = new(await TwoPeople.JsonAsync("send", "alice", "hi Alice, got it", "--home", p.Bob));
        Assert.Equal("direct", reply.Delivered);
        await ScreenShowsAsync("bob: hi Alice, got it");
        await ScreenShowsAsync("✓✓ delivered: hello from the chat");

        await TypeAsync("/quit");
        DateTime deadline = DateTime.UtcNow + s_wait;
        while (!File.Exists(exitFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal("0", (await File.ReadAllTextAsync(exitFile)).Trim());
        System.Text.Json.JsonElement inbox = await TwoPeople.JsonAsync("inbox", "bob", "--home", p.Alice);
        System.Text.Json.JsonElement only = Assert.Single(inbox.EnumerateArray());
        Assert.True(only.GetProperty("read").GetBoolean(), "the chat marks the messages it shows read");
    }

    private async Task TypeAsync(string line)
    {
        using Process keys = Tmux("send-keys", "-t", "chat", "-l", line);
        await keys.WaitForExitAsync();
        using Process enter = Tmux("send-keys", "-t", "chat", "Enter");
        await enter.WaitForExitAsync();
    }

    private async Task ScreenShowsAsync(string text)
    {
        DateTime deadline = DateTime.UtcNow + s_wait;
        string screen = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using Process capture = Tmux("capture-pane", "-p", "-J", "-t", "chat", "-S", "-200");
            screen = await capture.StandardOutput.ReadToEndAsync();
            await capture.WaitForExitAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the chat did not show '{text}' within {s_wait.TotalSeconds:0} s; screen:\n{screen}");
    }

    private Process Tmux(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    private sealed record JsonReply(string Delivered)
    {
        public JsonReply(System.Text.Json.JsonElement e)
            : this(e.GetProperty("delivered").GetString()!)
        {
        }
    }
}
