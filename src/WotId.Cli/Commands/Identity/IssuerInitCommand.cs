using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid issuer init</c>: an issuer key, empty status list and its first status list credential.</summary>
internal sealed class IssuerInitCommand : IdentityCommand
{
    public override string Name => "issuer init";

    public override string Summary => "create an issuer identity (ML-DSA did:key) with a Bitstring Status List";

    public override string Usage =>
        "usage: wotid issuer init [--alg ml-dsa-65|ml-dsa-44|ml-dsa-87|falcon-512] [--status-url URL] [--force] [--kdf-memory KiB] [--kdf-iterations N] [--home DIR] [--json]\n" +
        "  falcon-512 is EXPERIMENTAL (round-3 Falcon, no registered JOSE alg)";

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        KeyAlgorithm algorithm = KeyAlgorithms.FromCliName(arguments.Get("alg") ?? "ml-dsa-65") is { } a && KeyAlgorithms.IsPostQuantum(a)
            ? a
            : throw new CliUsageException("--alg must be ml-dsa-65, ml-dsa-44, ml-dsa-87 or falcon-512");
        string statusUrl = arguments.Get("status-url") ?? IdentityHome.DefaultStatusUrl;
        bool force = arguments.Has("force");
        if (!force && File.Exists(IdentityHome.IssuerKey(context)))
        {
            throw new CliFailure($"{IdentityHome.IssuerKey(context)} exists (use --force to replace it)");
        }

        int memory = KdfMemory(arguments);
        int iterations = KdfIterations(arguments);
        string passphrase = Passphrase.Read(context, confirm: true);
        using SigningKey key = SigningKey.Generate(algorithm);
        var issuer = new CredentialIssuer(key, new IssuerState(statusUrl));
        IdentityHome.WritePrivate(IdentityHome.IssuerKey(context), EncryptedKeyFile.Create(key, passphrase, memory, iterations).ToJson(), force);
        IdentityHome.WritePrivate(IdentityHome.IssuerState(context), issuer.State.ToJson(), overwrite: true);
        IdentityHome.StatusLists(context).Put(statusUrl, issuer.IssueStatusListCredential());
        await WriteAsync(
            context,
            new JsonObject { ["did"] = issuer.Did, ["alg"] = KeyAlgorithms.CliName(algorithm), ["statusListCredential"] = statusUrl, ["experimental"] = algorithm == KeyAlgorithm.Falcon512Experimental },
            issuer.Did).ConfigureAwait(false);
        return 0;
    }
}
