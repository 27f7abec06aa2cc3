// `wotid mailbox …` run as a real child process (dotnet wotid.dll) against the embedded mailbox in a temporary
// --home, with --json output; and a chain send to a closed port that stays queued (exit code 3).
using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Tests.Rpc;
using WotId.Testing;

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
        Assert.Equal("pending", listed.RootElement.GetProperty("messages")[0].GetProperty("state").GetString());

        Assert.Equal("MessageNotFound", Json((await RunAsync(1, "mailbox", "read", id)).Err).RootElement.GetProperty("error").GetProperty("code").GetString());
        await RunAsync(0, "mailbox", "claim", "--all");
        using JsonDocument read = Json((await RunAsync(0, "mailbox", "read", id)).Out);
        Assert.Equal("hello mailbox", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(read.RootElement.GetProperty("payload").GetString()!)));
        await RunAsync(0, "mailbox", "delete", id);
        Assert.Equal(0, Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task EverySendStoresItsPayloadUnderItsOwnSequenceNumber()
    {
        // Formerly the CLI kept the next number in HOME/mailbox/seq: deleting that file (or --seq) made a second
        // send print "sent" with the first message's ID and drop the new payload.
        string mailbox = Json((await RunAsync(0, "mailbox", "create")).Out).RootElement.GetProperty("mailbox").GetString()!;
        using JsonDocument first = Json((await RunAsync(0, "mailbox", "send", "--to", mailbox, "first payload")).Out);
        File.Delete(Path.Combine(_home, "mailbox", "seq"));
        using JsonDocument second = Json((await RunAsync(0, "mailbox", "send", "--to", mailbox, "second payload")).Out);
        Assert.Equal(1UL, first.RootElement.GetProperty("seq").GetUInt64());
        Assert.Equal(2UL, second.RootElement.GetProperty("seq").GetUInt64());
        string id1 = first.RootElement.GetProperty("message").GetString()!;
        string id2 = second.RootElement.GetProperty("message").GetString()!;
        Assert.NotEqual(id1, id2);
        await RunAsync(0, "mailbox", "claim", "--all");
        Assert.Equal("second payload", Payload(Json((await RunAsync(0, "mailbox", "read", id2)).Out)));
        Assert.Equal("first payload", Payload(Json((await RunAsync(0, "mailbox", "read", id1)).Out)));
        Assert.False(File.Exists(Path.Combine(_home, "mailbox", "seq")));
    }

    [Fact]
    public async Task TheSeqOptionIsRefusedAndStoresNothing()
    {
        string mailbox = Json((await RunAsync(0, "mailbox", "create")).Out).RootElement.GetProperty("mailbox").GetString()!;
        (_, string err) = await RunAsync(2, "mailbox", "send", "--to", mailbox, "text", "--seq", "1");
        Assert.Contains("--seq", err, StringComparison.Ordinal);
        Assert.Equal(0, Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task ASecondCreateRefusesToReplaceTheRememberedMailboxWithoutReplace()
    {
        using JsonDocument created = Json((await RunAsync(0, "mailbox", "create")).Out);
        string mailbox = created.RootElement.GetProperty("mailbox").GetString()!;
        string cap = created.RootElement.GetProperty("cap").GetString()!;
        using JsonDocument refused = Json((await RunAsync(2, "mailbox", "create")).Err);
        JsonElement error = refused.RootElement.GetProperty("error");
        Assert.Equal("confirmation-required", error.GetProperty("code").GetString());
        Assert.Contains(mailbox, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(cap, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await RunAsync(0, "mailbox", "send", "--to", mailbox, "still here");
        Assert.Single(Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetProperty("messages").EnumerateArray());

        using JsonDocument replaced = Json((await RunAsync(0, "mailbox", "create", "--replace")).Out);
        Assert.Equal(mailbox, replaced.RootElement.GetProperty("replaced").GetProperty("mailbox").GetString());
        Assert.NotEqual(mailbox, replaced.RootElement.GetProperty("mailbox").GetString());
        Assert.Single(Json((await RunAsync(0, "mailbox", "list", "--mailbox", mailbox)).Out).RootElement.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task DeletingAPendingMessageNeedsDiscardUnreadAndSaysWhatWouldBeLost()
    {
        string mailbox = Json((await RunAsync(0, "mailbox", "create")).Out).RootElement.GetProperty("mailbox").GetString()!;
        string id = Json((await RunAsync(0, "mailbox", "send", "--to", mailbox, "unread words")).Out).RootElement.GetProperty("message").GetString()!;
        using JsonDocument refused = Json((await RunAsync(2, "mailbox", "delete", id, "--pending")).Err);
        Assert.Equal("confirmation-required", refused.RootElement.GetProperty("error").GetProperty("code").GetString());
        string why = refused.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("12 bytes", why, StringComparison.Ordinal);
        Assert.Contains("never been read", why, StringComparison.Ordinal);
        Assert.Equal("pending", Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetProperty("messages")[0].GetProperty("state").GetString());
        using JsonDocument deleted = Json((await RunAsync(0, "mailbox", "delete", id, "--pending", "--discard-unread")).Out);
        Assert.True(deleted.RootElement.GetProperty("unread").GetBoolean());
        Assert.Equal(0, Json((await RunAsync(0, "mailbox", "list")).Out).RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task ListingPagesWithTheCursorItPrints()
    {
        string mailbox = Json((await RunAsync(0, "mailbox", "create")).Out).RootElement.GetProperty("mailbox").GetString()!;
        for (int i = 0; i < 3; i++)
        {
            await RunAsync(0, "mailbox", "send", "--to", mailbox, "m" + i);
        }

        using JsonDocument first = Json((await RunAsync(0, "mailbox", "list", "--limit", "2")).Out);
        Assert.Equal(2, first.RootElement.GetProperty("messages").GetArrayLength());
        string cursor = first.RootElement.GetProperty("nextCursor").GetString()!;
        using JsonDocument second = Json((await RunAsync(0, "mailbox", "list", "--limit", "2", "--cursor", cursor)).Out);
        Assert.Equal(1, second.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("nextCursor").ValueKind);
        await RunAsync(2, "mailbox", "list", "--cursor", "garbage");
    }

    private static string Payload(JsonDocument read) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(read.RootElement.GetProperty("payload").GetString()!));

    [Fact]
    public async Task ChainSendToAnUnreachableNodeIsQueued()
    {
        await RunAsync(0, "mailbox", "list", "--mailbox", "0x2"); // creates HOME/mailbox/account.key
        string key = Path.Combine(_home, "mailbox", "account.key");
        string url = $"http://127.0.0.1:{LoopbackPorts.Free()}/";
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
