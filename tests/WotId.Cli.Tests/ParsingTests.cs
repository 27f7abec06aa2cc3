// The command line as System.CommandLine parses it: unknown options and typos are rejected (with a hint), -h and
// --help print help everywhere and do nothing else, --json and --home work before or after the verb, commands that
// keep no state refuse --home, usage errors follow --json, and the [suggest] directive completes.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests;

[Collection(nameof(Identity.PassphraseEnvironment))]
public sealed class ParsingTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "wotid-cli-parsing-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (string name in typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => ((ICliCommand)Activator.CreateInstance(t)!).Name))
        {
            data.Add(name);
        }

        return data;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", null);
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task HelpPrintsUsageAndDoesNothingElse(string command)
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "correct horse battery staple");
        foreach (string help in new[] { "-h", "--help" })
        {
            string[] args = [.. command.Split(' '), help];
            (int exit, string output, _) = await RunAsync(args);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
            Assert.Contains(" " + command + " ", output, StringComparison.Ordinal);
            if (!command.StartsWith("net ", StringComparison.Ordinal) && command != "selftest")
            {
                (exit, _, _) = await RunAsync([.. args, "--home", _home]);
                Assert.Equal(ExitCodes.Ok, exit);
                Assert.False(Directory.Exists(_home), $"'{command} {help}' created {_home}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task TheListOfVerbsShowsOptionalArgumentsAsTheVerbsOwnUsageDoes(string command)
    {
        // `wotid --help` listed `inbox <CONTACT>` while `wotid inbox` (all contacts) works and `wotid inbox --help`
        // says `wotid inbox [<CONTACT>]`.
        ICliCommand verb = Verb(command);
        string[] labels = [.. verb.Symbols.OfType<System.CommandLine.Argument>().Select(a =>
            a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.Name}>]" : $"<{a.Name}>")];
        string[] words = command.Split(' ');
        (_, string list, _) = await RunAsync([.. words[..^1], "--help"]);
        string label = string.Join(' ', [words[^1], .. labels]);
        Assert.Matches($@"(?m)^  {Regex.Escape(label)}  +\S", list);

        (_, string own, _) = await RunAsync([.. words, "--help"]);
        string usage = Assert.Single(own.Split('\n'), l => Regex.IsMatch(l, $@"^  \S+ {Regex.Escape(command)}( |$)"));
        foreach (string argument in labels)
        {
            Assert.Contains(" " + argument, usage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ABracketedLabelWidensTheColumnOfTheWholeList()
    {
        // `claim [<MESSAGE_ID>]` is the longest label of `wotid mailbox --help`: every description still starts in one column.
        (int exit, string output, _) = await RunAsync(["mailbox", "--help"]);
        Assert.Equal(ExitCodes.Ok, exit);
        string[] rows = [.. output[output.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(l => l.Trim().Length > 0)];
        Assert.Contains(rows, r => r.StartsWith("  claim [<MESSAGE_ID>]  claim pending", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("  send [<TEXT>] ", StringComparison.Ordinal));
        Assert.Single(rows.Select(r => Regex.Match(r, @"^  \S+(?: \S+)?  +").Length).Distinct());
    }

    [Fact]
    public async Task NetListenHelpDoesNotListen()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        (int exit, string output, _) = await RunAsync(["net", "listen", "-h"], cts.Token);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("--peer-key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/p2p/", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cuont", "--count", "net", "ping", "/ip4/127.0.0.1/tcp/1", "--cuont", "5")]
    [InlineData("--valid-day", "--valid-days", "issuer", "issue", "--subject", "did:example:1", "--valid-day", "30")]
    [InlineData("--trsut", "--trust", "vc", "verify", "x.jws", "--trsut", "did:example:1")]
    public async Task AMisspelledOptionIsRejectedWithTheClosestName(string typo, string meant, params string[] args)
    {
        (int exit, string output, string error) = await RunAsync(args);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(typo, error, StringComparison.Ordinal);
        Assert.Contains("did you mean " + meant + "?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspelledValidityIssuesNothing()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "correct horse battery staple");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["issuer", "init", "--kdf-memory", "1024", "--kdf-iterations", "1", "--home", _home])).Exit);
        string state = await File.ReadAllTextAsync(Path.Combine(_home, "issuer", "state.json"));
        (int exit, string output, _) = await RunAsync(["issuer", "issue", "--subject", "did:example:1", "--valid-day", "30", "--home", _home]);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(state, await File.ReadAllTextAsync(Path.Combine(_home, "issuer", "state.json")));
    }

    [Theory]
    [InlineData("--json", "did", "show")]
    [InlineData("did", "--json", "show")]
    [InlineData("did", "show", "--json")]
    public async Task JsonAndHomeWorkBeforeOrAfterTheVerb(params string[] words)
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "correct horse battery staple");
        Assert.Equal(ExitCodes.Ok, (await RunAsync(["--home", _home, "did", "new", "--kdf-memory", "1024", "--kdf-iterations", "1"])).Exit);
        Assert.True(File.Exists(Path.Combine(_home, "identity.key")));
        (int exit, string output, string error) = await RunAsync([.. words, "--home", _home]);
        Assert.True(exit == ExitCodes.Ok, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.StartsWith("did:key:", doc.RootElement.GetProperty("did").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net", "ping", "/ip4/127.0.0.1/tcp/1")]
    [InlineData("net", "listen")]
    [InlineData("selftest")]
    public async Task CommandsWithoutStateRefuseHome(params string[] args)
    {
        (int exit, _, string error) = await RunAsync([.. args, "--home", _home]);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("does not take --home", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrorsArePrintedAsJsonWithJson()
    {
        (int exit, string output, string error) = await RunAsync(["net", "ping", "/ip4/127.0.0.1/tcp/1", "--cuont", "5", "--json"]);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(string.Empty, output);
        using JsonDocument doc = JsonDocument.Parse(error);
        JsonElement e = doc.RootElement.GetProperty("error");
        Assert.Equal("usage", e.GetProperty("code").GetString());
        Assert.Contains("--cuont", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("--count", e.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArgumentsPrintsTheCommandList()
    {
        (int exit, string output, _) = await RunAsync([]);
        Assert.Equal(ExitCodes.Ok, exit);
        foreach (string group in new[] { "net", "did", "issuer", "vc", "mailbox", "selftest" })
        {
            Assert.Contains("  " + group, output, StringComparison.Ordinal);
        }

        Assert.Contains("4 verification failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSuggestDirectiveCompletesVerbsAndOptions()
    {
        // dotnet-suggest calls `wotid [suggest:CURSOR] "COMMAND LINE"` (the shell scripts of dotnet-suggest register this).
        (int exit, string output, _) = await RunAsync(["[suggest:5]", "net p"]);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["perf", "ping"], WotidProcess.Lines(output).Where(l => !l.StartsWith('-')).ToArray());

        (_, output, _) = await RunAsync(["[suggest:18]", "issuer issue --val"]);
        Assert.Equal(["--valid-days"], WotidProcess.Lines(output));
    }

    [Fact]
    public void EachKindOfKeyHasItsOwnOptionName()
    {
        // --key used to mean a libp2p key (net), a DID key file (did/issuer) or an IOTA key (mailbox).
        foreach (ICliCommand command in typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!))
        {
            string[] names = command.Symbols.OfType<System.CommandLine.Option>().Select(o => o.Name).ToArray();
            Assert.DoesNotContain("--key", names);
            Assert.Equal(command.Name.StartsWith("net ", StringComparison.Ordinal), names.Contains("--peer-key"));
            // `mailbox use-host` signs with the profile's DID key and `mailbox use-iota` with the profile's mailbox
            // account key: neither takes a key option. The did:iota chain verbs pay with an IOTA account key.
            bool iotaVerb = (command.Name.StartsWith("mailbox ", StringComparison.Ordinal) && command.Name is not ("mailbox use-host" or "mailbox use-iota"))
                || command.Name is "did publish" or "did update" or "did deactivate" or "did publish-profile";
            Assert.Equal(iotaVerb, names.Contains("--iota-key"));
        }
    }

    private static ICliCommand Verb(string name) =>
        typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .Single(c => c.Name == name);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await Program.RunAsync(args, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
