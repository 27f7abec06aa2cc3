using System;
using System.Collections.Generic;
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

    public override string Summary => "verify a credential JWS: prints the verdict and the reason";

    public override string Usage =>
        "usage: wotid vc verify FILE|- [--trust ISSUER_DID]... [--subject DID] [--max-age-days N] [--no-status] [--allow-falcon] [--home DIR] [--json]\n" +
        "  status lists come from HOME/status (written by `wotid issuer`); exit code 0 = valid, 1 = invalid";

    public override IReadOnlyCollection<string> Switches => ["no-status", "allow-falcon"];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string source = arguments.RequirePositional(0, "FILE");
        string jws = (source == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
            : File.Exists(source) ? await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false) : throw new CliFailure($"no file {source}")).Trim();
        long maxAge = arguments.GetInt64("max-age-days", 0);
        var policy = new VerifierPolicy
        {
            TrustedIssuers = arguments.GetAll("trust").ToArray(),
            RequireStatusCheck = !arguments.Has("no-status"),
            AllowExperimentalFalcon = arguments.Has("allow-falcon"),
            MaxCredentialAge = maxAge > 0 ? TimeSpan.FromDays(maxAge) : null,
        };
        var verifier = new CredentialVerifier(new DidResolver(policy.AllowExperimentalFalcon), IdentityHome.StatusLists(context));
        VerificationResult result = await verifier.VerifyCredentialAsync(jws, policy, arguments.Get("subject"), cancellationToken).ConfigureAwait(false);
        var json = new JsonObject
        {
            ["valid"] = result.IsValid,
            ["reason"] = result.Failure.ToString(),
            ["detail"] = result.Detail,
            ["id"] = result.Credential?.Id,
            ["issuer"] = result.Credential?.Issuer,
            ["subject"] = result.Credential?.SubjectId,
        };
        string text = result.IsValid
            ? $"valid: {result.Credential!.Id} issued by {result.Credential.Issuer} to {result.Credential.SubjectId}"
            : $"invalid: {result.Failure}: {result.Detail}";
        await WriteAsync(context, json, text).ConfigureAwait(false);
        return result.IsValid ? 0 : 1;
    }
}
