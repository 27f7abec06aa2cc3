// Every verb with missing files, unreadable files, garbage values and wrong passphrases, run as a real child process:
// each row must end with its documented exit code (ExitCodes) and exactly one error line on standard error (text,
// or the {"error":{code,message,hint}} object with --json), and no stack trace anywhere. One row per broken thing,
// after tests/WotId.Identity.Tests/Behaviour/VerificationFailureTableTests.cs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests;

public sealed class ErrorTableTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly string[] s_cheapKdf = ["--kdf-memory", "1024", "--kdf-iterations", "1"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-errors-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task EveryVerbFailsWithOneLineAndItsDocumentedExitCode()
    {
        string home = Path.Combine(_dir, "home");
        string empty = Path.Combine(_dir, "empty");
        string missing = Path.Combine(_dir, "no-such-file");
        string garbage = Path.Combine(_dir, "garbage.txt");
        string folder = Path.Combine(_dir, "a-folder");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(garbage, "this is not what you are looking for");
        WotidProcess.Result init = await WotidProcess.RunAsync(Passphrase, ["issuer", "init", "--home", home, .. s_cheapKdf]);
        Assert.True(init.ExitCode == 0, init.Error);
        WotidProcess.Result created = await WotidProcess.RunAsync(null, ["mailbox", "create", "--home", home]);
        Assert.True(created.ExitCode == 0, created.Error);
        string damagedHome = Path.Combine(_dir, "damaged");
        Directory.CreateDirectory(Path.Combine(damagedHome, "issuer"));
        File.Copy(Path.Combine(home, "issuer", "key.json"), Path.Combine(damagedHome, "issuer", "key.json"));
        await File.WriteAllTextAsync(Path.Combine(damagedHome, "issuer", "state.json"), "{\"statusListUrl\":");
        const string Did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        const string Mailbox = "0x00000000000000000000000000000000000000000000000000000000000000aa";
        string accountKey = Path.Combine(home, "mailbox", "account.key");
        string packed = Path.Combine(_dir, "doc.packed");
        byte[] json = "{\"doc\":{\"id\":\"did:0:0\"},\"meta\":{}}"u8.ToArray();
        await File.WriteAllBytesAsync(packed, [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)json.Length, 0, .. json]);

        var rows = new List<(string Name, string? Passphrase, string[] Args, int Exit)>
        {
            ("unknown verb", null, ["frobnicate"], ExitCodes.InvalidInput),
            ("unknown option", null, ["selftest", "--fast"], ExitCodes.InvalidInput),
            ("selftest with --home", null, ["selftest", "--home", home], ExitCodes.InvalidInput),
            ("did new: short passphrase", "short", ["did", "new", "--home", empty, .. s_cheapKdf], ExitCodes.InvalidInput),
            ("did new: no passphrase and no terminal", null, ["did", "new", "--home", empty, .. s_cheapKdf], ExitCodes.InvalidInput),
            ("did new: bad algorithm", Passphrase, ["did", "new", "--alg", "rsa", "--home", empty], ExitCodes.InvalidInput),
            ("did new: garbage kdf memory", Passphrase, ["did", "new", "--kdf-memory", "lots", "--home", empty], ExitCodes.InvalidInput),
            ("did new: out in a missing folder's file", Passphrase, ["did", "new", "--out", Path.Combine(garbage, "k.json"), .. s_cheapKdf], ExitCodes.Failed),
            ("did show: missing file", null, ["did", "show", missing], ExitCodes.InvalidInput),
            ("did show: garbage file", null, ["did", "show", garbage], ExitCodes.InvalidInput),
            ("did show: unreadable (a folder)", null, ["did", "show", folder], ExitCodes.InvalidInput),
            ("issuer init: exists", Passphrase, ["issuer", "init", "--home", home, .. s_cheapKdf], ExitCodes.InvalidInput),
            ("issuer issue: no issuer", Passphrase, ["issuer", "issue", "--subject", Did, "--home", empty], ExitCodes.InvalidInput),
            ("issuer issue: wrong passphrase", "wrong passphrase", ["issuer", "issue", "--subject", Did, "--home", home], ExitCodes.WrongPassphrase),
            ("issuer issue: subject not a DID", Passphrase, ["issuer", "issue", "--subject", "bob", "--home", home], ExitCodes.InvalidInput),
            ("issuer issue: garbage days", Passphrase, ["issuer", "issue", "--subject", Did, "--valid-days", "soon", "--home", home], ExitCodes.InvalidInput),
            ("issuer issue: typo in option", Passphrase, ["issuer", "issue", "--subject", Did, "--valid-day", "30", "--home", home], ExitCodes.InvalidInput),
            ("issuer issue: damaged state", Passphrase, ["issuer", "issue", "--subject", Did, "--home", damagedHome], ExitCodes.InvalidInput),
            ("issuer revoke: unknown id", Passphrase, ["issuer", "revoke", "urn:uuid:nothing", "--home", home], ExitCodes.InvalidInput),
            ("issuer revoke: no id", Passphrase, ["issuer", "revoke", "--home", home], ExitCodes.InvalidInput),
            ("vc verify: missing file", null, ["vc", "verify", missing, "--home", home], ExitCodes.InvalidInput),
            ("vc verify: unreadable (a folder)", null, ["vc", "verify", folder, "--home", home], ExitCodes.InvalidInput),
            ("vc verify: garbage max age", null, ["vc", "verify", garbage, "--max-age-days", "old", "--home", home], ExitCodes.InvalidInput),
            ("net ping: garbage address", null, ["net", "ping", "not/a/multiaddr"], ExitCodes.InvalidInput),
            ("net ping: garbage count", null, ["net", "ping", "/ip4/127.0.0.1/tcp/1", "--count", "many"], ExitCodes.InvalidInput),
            ("net ping: garbage peer key", null, ["net", "ping", "/ip4/127.0.0.1/tcp/1", "--peer-key", garbage], ExitCodes.InvalidInput),
            ("net ping: unreadable peer key", null, ["net", "ping", "/ip4/127.0.0.1/tcp/1", "--peer-key", folder], ExitCodes.InvalidInput),
            ("net ping: nobody listening", null, ["net", "ping", "/ip4/127.0.0.1/tcp/1"], ExitCodes.Failed),
            ("net ping: --home", null, ["net", "ping", "/ip4/127.0.0.1/tcp/1", "--home", home], ExitCodes.InvalidInput),
            ("net identify: nobody listening", null, ["net", "identify", "/ip4/127.0.0.1/tcp/1"], ExitCodes.Failed),
            ("net perf: no sizes", null, ["net", "perf", "/ip4/127.0.0.1/tcp/1"], ExitCodes.InvalidInput),
            ("net listen: garbage address", null, ["net", "listen", "--listen", "/ip4/999.0.0.1/tcp/0"], ExitCodes.InvalidInput),
            ("mailbox send: missing IOTA key", null, ["mailbox", "send", "--to", Mailbox, "--iota-rpc", "http://127.0.0.1:1", "--iota-key", missing, "--package", "0x2", "hi", "--home", home], ExitCodes.InvalidInput),
            ("mailbox send: garbage IOTA key", null, ["mailbox", "send", "--to", Mailbox, "--iota-key", garbage, "hi", "--home", home], ExitCodes.InvalidInput),
            ("mailbox send: unreadable payload", null, ["mailbox", "send", "--to", Mailbox, "--file", folder, "--home", home], ExitCodes.InvalidInput),
            ("mailbox send: garbage recipient", null, ["mailbox", "send", "--to", "bob", "hi", "--home", home], ExitCodes.InvalidInput),
            ("mailbox create: garbage size", null, ["mailbox", "create", "--max-payload", "big", "--home", home], ExitCodes.InvalidInput),
            ("did publish: missing IOTA key", null, ["did", "publish", "--packed", packed, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", missing, "--home", home], ExitCodes.InvalidInput),
            ("did publish: garbage IOTA key", null, ["did", "publish", "--packed", packed, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", garbage, "--home", home], ExitCodes.InvalidInput),
            ("did publish: unreadable IOTA key (a folder)", null, ["did", "publish", "--packed", packed, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", folder, "--home", home], ExitCodes.InvalidInput),
            ("did publish: not a packed document", null, ["did", "publish", "--packed", garbage, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", accountKey, "--home", home], ExitCodes.InvalidInput),
            ("did publish: garbage network", null, ["did", "publish", "--packed", packed, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", accountKey, "--network", "Main Net", "--home", home], ExitCodes.InvalidInput),
            ("did publish: nobody listening", null, ["did", "publish", "--packed", packed, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", accountKey, "--home", home], ExitCodes.Failed),
            ("did deactivate: not a did:iota", null, ["did", "deactivate", Did, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", accountKey, "--home", home], ExitCodes.InvalidInput),
            ("did update: missing packed file", null, ["did", "update", Mailbox, "--packed", missing, "--iota-rpc", "http://127.0.0.1:1", "--package", "0x2", "--iota-key", accountKey, "--home", home], ExitCodes.InvalidInput),
            ("mailbox list: no mailbox yet", null, ["mailbox", "list", "--home", empty], ExitCodes.InvalidInput),
            ("mailbox read: garbage id", null, ["mailbox", "read", "xyz", "--home", home], ExitCodes.InvalidInput),
            ("mailbox claim: garbage id", null, ["mailbox", "claim", "xyz", "--home", home], ExitCodes.InvalidInput),
            ("mailbox delete: garbage id", null, ["mailbox", "delete", "xyz", "--home", home], ExitCodes.InvalidInput),
        };

        var problems = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (row, _) =>
        {
            foreach (bool json in new[] { false, true })
            {
                string[] args = json ? [.. row.Args, "--json"] : row.Args;
                WotidProcess.Result r = await WotidProcess.RunAsync(row.Passphrase, args);
                string? problem = Check(r, row.Exit, json);
                if (problem is not null)
                {
                    problems.Add($"{row.Name}{(json ? " (--json)" : string.Empty)}: {problem}\n  stdout: {r.Output}\n  stderr: {r.Error}");
                }
            }
        });
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    private static string? Check(WotidProcess.Result r, int expectedExit, bool json)
    {
        if (r.ExitCode != expectedExit)
        {
            return $"exit code {r.ExitCode}, expected {expectedExit}";
        }

        if ((r.Output + r.Error).Contains("   at ", StringComparison.Ordinal))
        {
            return "a stack trace was printed";
        }

        IReadOnlyList<string> lines = WotidProcess.Lines(r.Error);
        if (lines.Count != 1)
        {
            return $"{lines.Count} lines on standard error, expected one";
        }

        if (!json)
        {
            return lines[0].StartsWith("error: ", StringComparison.Ordinal) ? null : "the line does not start with 'error: '";
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(lines[0]);
            JsonElement error = doc.RootElement.GetProperty("error");
            return error.GetProperty("code").GetString() is { Length: > 0 } && error.GetProperty("message").GetString() is { Length: > 0 }
                ? null
                : "the JSON error has no code or message";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "the error line is not the JSON error object: " + ex.Message;
        }
    }
}
