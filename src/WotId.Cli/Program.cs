using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli;

/// <summary>Entry point of <c>wotid</c>: parses with System.CommandLine, runs the command, prints every error as one line.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        using PosixSignalRegistration? terminate = OperatingSystem.IsWindows()
            ? null
            : PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            {
                // Handled like Ctrl+C (one cancellation), but server verbs then exit 0 (ShutdownSignals).
                signal.Cancel = true;
                ShutdownSignals.MarkTerminated();
                cts.Cancel();
            });
        return await RunAsync(args, Console.Out, Console.Error, cts.Token).ConfigureAwait(false);
    }

    /// <summary>Runs the CLI with the given writers (used by tests in-process).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var globals = new GlobalOptions();
        RootCommand root = CommandTree.Build(DiscoverCommands(), globals, output, error);
        ParseResult parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        bool json = args.Contains("--json", StringComparer.Ordinal);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            return await UsageError(parsed).WriteAsync(error, json).ConfigureAwait(false);
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            // Every escaping exception ends here as one line; the runtime's handler (stack trace, exit 134) is never reached.
            return await CliError.From(ex).WriteAsync(error, json).ConfigureAwait(false);
        }
    }

    private static CliError UsageError(ParseResult parsed)
    {
        string? typo = parsed.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-'));
        string message = (typo is null ? null : parsed.Errors.FirstOrDefault(e => e.Message.Contains($"'{typo}'", StringComparison.Ordinal)))?.Message
            ?? parsed.Errors[0].Message;
        string commandPath = string.Join(' ', Path(parsed.CommandResult.Command));
        string hint = $"see '{commandPath} --help'";
        if (typo is not null && TypoHint.Closest(typo, CommandTree.OptionNames(parsed.CommandResult.Command)) is { } suggestion)
        {
            hint = $"did you mean {suggestion}? {hint}";
        }

        return new CliError("usage", message, hint, ExitCodes.InvalidInput);
    }

    private static List<string> Path(Command command)
    {
        var words = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            words.Insert(0, c is RootCommand ? "wotid" : c.Name);
        }

        return words;
    }

    private static List<ICliCommand> DiscoverCommands() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICliCommand).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
}
