// The resolver options shared by `wotid did resolve` and `wotid vc verify`: did:key always, DID documents from
// files (--did-document FILE, repeatable; plain DID document JSON or IOTA Identity's {"doc","meta"} form), and
// did:iota through an IOTA node's JSON-RPC (--iota-rpc URL).
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Node.IotaDids;

namespace WotId.Cli.Commands.Identity;

/// <summary>Builds a <see cref="DidResolver"/> from <c>--did-document</c> and <c>--iota-rpc</c>.</summary>
internal static class DidResolverOptions
{
    public static Symbol[] Symbols() =>
    [
        CliSymbols.Value("--iota-rpc", "URL", "resolve did:iota through this IOTA node's JSON-RPC"),
        CliSymbols.Values("--did-document", "FILE", "a DID document to use for its DID, offline (repeatable)"),
    ];

    public static (DidResolver Resolver, IotaDidResolver? Iota, IReadOnlySet<string> FromFiles) Build(CliArguments arguments, bool allowExperimentalFalcon = false)
    {
        var resolver = new DidResolver(allowExperimentalFalcon);
        var fromFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in arguments.GetAll("did-document"))
        {
            if (!File.Exists(file))
            {
                throw new CliFailure($"no file {file}", "pass the path of a DID document JSON file", "not-found", ExitCodes.InvalidInput);
            }

            try
            {
                DidDocument document = IotaDidDocumentJson.Parse(File.ReadAllText(file));
                resolver.Add(document);
                fromFiles.Add(document.Id);
            }
            catch (IdentityFormatException ex)
            {
                throw new CliFailure($"{file} is not a usable DID document: {ex.Message}", "wot.id reads Multikey, JsonWebKey2020 (AKP, OKP) and CompositeJsonWebKey methods", "invalid-input", ExitCodes.InvalidInput);
            }
        }

        IotaDidResolver? iota = null;
        if (arguments.Get("iota-rpc") is string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? rpc) || (rpc.Scheme != Uri.UriSchemeHttp && rpc.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException("--iota-rpc must be an http(s) URL");
            }

            iota = IotaRpcObjectReader.CreateResolver(rpc);
            resolver.Register("iota", iota);
        }

        return (resolver, iota, fromFiles);
    }

    /// <summary>The hint for an unresolvable DID.</summary>
    public static string Hint(string did) => did.StartsWith(IotaDid.Prefix, StringComparison.Ordinal)
        ? "pass --iota-rpc URL (an IOTA node) or --did-document FILE"
        : "pass --did-document FILE for DIDs other than did:key and did:iota";
}
