using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid issuer init</c>: an issuer key, empty status list and its first status list credential.</summary>
internal sealed class IssuerInitCommand : IdentityCommand
{
    public override string Name => "issuer init";

    public override string Summary => "create an issuer identity (ML-DSA did:key) with a Bitstring Status List";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--alg", "ml-dsa-65|ml-dsa-44|ml-dsa-87|falcon-512", "signature algorithm (default ml-dsa-65; falcon-512 is EXPERIMENTAL)"),
        CliSymbols.Value("--status-url", "URL", $"status list credential URL (default {StatusListUrl.DefaultBase}<hash of the issuer DID>)"),
        CliSymbols.Flag("--force", "replace an existing issuer that has issued nothing yet"),
        CliSymbols.Flag("--discard-issued", "with --force: also discard the table of issued credentials (they can no longer be revoked)"),
        .. KdfOptions(),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        KeyAlgorithm algorithm = KeyAlgorithms.FromCliName(arguments.Get("alg") ?? "ml-dsa-65") is { } a && KeyAlgorithms.IsPostQuantum(a)
            ? a
            : throw new CliUsageException("--alg must be ml-dsa-65, ml-dsa-44, ml-dsa-87 or falcon-512");
        string? statusUrl = arguments.Get("status-url");
        bool force = arguments.Has("force");
        IdentityHome.RefuseExisting(IdentityHome.IssuerKey(context), force);
        int discarded = IssuedSoFar(context);
        if (discarded > 0 && !arguments.Has("discard-issued"))
        {
            throw new CliFailure(
                $"this issuer has issued {discarded} credential(s); a new issuer would discard their table and they could no longer be revoked",
                "keep this issuer, use another --home, or pass --force --discard-issued to discard them",
                "would-discard-issued",
                ExitCodes.InvalidInput);
        }

        int memory = KdfMemory(arguments);
        int iterations = KdfIterations(arguments);
        string passphrase = Passphrase.Read(context, confirm: true);
        using SigningKey key = SigningKey.Generate(algorithm);
        var issuer = new CredentialIssuer(key, new IssuerState(statusUrl ?? StatusListUrl.ForIssuer(key.Did)));
        IdentityHome.WritePrivate(IdentityHome.IssuerKey(context), EncryptedKeyFile.Create(key, passphrase, memory, iterations).ToJson(), force);
        IdentityHome.WritePrivate(IdentityHome.IssuerState(context), issuer.State.ToJson(), overwrite: true);
        IdentityHome.StatusLists(context).Put(issuer.State.StatusListUrl, issuer.IssueStatusListCredential());
        if (discarded > 0)
        {
            await context.Error.WriteLineAsync($"warning: discarded the table of {discarded} issued credential(s); they can no longer be revoked").ConfigureAwait(false);
        }

        await WriteAsync(
            context,
            new JsonObject
            {
                ["did"] = issuer.Did,
                ["alg"] = KeyAlgorithms.CliName(algorithm),
                ["statusListCredential"] = issuer.State.StatusListUrl,
                ["experimental"] = algorithm == KeyAlgorithm.Falcon512Experimental,
                ["discardedIssued"] = discarded,
            },
            $"{issuer.Did}\nstatus list: {issuer.State.StatusListUrl}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>How many credentials the existing issuer state lists (0 when there is none).</summary>
    private static int IssuedSoFar(CliContext context)
    {
        string path = IdentityHome.IssuerState(context);
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            return IssuerState.Parse(File.ReadAllText(path)).Issued.Count;
        }
        catch (System.FormatException ex)
        {
            throw new CliFailure($"issuer state {path} is damaged: {ex.Message}", "move it away to start a new issuer", "invalid-input", ExitCodes.InvalidInput);
        }
    }
}
