using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli;

/// <summary>
/// One <c>wotid</c> sub-command. Implementations are found by reflection, so a new command is one new file
/// under <c>Commands/</c> and needs no registration elsewhere.
/// </summary>
internal interface ICliCommand
{
    /// <summary>The words that select the command, e.g. <c>"net ping"</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help listing.</summary>
    string Summary { get; }

    /// <summary>Usage text printed for <c>--help</c> and on argument errors.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken);
}
