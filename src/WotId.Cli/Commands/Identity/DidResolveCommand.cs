// `wotid did resolve DID`: DID Resolution v0.3 through the CLI's resolver (did:key built in, --did-document
// files, did:iota over --iota-rpc). Prints the document; for did:iota also the on-chain metadata.
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did resolve</c>: resolves a DID and prints its document (exit 0), or why not (exit 1; 2 for a malformed DID).</summary>
internal sealed class DidResolveCommand : IdentityCommand
{
    public override string Name => "did resolve";

    public override string Summary => "resolve a DID (did:key; did:iota with --iota-rpc URL; any DID from --did-document FILE) and print its document";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("DID", "the DID to resolve"),
        .. DidResolverOptions.Symbols(),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string did = arguments.RequirePositional(0, "DID");
        (DidResolver resolver, IotaDidResolver? iota, IReadOnlySet<string> fromFiles) = DidResolverOptions.Build(arguments);
        IotaPackedDocument? packed = null;
        DidResolutionResult result;
        if (iota is not null && IotaDid.TryParse(did, out _) && !fromFiles.Contains(did))
        {
            IotaDidResolution resolution = await iota.ResolveIotaAsync(did, cancellationToken).ConfigureAwait(false);
            (result, packed) = (resolution.Result, resolution.Packed);
        }
        else
        {
            result = await resolver.ResolveAsync(did, cancellationToken).ConfigureAwait(false);
        }

        var json = new JsonObject
        {
            ["did"] = did,
            ["resolved"] = result.Error == DidResolutionError.None,
            ["error"] = result.Error == DidResolutionError.None ? null : result.Error.ToString(),
            ["message"] = result.Message.Length == 0 ? null : result.Message,
            ["document"] = packed is not null ? JsonNode.Parse(packed.DocumentJson) : result.Document is null ? null : JsonNode.Parse(result.Document.ToJson()),
        };
        if (packed is not null)
        {
            json["metadata"] = new JsonObject
            {
                ["created"] = packed.Metadata.Created is { } c ? IotaDocumentMetadata.FormatTimestamp(c) : null,
                ["updated"] = packed.Metadata.Updated is { } u ? IotaDocumentMetadata.FormatTimestamp(u) : null,
                ["deactivated"] = packed.IsDeactivated,
            };
        }

        string text = result.Error == DidResolutionError.None
            ? (packed is not null ? JsonNode.Parse(packed.DocumentJson)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : result.Document!.ToJson(indented: true))
            : $"not resolved: {result.Error}: {result.Message}; {DidResolverOptions.Hint(did)}";
        await WriteAsync(context, json, text).ConfigureAwait(false);
        return result.Error switch
        {
            DidResolutionError.None => ExitCodes.Ok,
            DidResolutionError.InvalidDid => ExitCodes.InvalidInput,
            _ => ExitCodes.Failed,
        };
    }
}
