// Builds the System.CommandLine 2.0 tree of `wotid` from the discovered commands: one Command per word of each
// command's name ("net ping" → net → ping), the command's own options and arguments, and an action that hands the
// parsed values to ICliCommand.RunAsync. RootCommand brings -h/--help (recursive; its lists of subcommands bracket
// optional arguments, OptionalArgumentsHelpAction), --version and the [suggest] directive used by dotnet-suggest for
// shell completion.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace WotId.Cli;

/// <summary>The command tree.</summary>
internal static class CommandTree
{
    private static readonly Dictionary<string, string> s_groups = new(StringComparer.Ordinal)
    {
        ["net"] = "libp2p diagnostics against any libp2p node (key: --peer-key)",
        ["did"] = "did:key identities in passphrase-encrypted key files; resolve did:key, did:iota and DID document files; publish, update and deactivate did:iota documents on IOTA",
        ["issuer"] = "issue and revoke VerifiedHuman credentials",
        ["vc"] = "verify credentials",
        ["mailbox"] = "offline delivery: embedded mailbox, IOTA with --iota-rpc (key: --iota-key), or a mailbox host (use-host)",
        ["credential"] = "your VerifiedHuman credential",
        ["trust"] = "the credential issuers you accept contacts from",
        ["contact"] = "add, show and accept contacts",
        ["files"] = "file transfers: list, accept, decline, cancel, watch, auto-accept",
    };

    /// <summary>Builds the root command; actions write to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static RootCommand Build(IEnumerable<ICliCommand> commands, GlobalOptions globals, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("wotid - wot.id P2P: secure peer-to-peer communication between verified humans. Exit codes: "
            + $"{ExitCodes.Ok} ok, {ExitCodes.Failed} failed, {ExitCodes.InvalidInput} invalid input, {ExitCodes.Queued} queued (send), "
            + $"{ExitCodes.VerificationFailed} verification failed, {ExitCodes.WrongPassphrase} wrong passphrase, {ExitCodes.Interrupted} interrupted.")
        {
            globals.Json,
            globals.Home,
            globals.LogLevel,
        };
        foreach (HelpOption help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new OptionalArgumentsHelpAction(standard);
            }
        }

        foreach (ICliCommand cli in commands)
        {
            Command command = Leaf(root, cli.Name.Split(' '));
            command.Description = cli.Summary;
            foreach (Symbol symbol in cli.Symbols)
            {
                switch (symbol)
                {
                    case Option o:
                        command.Options.Add(o);
                        break;
                    case Argument a:
                        command.Arguments.Add(a);
                        break;
                }
            }

            if (!cli.UsesHome)
            {
                command.Validators.Add(result =>
                {
                    if (result.GetResult(globals.Home) is { Implicit: false })
                    {
                        result.AddError($"'{cli.Name}' keeps no state and does not take --home");
                    }
                });
            }

            command.SetAction(async (parsed, cancellationToken) =>
            {
                bool json = parsed.GetValue(globals.Json);
                using ILoggerFactory loggers = LoggerFactory.Create(b => b
                    .SetMinimumLevel(LogLevel.Trace)
                    .AddProvider(new StandardErrorLoggerProvider(error, json, StandardErrorLoggerProvider.Parse(parsed.GetValue(globals.LogLevel)))));
                var context = new CliContext(output, error, json, parsed.GetValue(globals.Home) ?? CliContext.DefaultHome, loggers);
                return await cli.RunAsync(context, CliArguments.From(parsed, cli.Symbols), cancellationToken).ConfigureAwait(false);
            });
        }

        return root;
    }

    /// <summary>Every option name a command accepts (its own, the globals and help), for typo hints.</summary>
    public static IEnumerable<string> OptionNames(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (Option o in c.Options.Where(o => c == command || o.Recursive))
            {
                yield return o.Name;
                foreach (string alias in o.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    private static Command Leaf(Command root, string[] words)
    {
        Command current = root;
        foreach (string word in words)
        {
            Command? next = current.Subcommands.FirstOrDefault(c => c.Name == word);
            if (next is null)
            {
                next = new Command(word, s_groups.GetValueOrDefault(word));
                current.Subcommands.Add(next);
            }

            current = next;
        }

        return current;
    }
}
