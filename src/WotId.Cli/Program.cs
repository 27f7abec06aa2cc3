using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli;

/// <summary>Entry point of <c>wotid</c>: finds the command by its leading words and runs it.</summary>
internal static class Program
{
    private static readonly string[] s_globalSwitches = ["json", "help"];

    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
    }

    /// <summary>Runs the CLI with the given writers (used by tests in-process).</summary>
    public static async Task<int> RunAsync(string[] args, System.IO.TextWriter output, System.IO.TextWriter error, CancellationToken cancellationToken)
    {
        List<ICliCommand> commands = DiscoverCommands();
        ICliCommand? command = null;
        int consumed = 0;
        foreach (ICliCommand c in commands.OrderByDescending(c => c.Name.Split(' ').Length))
        {
            string[] words = c.Name.Split(' ');
            if (args.Length >= words.Length && words.SequenceEqual(args.Take(words.Length), StringComparer.Ordinal))
            {
                command = c;
                consumed = words.Length;
                break;
            }
        }

        if (command is null)
        {
            await PrintHelpAsync(commands, args.Length == 0 || args[0] is "--help" or "help" ? output : error).ConfigureAwait(false);
            return args.Length == 0 || args[0] is "--help" or "help" ? 0 : 2;
        }

        string[] rest = args[consumed..];
        try
        {
            CliArguments parsed = CliArguments.Parse(rest, SwitchesOf(command));
            if (parsed.Has("help"))
            {
                await output.WriteLineAsync(command.Usage).ConfigureAwait(false);
                return 0;
            }

            var context = new CliContext(output, error, parsed.Has("json"), parsed.Get("home") ?? CliContext.DefaultHome);
            return await command.RunAsync(context, parsed, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync(command.Usage).ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
    }

    private static HashSet<string> SwitchesOf(ICliCommand command)
    {
        var set = new HashSet<string>(s_globalSwitches, StringComparer.Ordinal);
        if (command is ICliSwitches s)
        {
            set.UnionWith(s.Switches);
        }

        return set;
    }

    private static List<ICliCommand> DiscoverCommands() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    private static async Task PrintHelpAsync(List<ICliCommand> commands, System.IO.TextWriter w)
    {
        string version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
        await w.WriteLineAsync($"wotid {version} - wot.id P2P").ConfigureAwait(false);
        await w.WriteLineAsync("usage: wotid <command> [options] [--json] [--home DIR]").ConfigureAwait(false);
        await w.WriteLineAsync().ConfigureAwait(false);
        foreach (ICliCommand c in commands)
        {
            await w.WriteLineAsync($"  {c.Name,-22} {c.Summary}").ConfigureAwait(false);
        }
    }
}
