// `wotid mailbox use-host MULTIADDR`: creates this profile's mailbox on a mailbox host (a node run with
// `wotid run --host-mailboxes`) and remembers it; invitations made afterwards name it, so contacts on other machines
// leave messages there while this node is offline (docs/mailbox.md "Hosted mailboxes"). A running node of this
// profile picks it up at its next start.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Node.HostedMailboxes;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid mailbox use-host MULTIADDR</c>.</summary>
internal sealed class MailboxUseHostCommand : ICliCommand
{
    public string Name => "mailbox use-host";

    public string Summary => "keep your mailbox on a mailbox host (a node run with --host-mailboxes); invitations name it";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("MULTIADDR", "the host's address ending in /p2p/PEER_ID (as its `wotid status` prints it)"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string address = arguments.Positional.Count > 0 ? arguments.Positional[0] : throw new CliUsageException("name the mailbox host: MULTIADDR ending in /p2p/PEER_ID");
        ProfileAccess.RequireProfile(context);
        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        HostedMailboxSettings settings = await CreateAsync(profile, address, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, settings).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Creates the mailbox on the host; maps bad addresses and refusals to CLI failures.</summary>
    internal static async Task<HostedMailboxSettings> CreateAsync(Profile profile, string address, CancellationToken cancellationToken)
    {
        try
        {
            return await HostedMailboxSetup.UseHostAsync(profile, address, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliUsageException($"'{address}' is not a mailbox host address: {e.Message}", "use the host's multiaddr ending in /p2p/PEER_ID");
        }
        catch (MailboxException e)
        {
            throw new CliFailure("the mailbox host refused or could not be reached: " + e.Message, "check the address and that the host runs `wotid run --host-mailboxes`", e.Error.ToString(), ExitCodes.Failed);
        }
    }

    internal static Task WriteAsync(CliContext context, HostedMailboxSettings settings)
    {
        var json = new JsonObject
        {
            ["kind"] = "hosted",
            ["host"] = settings.HostAddress,
            ["mailbox"] = settings.Handle.MailboxId.ToString(),
            ["cap"] = settings.Handle.CapId.ToString(),
        };
        string text = $"hosted mailbox {settings.Handle.MailboxId}\non host {settings.HostAddress}\nnew invitations name it (`wotid invite`); restart a running node to claim it";
        return context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text);
    }
}
