// How a networked verb gets a node (docs/node.md "Node facade"): the node already running for the profile, reached
// through its control API, or else a node started in this process for the duration of the command (profile opened
// with the passphrase). Either way the verb sees only IWotIdNode, so it behaves the same.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Identity;
using WotId.Node.Api;
using WotId.Node.Control;
using WotId.Node.Runtime;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Opens the node a verb talks to.</summary>
internal static class NodeSession
{
    /// <summary>The running node of the profile in <c>--home</c>, or a node started here (dispose it to stop it).</summary>
    public static async Task<IWotIdNode> OpenAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (await ConnectAsync(context, cancellationToken).ConfigureAwait(false) is { } running)
        {
            return running;
        }

        return await StartAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The node running for the profile, or null when none answers on the control API.</summary>
    public static async Task<IWotIdNode?> ConnectAsync(CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await ControlApiClient.TryConnectAsync(context.Home, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // A build without the control API: every verb starts its own node.
            return null;
        }
    }

    /// <summary>Opens the profile (passphrase) and starts a node in this process; the node owns the profile.</summary>
    public static Task<WotIdNode> StartAsync(CliContext context, CancellationToken cancellationToken) =>
        StartAsync(context, new NodeOptions { LoggerFactory = context.Loggers }, cancellationToken);

    /// <summary>Opens the profile (passphrase) and starts a node with <paramref name="options"/>; the node owns the profile.</summary>
    public static async Task<WotIdNode> StartAsync(CliContext context, NodeOptions options, CancellationToken cancellationToken)
    {
        WotId.Node.Profile.Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        return await StartAsync(profile, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a node on the opened <paramref name="profile"/>, which it owns from then on (disposed here on failure).</summary>
    public static async Task<WotIdNode> StartAsync(WotId.Node.Profile.Profile profile, NodeOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await WotIdNode.StartAsync(profile, options, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException ex)
        {
            profile.Dispose();
            throw new CliFailure(ex.Message, "this build has no node runtime yet", "not-supported", ExitCodes.Failed);
        }
        catch
        {
            profile.Dispose();
            throw;
        }
    }
}
