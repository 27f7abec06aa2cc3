using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Keys;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did show</c>: the DID, DID document and public JWK of a key file (no passphrase needed).</summary>
internal sealed class DidShowCommand : IdentityCommand
{
    public override string Name => "did show";

    public override string Summary => "print the DID, DID document and public key of a key file (no passphrase needed)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("FILE", "key file (default HOME/identity.key)", required: false),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string path = arguments.Positional.Count > 0 ? arguments.Positional[0] : IdentityHome.HolderKey(context);
        EncryptedKeyFile file = IdentityHome.ReadKeyFile(path);
        DidDocument document = DidKeyResolver.CreateDocument(file.Did);
        DidPublicKey key = document.VerificationMethods[0].PublicKey;
        var json = new JsonObject
        {
            ["did"] = file.Did,
            ["alg"] = KeyAlgorithms.CliName(file.Algorithm),
            ["keyId"] = document.VerificationMethods[0].Id,
            ["document"] = JsonNode.Parse(document.ToJson()),
        };
        if (KeyAlgorithms.IsPostQuantum(key.Algorithm))
        {
            json["jwk"] = JsonNode.Parse(AkpJwk.ToJson(key));
        }

        string text = $"did:      {file.Did}\nalg:      {KeyAlgorithms.CliName(file.Algorithm)}\nkey id:   {document.VerificationMethods[0].Id}\ndocument: {document.ToJson(indented: true)}";
        await WriteAsync(context, json, text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
