using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid issuer revoke</c>: sets the credential's revocation bit and republishes the status list.</summary>
internal sealed class IssuerRevokeCommand : IdentityCommand
{
    public override string Name => "issuer revoke";

    public override string Summary => "revoke a credential issued here (updates the status list credential)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CREDENTIAL_ID", "the credential id printed by `wotid issuer issue` (urn:uuid:…)"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string id = arguments.RequirePositional(0, "CREDENTIAL_ID");
        using var session = new IssuerSession(context);
        if (!session.Issuer.Revoke(id))
        {
            throw new CliFailure($"no credential {id} was issued here", "pass the id printed by `wotid issuer issue` in this --home", "not-found", ExitCodes.InvalidInput);
        }

        session.Save();
        await WriteAsync(
            context,
            new JsonObject { ["revoked"] = id, ["statusIndex"] = session.Issuer.State.Issued[id], ["statusListCredential"] = session.Issuer.State.StatusListUrl },
            "revoked " + id).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
