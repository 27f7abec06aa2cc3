// `wotid credential import FILE`: stores the profile's VerifiedHuman credential (the vc+jwt `wotid issuer issue`
// writes). Before anything is stored: the file parses as a vc+jwt, is signed by its issuer, is a
// VerifiedHumanCredential inside its validity period, and its subject is this profile's DID. Revocation is not
// checked here (peers check it at every handshake); whether the issuer is trusted is each contact's decision.
// When a node runs for the profile the credential goes to it through the control API: it makes the same checks,
// stores it and presents it from its next handshake on (docs/node.md "Credential"), and no passphrase is asked.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;
using WotId.Identity.Verification;
using WotId.Node.Api;
using WotId.Node.Invitations;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid credential import</c>.</summary>
internal sealed class CredentialImportCommand : ICliCommand
{
    public string Name => "credential import";

    public string Summary => "store your VerifiedHuman credential (the vc+jwt from `wotid issuer issue`); its subject must be your DID";

    public IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("FILE", "the credential JWS file, or - for standard input"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string source = arguments.RequirePositional(0, "FILE");
        if (source != "-" && !File.Exists(source))
        {
            throw new CliFailure($"no file {source}", "pass the file `wotid issuer issue --out FILE` wrote", "not-found", ExitCodes.InvalidInput);
        }

        if (source != "-" && new FileInfo(source).Length > Profile.MaxCredentialLength)
        {
            throw new CliFailure($"{source} is larger than a credential can be ({Profile.MaxCredentialLength} bytes)", null, "invalid-credential", ExitCodes.InvalidInput);
        }

        string jws = (source == "-"
            ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
            : await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false)).Trim();
        string issuer = IssuerOf(jws);
        ProfileAccess.RequireProfile(context);
        if (await NodeSession.ConnectAsync(context, cancellationToken).ConfigureAwait(false) is { } running)
        {
            await using (running.ConfigureAwait(false))
            {
                ImportedCredential imported = await running.ImportCredentialAsync(jws, cancellationToken).ConfigureAwait(false);
                await WriteAsync(context, imported.Id, issuer, imported.ValidFrom, imported.ValidUntil, imported.IssuerTrusted, running: true).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
        }

        using Profile profile = await ProfileAccess.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        var policy = new VerifierPolicy { TrustedIssuers = [issuer], RequireStatusCheck = false };
        var verifier = new CredentialVerifier(new DidResolver(), new LocalStatusListCache());
        VerificationResult result = await verifier.VerifyCredentialAsync(jws, policy, profile.Did, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            string hint = result.Failure == VerificationFailure.WrongSubject
                ? $"this credential was issued to another DID; ask the issuer for one with --subject set to your DID (fingerprint {DidFingerprint.Short(profile.Did)})"
                : Identity.VcVerifyCommand.HintFor(result.Failure) ?? "ask the issuer for a new credential";
            throw new CliFailure($"credential not imported: {result.Failure}: {result.Detail}", hint, "invalid-credential", ExitCodes.VerificationFailed);
        }

        profile.SetCredential(jws);
        Credential credential = result.Credential!;
        bool trusted = System.Linq.Enumerable.Contains(profile.GetTrustedIssuers(), issuer);
        await WriteAsync(context, credential.Id, issuer, credential.ValidFrom, credential.ValidUntil, trusted, running: false).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static Task WriteAsync(CliContext context, string? id, string issuer, DateTimeOffset? validFrom, DateTimeOffset? validUntil, bool trusted, bool running)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["issuer"] = issuer,
            ["issuerFingerprint"] = DidFingerprint.Short(issuer),
            ["validFrom"] = validFrom,
            ["validUntil"] = validUntil,
            ["issuerTrusted"] = trusted,
            ["runningNode"] = running,
        };
        string text = $"imported credential {id}\nissuer: {DidFingerprint.Short(issuer)}"
            + (validUntil is { } until ? $"\nvalid until: {until:yyyy-MM-dd}" : string.Empty)
            + (running ? "\nthe running node presents it from its next handshake on" : string.Empty)
            + (trusted ? string.Empty : "\nto accept contacts with credentials from the same issuer: wotid trust add " + issuer);
        return context.Output.WriteLineAsync(context.Json ? json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) : text);
    }

    /// <summary>The issuer DID of a vc+jwt, or the <c>invalid-credential</c> error (before the passphrase is asked).</summary>
    private static string IssuerOf(string jws)
    {
        try
        {
            CompactJws parsed = CompactJws.Parse(jws);
            if (parsed.Header.Typ != CredentialTerms.VcJwtType)
            {
                throw new CliFailure("not a credential: the JWS type is not vc+jwt", "pass the file `wotid issuer issue --out FILE` wrote", "invalid-credential", ExitCodes.InvalidInput);
            }

            return Credential.Parse(parsed.Payload).Issuer;
        }
        catch (IdentityFormatException ex)
        {
            throw new CliFailure($"not a credential: {ex.Message}", "pass the file `wotid issuer issue --out FILE` wrote (a vc+jwt)", "invalid-credential", ExitCodes.InvalidInput);
        }
    }
}
