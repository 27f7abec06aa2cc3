// Reading standard input line by line in a way Ctrl+C can interrupt. A console read cannot be cancelled once it
// blocks, so the wait for the line is cancellable and the one pending read is left to end with the process (there is
// at most one: the next call starts only after the previous one completed or the command ended).
using System;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Cancellable line reads from standard input.</summary>
internal static class ConsoleLines
{
    /// <summary>The next line, or null at end of input.</summary>
    public static async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        Task<string?> read = Task.Run(Console.In.ReadLine, CancellationToken.None);
        await read.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await read.ConfigureAwait(false);
    }
}
