// `wotid trust add|list|remove`: the profile's list of credential issuers whose VerifiedHuman credentials the
// handshake accepts (docs/node.md "Handshake", check 3). A running node of the profile reads the list at every
// handshake, so a change counts from its next handshake on (LiveTrustList).
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Node.Invitations;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Shared steps of the trust verbs.</summary>
internal abstract class TrustCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<Symbol> Symbols { get; }

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string? did = arguments.Positional.Count > 0 ? arguments.Positional[0] : null;
        if (did is not null && !DidSyntax.IsDid(did))
        {
            throw new CliUsageException($"'{did}' is not a DID", "pass the issuer's DID (did:key:…), as `wotid issuer init` printed it");
        }

        ProfileAccess.RequireProfile(context);
        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        string text = Change(profile, did);
        IReadOnlyList<string> issuers = profile.GetTrustedIssuers();
        var json = new JsonObject
        {
            ["trusted"] = new JsonArray(issuers.Select(i => (JsonNode)new JsonObject { ["did"] = i, ["fingerprint"] = DidFingerprint.Short(i) }).ToArray()),
        };
        await context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Applies the change; returns the text to print.</summary>
    protected abstract string Change(Profile profile, string? did);
}

/// <summary><c>wotid trust add ISSUER_DID</c>.</summary>
internal sealed class TrustAddCommand : TrustCommand
{
    public override string Name => "trust add";

    public override string Summary => "trust an issuer: accept contacts whose VerifiedHuman credential it issued";

    public override IReadOnlyList<Symbol> Symbols { get; } = [CliSymbols.Positional("ISSUER_DID", "the issuer's DID")];

    protected override string Change(Profile profile, string? did)
    {
        profile.TrustIssuer(did!);
        return "trusted " + DidFingerprint.Short(did!);
    }
}

/// <summary><c>wotid trust remove ISSUER_DID</c>.</summary>
internal sealed class TrustRemoveCommand : TrustCommand
{
    public override string Name => "trust remove";

    public override string Summary => "stop trusting an issuer";

    public override IReadOnlyList<Symbol> Symbols { get; } = [CliSymbols.Positional("ISSUER_DID", "the issuer's DID")];

    protected override string Change(Profile profile, string? did) =>
        profile.DistrustIssuer(did!)
            ? "no longer trusted: " + DidFingerprint.Short(did!)
            : throw new CliFailure("that issuer is not in the trust list", "see `wotid trust list`", "not-found", ExitCodes.InvalidInput);
}

/// <summary><c>wotid trust list</c>.</summary>
internal sealed class TrustListCommand : TrustCommand
{
    public override string Name => "trust list";

    public override string Summary => "the issuers you trust (fingerprint and DID)";

    public override IReadOnlyList<Symbol> Symbols { get; } = [];

    protected override string Change(Profile profile, string? did)
    {
        IReadOnlyList<string> issuers = profile.GetTrustedIssuers();
        return issuers.Count == 0
            ? "no trusted issuers (add one with `wotid trust add ISSUER_DID`)"
            : string.Join('\n', issuers.Select(i => $"{DidFingerprint.Short(i)}  {Abbreviate(i)}"));
    }

    private static string Abbreviate(string did) => did.Length <= 60 ? did : did[..40] + "…" + did[^12..];
}
