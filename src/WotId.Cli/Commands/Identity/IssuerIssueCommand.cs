// `wotid issuer issue`: signs a VerifiedHumanCredential for a subject DID. The JWS goes to standard output (with the
// credential id on standard error), so `> vc.jws` keeps only the credential; with --out FILE it is written to FILE and
// the output says where, with the credential's id and subject, instead. --json prints the same object either way.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;

namespace WotId.Cli.Commands.Identity;

/// <summary><c>wotid issuer issue</c>: a VerifiedHumanCredential (vc+jwt) for a subject DID.</summary>
internal sealed class IssuerIssueCommand : IdentityCommand
{
    public override string Name => "issuer issue";

    public override string Summary => "issue a VerifiedHumanCredential to a DID (prints the JWS, or writes it to --out FILE)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--subject", "DID", "the holder's DID (required)"),
        CliSymbols.Value("--valid-days", "N", "validity in days, 1..3650 (default 365)"),
        CliSymbols.Value("--level", "in-person|video|document|peer", "how the human was verified (default in-person)"),
        CliSymbols.Value("--out", "FILE", "write the credential JWS to FILE instead of printing it (--json still includes it)"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string subject = arguments.Require("subject");
        if (!DidSyntax.IsDid(subject))
        {
            throw new CliUsageException($"--subject must be a DID, not '{subject}'", "pass the holder's did:key (see `wotid did show`)");
        }

        long days = arguments.GetInt64("valid-days", 365);
        if (days is < 1 or > 3650)
        {
            throw new CliUsageException("--valid-days must be 1..3650");
        }

        string level = arguments.Get("level") ?? "in-person";
        if (level is not ("in-person" or "video" or "document" or "peer"))
        {
            throw new CliUsageException("--level must be in-person, video, document or peer");
        }

        using var session = new IssuerSession(context);
        IssuedCredential credential = session.Issuer.IssueVerifiedHuman(subject, TimeSpan.FromDays(days), level);
        session.Save();
        string? outPath = arguments.Get("out");
        if (outPath is not null)
        {
            await File.WriteAllTextAsync(outPath, credential.Jws + "\n", cancellationToken).ConfigureAwait(false);
        }

        string text = outPath is null
            ? credential.Jws
            : $"wrote credential {credential.Id} for {DidText.Abbreviated(subject)} to {outPath}";
        await WriteAsync(
            context,
            new JsonObject { ["id"] = credential.Id, ["issuer"] = session.Issuer.Did, ["subject"] = subject, ["statusIndex"] = credential.StatusIndex, ["jws"] = credential.Jws },
            text).ConfigureAwait(false);
        if (!context.Json && outPath is null)
        {
            await context.Error.WriteLineAsync("credential id: " + credential.Id).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
