// `wotid mailbox use-iota --iota-rpc URL --package ID`: creates this profile's mailbox on the IOTA chain (a Mailbox
// object of the wotid_mailbox package, created through the given JSON-RPC endpoint and signed by the profile's
// mailbox account key, which pays the gas) and remembers it; invitations made afterwards name it, so contacts
// anywhere leave messages there while this node is offline (docs/mailbox.md "The IOTA mailbox in the node"). A
// running node of this profile picks it up at its next start.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;
using WotId.Node.IotaMailboxes;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid mailbox use-iota</c>.</summary>
internal sealed class MailboxUseIotaCommand : ICliCommand
{
    public string Name => "mailbox use-iota";

    public string Summary => "keep your mailbox on the IOTA chain (the wotid_mailbox package); invitations name it";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--iota-rpc", "URL", "the JSON-RPC endpoint of an IOTA full node (http or https)"),
        CliSymbols.Value("--package", "ID", "the published wotid_mailbox Move package id (0x…)"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        (Uri rpc, IotaAddress package) = Parse(arguments.Require("iota-rpc"), arguments.Require("package"));
        ProfileAccess.RequireProfile(context);
        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        IotaMailboxSettings settings = await CreateAsync(profile, rpc, package, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, settings).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The endpoint and package, or a usage error naming the bad one.</summary>
    internal static (Uri Rpc, IotaAddress Package) Parse(string rpc, string package)
    {
        if (!Uri.TryCreate(rpc, UriKind.Absolute, out Uri? endpoint) || !Profile.IsRpcEndpoint(endpoint))
        {
            throw new CliUsageException($"'{rpc}' is not an IOTA JSON-RPC endpoint", "pass an absolute http or https URL, e.g. https://api.testnet.iota.cafe");
        }

        if (!IotaAddress.TryParse(package, out IotaAddress id))
        {
            throw new CliUsageException($"'{package}' is not a package id", "pass the 0x… id of the published wotid_mailbox package");
        }

        return (endpoint, id);
    }

    /// <summary>Creates the mailbox on chain; maps refusals and an unreachable node to CLI failures.</summary>
    internal static async Task<IotaMailboxSettings> CreateAsync(Profile profile, Uri rpc, IotaAddress package, CancellationToken cancellationToken)
    {
        try
        {
            return await IotaMailboxSetup.UseIotaAsync(profile, rpc, package, cancellationToken).ConfigureAwait(false);
        }
        catch (MailboxException e)
        {
            throw new CliFailure("the IOTA node refused the mailbox or could not be reached: " + e.Message, "check --iota-rpc, --package and that the mailbox account has IOTA for gas (`wotid status`)", e.Error.ToString(), ExitCodes.Failed);
        }
    }

    internal static Task WriteAsync(CliContext context, IotaMailboxSettings settings)
    {
        var json = new JsonObject
        {
            ["kind"] = "iota",
            ["rpc"] = settings.Rpc.ToString(),
            ["package"] = settings.Package.ToString(),
            ["mailbox"] = settings.Handle.MailboxId.ToString(),
            ["cap"] = settings.Handle.CapId.ToString(),
        };
        string text = $"IOTA mailbox {settings.Handle.MailboxId}\nthrough {settings.Rpc} (package {settings.Package})\nnew invitations name it (`wotid invite`); restart a running node to claim it";
        return context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text);
    }
}
