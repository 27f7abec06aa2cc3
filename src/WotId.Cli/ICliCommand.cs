using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli;

/// <summary>
/// One <c>wotid</c> sub-command. Implementations are found by reflection, so a new command is one new file
/// under <c>Commands/</c> and needs no registration elsewhere; <see cref="CommandTree"/> turns it into a
/// System.CommandLine command (parsing, help, completion, unknown-option errors).
/// </summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>"net ping"</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help listing.</summary>
    string Summary { get; }

    /// <summary>The command's own options and arguments (built with <see cref="CliSymbols"/>); the global ones are added for it.</summary>
    IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>False for commands that keep no state: they reject <c>--home</c> instead of ignoring it.</summary>
    bool UsesHome => true;

    /// <summary>Runs the command; returns one of <see cref="ExitCodes"/>.</summary>
    Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken);
}
