using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Identity;

/// <summary>Base of the identity commands: turns <see cref="CliFailure"/> into exit code 1 and prints text or JSON.</summary>
internal abstract class IdentityCommand : ICliCommand, ICliSwitches
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract string Usage { get; }

    public virtual IReadOnlyCollection<string> Switches => ["force"];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(context, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (CliFailure ex)
        {
            if (context.Json)
            {
                await context.Output.WriteLineAsync(new JsonObject { ["error"] = ex.Message }.ToJsonString()).ConfigureAwait(false);
            }
            else
            {
                await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            }

            return 1;
        }
        catch (IOException ex)
        {
            await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    protected abstract Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken);

    /// <summary>Prints <paramref name="json"/> with --json, else <paramref name="text"/>.</summary>
    protected static Task WriteAsync(CliContext context, JsonObject json, string text) =>
        context.Output.WriteLineAsync(context.Json ? json.ToJsonString(s_indented) : text);

    protected static int KdfMemory(CliArguments a)
    {
        long m = a.GetInt64("kdf-memory", 64 * 1024);
        return m is >= 8 and <= 1024 * 1024 ? (int)m : throw new CliUsageException("--kdf-memory must be 8..1048576 KiB");
    }

    protected static int KdfIterations(CliArguments a)
    {
        long t = a.GetInt64("kdf-iterations", 3);
        return t is >= 1 and <= 16 ? (int)t : throw new CliUsageException("--kdf-iterations must be 1..16");
    }
}
