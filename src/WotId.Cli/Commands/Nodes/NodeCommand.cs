// Base of the verbs that work through a node (status, invite, contact…, send, inbox): arguments are checked first,
// then the node is opened (NodeSession: the running one, or one started for this command) and disposed at the end.
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary>A verb that talks to the profile's node.</summary>
internal abstract class NodeCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<Symbol> Symbols { get; }

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        Validate(arguments);
        ProfileAccess.RequireProfile(context);
        IWotIdNode node = await NodeSession.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            return await ExecuteAsync(context, node, arguments, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks the arguments before the (costly) node is opened; throws <see cref="CliUsageException"/>.</summary>
    protected virtual void Validate(CliArguments arguments)
    {
    }

    protected abstract Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken);

    /// <summary>Prints the JSON of <paramref name="value"/> with --json, else <paramref name="text"/>.</summary>
    protected static async Task WriteAsync<T>(CliContext context, T value, string text)
    {
        await context.Output.WriteLineAsync(context.Json ? NodeJson.Indented(value) : text).ConfigureAwait(false);
        await context.Output.FlushAsync().ConfigureAwait(false);
    }
}
