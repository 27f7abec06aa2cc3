// `wotid trust add|list|remove`: the profile's list of credential issuers whose VerifiedHuman credentials the
// handshake accepts (docs/node.md "Handshake", check 3). A running node of the profile reads the list at every
// handshake, so a change counts from its next handshake on (LiveTrustList). `trust add --did-document FILE` also keeps
// the issuer's DID document in the profile; the node reads the kept documents when it starts.
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
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

        if (did is not null)
        {
            Validate(did);
        }

        ProfileAccess.RequireProfile(context);
        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        string text = Change(profile, did, arguments);
        IReadOnlyList<string> issuers = profile.GetTrustedIssuers();
        IReadOnlyDictionary<string, string> documents = profile.GetIssuerDocuments();
        var json = new JsonObject
        {
            ["trusted"] = new JsonArray(issuers.Select(i => (JsonNode)new JsonObject
            {
                ["did"] = i,
                ["fingerprint"] = DidFingerprint.Short(i),
                ["didDocument"] = documents.ContainsKey(i),
            }).ToArray()),
        };
        await context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Checks <paramref name="did"/> beyond its syntax before the profile is opened; throws <see cref="CliUsageException"/>.</summary>
    protected virtual void Validate(string did)
    {
    }

    /// <summary>Applies the change; returns the text to print.</summary>
    protected abstract string Change(Profile profile, string? did, CliArguments arguments);
}

/// <summary><c>wotid trust add ISSUER_DID</c>.</summary>
internal sealed class TrustAddCommand : TrustCommand
{
    public override string Name => "trust add";

    public override string Summary => "trust an issuer: accept contacts whose VerifiedHuman credential it issued";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("ISSUER_DID", "the issuer's DID"),
        CliSymbols.Value("--did-document", "FILE", "keep the issuer's DID document in the profile, so the node verifies it offline"),
    ];

    // A did:key must hold a key and a did:iota must name an object: a DID cut short when copied (they are 2,600
    // characters long) would otherwise be trusted and match no credential.
    protected override void Validate(string did)
    {
        if (did.StartsWith("did:key:", System.StringComparison.Ordinal))
        {
            try
            {
                DidKey.Parse(did);
            }
            catch (IdentityFormatException ex)
            {
                throw new CliUsageException($"'{DidText.Abbreviated(did)}' is not a valid did:key ({ex.Message})", "copy the issuer's whole DID, as `wotid issuer init` printed it (it is about 2,600 characters long)");
            }
        }
        else if (did.StartsWith("did:iota:", System.StringComparison.Ordinal) && !IotaDid.TryParse(did, out _))
        {
            throw new CliUsageException($"'{DidText.Abbreviated(did)}' is not a valid did:iota", "a did:iota is did:iota:[NETWORK:]0x and the Identity object id in hex");
        }
    }

    protected override string Change(Profile profile, string? did, CliArguments arguments)
    {
        string? document = arguments.Get("did-document") is string file ? ReadDocument(file, did!) : null;
        profile.TrustIssuer(did!);
        if (document is not null)
        {
            profile.SetIssuerDocument(did!, document);
        }

        return "trusted " + DidFingerprint.Short(did!) + (document is null ? string.Empty : " (DID document kept in the profile)");
    }

    // A DID document JSON file or IOTA Identity's {"doc","meta"} form, for exactly this DID (docs/credential.md "did:iota").
    private static string ReadDocument(string file, string did)
    {
        if (!File.Exists(file))
        {
            throw new CliFailure($"no file {file}", "pass the path of the issuer's DID document JSON file", "not-found", ExitCodes.InvalidInput);
        }

        DidDocument document;
        try
        {
            document = IotaDidDocumentJson.Parse(File.ReadAllText(file));
        }
        catch (IdentityFormatException ex)
        {
            throw new CliFailure($"{file} is not a usable DID document: {ex.Message}", "wot.id reads Multikey, JsonWebKey2020 (AKP, OKP) and CompositeJsonWebKey methods", "invalid-input", ExitCodes.InvalidInput);
        }

        return document.Id == did
            ? document.ToJson(VerificationMethodFormat.JsonWebKey)
            : throw new CliUsageException($"{file} is the DID document of {document.Id}, not of {did}");
    }
}

/// <summary><c>wotid trust remove ISSUER_DID</c>.</summary>
internal sealed class TrustRemoveCommand : TrustCommand
{
    public override string Name => "trust remove";

    public override string Summary => "stop trusting an issuer";

    public override IReadOnlyList<Symbol> Symbols { get; } = [CliSymbols.Positional("ISSUER_DID", "the issuer's DID")];

    protected override string Change(Profile profile, string? did, CliArguments arguments) =>
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

    protected override string Change(Profile profile, string? did, CliArguments arguments)
    {
        IReadOnlyList<string> issuers = profile.GetTrustedIssuers();
        return issuers.Count == 0
            ? "no trusted issuers (add one with `wotid trust add ISSUER_DID`)"
            : string.Join('\n', issuers.Select(i => $"{DidFingerprint.Short(i)}  {DidText.Abbreviated(i)}"));
    }
}
