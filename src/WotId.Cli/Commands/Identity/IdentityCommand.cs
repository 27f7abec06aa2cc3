using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Identity;

/// <summary>Base of the identity commands: text or JSON output and the key-derivation options.</summary>
internal abstract class IdentityCommand : ICliCommand
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<Symbol> Symbols { get; }

    public Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken) =>
        ExecuteAsync(context, arguments, cancellationToken);

    protected abstract Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken);

    /// <summary>The Argon2id cost options of commands that write a key file.</summary>
    protected static Symbol[] KdfOptions() =>
    [
        CliSymbols.Value("--kdf-memory", "KiB", "Argon2id memory for the key file, 8..1048576 KiB (default 65536)"),
        CliSymbols.Value("--kdf-iterations", "N", "Argon2id passes, 1..16 (default 3)"),
    ];

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
