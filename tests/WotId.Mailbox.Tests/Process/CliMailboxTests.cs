// `wotid mailbox …` run as a real child process (dotnet wotid.dll) against the embedded mailbox in a temporary
// --home, with --json output; and a chain send to a closed port that stays queued (exit code 3).
using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Tests.Rpc;

namespace WotId.Mailbox.Tests.Process;

public sealed class CliMailboxTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "wotid-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task CreateSendListClaimReadDeleteWithJson()
    {
        using JsonDocument created = Json((await RunAsync(0, "mailbox", "create", "--max-payload", "64")).Out);
        string mailbox = created.RootElement.GetProperty("mailbox").GetString()!;

        using JsonDocument sent = Json((await RunAsync(0, "mailbox", "send", "--to", mailbox, "hello mailbox")).Out);
        Assert.True(sent.RootElement.GetProperty("delivered").GetBoolean());
        string id = sent.RootElement.GetProperty("message").GetString()!;

        (_, string tooBig) = await RunAsync(1, "mailbox", "send", "--to", mailbox, new string('x', 65));
        Assert.Equal("PayloadTooLarge", Json(tooBig).RootElement.GetProperty("error").GetProperty("code").GetString());

        using JsonDocument listed = Json((await RunAsync(0, "mailbox", "list")).Out);
        Assert.Equal("pending", listed.RootElement[0].GetProperty("state").GetString());

        Assert.Equal("MessageNotFound", Json((await RunAsync(1, "mailbox", "read", id)).Err).RootElement.GetProperty("error").GetProperty("code").GetString());
        await RunAsync(0, "mailbox", "claim", "--all");
        using JsonDocument read = Json((await RunAsync(0, "mailbox", "read", id)).Out);
        Assert.Equal("hello mailbox", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(read.RootElement.GetProperty("payload").GetString()!)));
        await RunAsync(0, "mailbox", "delete", id);
        Assert.Equal(0, Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task ChainSendToAnUnreachableNodeIsQueued()
    {
        await RunAsync(0, "mailbox", "list", "--mailbox", "0x2"); // creates HOME/mailbox/account.key
        string key = Path.Combine(_home, "mailbox", "account.key");
        string url = $"http://127.0.0.1:{ScriptedNode.FreePort()}/";
        (string output, _) = await RunAsync(3, "mailbox", "send", "--to", "0xb2", "queued text", "--iota-rpc", url, "--iota-key", key, "--package", "0xa1");
        using JsonDocument d = Json(output);
        Assert.False(d.RootElement.GetProperty("delivered").GetBoolean());
        Assert.Contains("NodeUnreachable", d.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_home, "mailbox", "outbox.db")));
    }

    private static JsonDocument Json(string s) => JsonDocument.Parse(s);

    private async Task<(string Out, string Err)> RunAsync(int expectedExit, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wotid.dll"));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("--home");
        psi.ArgumentList.Add(_home);
        psi.ArgumentList.Add("--json");
        using System.Diagnostics.Process p = System.Diagnostics.Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await p.WaitForExitAsync(TestContext.Current.CancellationToken);
        string o = await stdout;
        string e = await stderr;
        Assert.True(p.ExitCode == expectedExit, $"wotid {string.Join(' ', args)} exited {p.ExitCode}: {o} {e}");
        return (o, e);
    }
}
