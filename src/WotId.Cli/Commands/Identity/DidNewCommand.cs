using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Keys;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid did new</c>: a new did:key with its encrypted key file.</summary>
internal sealed class DidNewCommand : IdentityCommand
{
    public override string Name => "did new";

    public override string Summary =>
        "create a did:key (ML-DSA-65 by default) and its passphrase-encrypted key file (passphrase from WOTID_PASSPHRASE or the terminal, "
        + $"at least {Passphrase.MinimumLength} characters)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--alg", "ml-dsa-65|ml-dsa-44|ml-dsa-87|ed25519", "signature algorithm (default ml-dsa-65)"),
        CliSymbols.Value("--out", "FILE", "key file to write (default HOME/identity.key)"),
        CliSymbols.Flag("--force", "replace an existing key file (its identity is lost)"),
        .. KdfOptions(),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string algName = arguments.Get("alg") ?? "ml-dsa-65";
        KeyAlgorithm algorithm = KeyAlgorithms.FromCliName(algName) is { } a && a is KeyAlgorithm.MLDsa44 or KeyAlgorithm.MLDsa65 or KeyAlgorithm.MLDsa87 or KeyAlgorithm.Ed25519
            ? a
            : throw new CliUsageException("--alg must be ml-dsa-65, ml-dsa-44, ml-dsa-87 or ed25519");
        string path = Path.GetFullPath(arguments.Get("out") ?? IdentityHome.HolderKey(context));
        bool force = arguments.Has("force");

        // Everything cheap is checked before the passphrase, key generation and Argon2id.
        IdentityHome.RefuseExisting(path, force);
        int memory = KdfMemory(arguments);
        int iterations = KdfIterations(arguments);
        string passphrase = Passphrase.Read(context, confirm: true);
        using SigningKey key = SigningKey.Generate(algorithm);
        EncryptedKeyFile file = EncryptedKeyFile.Create(key, passphrase, memory, iterations);
        IdentityHome.WritePrivate(path, file.ToJson(), force);
        await WriteAsync(
            context,
            new JsonObject { ["did"] = key.Did, ["alg"] = KeyAlgorithms.CliName(algorithm), ["keyId"] = key.KeyId, ["file"] = path },
            $"{key.Did}\nkey file: {path}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
