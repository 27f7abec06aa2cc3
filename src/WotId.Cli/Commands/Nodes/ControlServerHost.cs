// Starts the control API of a running node (`wotid run`). Until the control API server is part of the build it
// serves nothing: other verbs of the profile then fail to start their own node with already-running (the profile
// lock), which is reported with its hint.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary>The control API of <c>wotid run</c>.</summary>
internal static class ControlServerHost
{
    /// <summary>Starts the control API for <paramref name="node"/>; null when this build has none.</summary>
    public static Task<IAsyncDisposable?> StartAsync(IWotIdNode node, string home, bool tcp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrEmpty(home);
        cancellationToken.ThrowIfCancellationRequested();
        if (tcp)
        {
            throw new CliFailure("--tcp-control needs the control API, which this build does not have", null, "not-supported", ExitCodes.Failed);
        }

        return Task.FromResult<IAsyncDisposable?>(null);
    }
}
