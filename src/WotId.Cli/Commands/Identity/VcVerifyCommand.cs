using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Verification;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid vc verify</c>: verifies a vc+jwt against trusted issuers and the local status lists.</summary>
internal sealed class VcVerifyCommand : IdentityCommand
{
    public override string Name => "vc verify";

    public override string Summary =>
        "verify a credential JWS: prints the verdict and the reason (exit 0 valid, 4 invalid); status lists come from HOME/status; did:iota issuers via --iota-rpc or --did-document";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("FILE", "the credential JWS, or - for standard input"),
        CliSymbols.Values("--trust", "ISSUER_DID", "an issuer to trust (repeatable)"),
        CliSymbols.Value("--subject", "DID", "require this holder"),
        CliSymbols.Value("--max-age-days", "N", "reject credentials issued more than N days ago"),
        CliSymbols.Flag("--no-status", "skip the revocation check (no status list needed)"),
        CliSymbols.Flag("--allow-falcon", "accept EXPERIMENTAL Falcon-512 issuers"),
        .. DidResolverOptions.Symbols(),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string source = arguments.RequirePositional(0, "FILE");
        if (source != "-" && !File.Exists(source))
        {
            throw new CliFailure($"no file {source}", "pass the path of a credential JWS, or - to read standard input", "not-found", ExitCodes.InvalidInput);
        }

        string jws = (source == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
            : await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false)).Trim();
        long maxAge = arguments.GetInt64("max-age-days", 0);
        var policy = new VerifierPolicy
        {
            TrustedIssuers = arguments.GetAll("trust").ToArray(),
            RequireStatusCheck = !arguments.Has("no-status"),
            AllowExperimentalFalcon = arguments.Has("allow-falcon"),
            MaxCredentialAge = maxAge > 0 ? TimeSpan.FromDays(maxAge) : null,
        };
        (DidResolver resolver, _, _) = DidResolverOptions.Build(arguments, policy.AllowExperimentalFalcon);
        var verifier = new CredentialVerifier(resolver, IdentityHome.StatusLists(context));
        VerificationResult result = await verifier.VerifyCredentialAsync(jws, policy, arguments.Get("subject"), cancellationToken).ConfigureAwait(false);
        string? hint = HintFor(result.Failure);
        var json = new JsonObject
        {
            ["valid"] = result.IsValid,
            ["reason"] = result.Failure.ToString(),
            ["detail"] = result.Detail,
            ["hint"] = hint,
            ["id"] = result.Credential?.Id,
            ["issuer"] = result.Credential?.Issuer,
            ["subject"] = result.Credential?.SubjectId,
        };
        string text = result.IsValid
            ? $"valid: {result.Credential!.Id} issued by {result.Credential.Issuer} to {result.Credential.SubjectId}"
            : $"invalid: {result.Failure}: {result.Detail}" + (hint is null ? string.Empty : "; " + hint);
        await WriteAsync(context, json, text).ConfigureAwait(false);
        return result.IsValid ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    /// <summary>What the user can do about a failure, where there is something to do.</summary>
    internal static string? HintFor(VerificationFailure failure) => failure switch
    {
        VerificationFailure.UnknownIssuer => "issuer is not trusted: pass --trust DID",
        VerificationFailure.StatusUnavailable => "status list unavailable: fetch it into HOME/status or pass --no-status",
        VerificationFailure.MalformedInput => "the file is not a vc+jwt credential",
        VerificationFailure.WrongSubject => "the credential belongs to another holder than --subject",
        VerificationFailure.AlgorithmNotAllowed => "pass --allow-falcon to accept EXPERIMENTAL Falcon-512 issuers",
        VerificationFailure.Expired => "ask the issuer for a new credential",
        VerificationFailure.NotYetValid => "check this computer's clock",
        VerificationFailure.DidUnresolvable => "for did:iota issuers pass --iota-rpc URL or --did-document FILE",
        _ => null,
    };
}
