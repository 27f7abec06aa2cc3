using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Invitations;

namespace WotId.Cli.Commands.Nodes;

/// <summary>
/// <c>wotid contact add URI</c>: verifies a <c>wotid:</c> invitation (or all its scanned QR texts) and adds the inviter;
/// or <c>wotid contact add DID</c>: finds the DID's signed record on the wot.id DHT (the node must run with
/// <c>--bootstrap</c>) and adds its owner the same way (docs/discovery.md "Contacts from a DID").
/// </summary>
internal sealed class ContactAddCommand : NodeCommand
{
    private string _uri = string.Empty;

    public override string Name => "contact add";

    public override string Summary => "add a contact from its invitation (the wotid: URI, or every scanned QR text) or from its DID alone (found on the DHT); checks the signature";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        new Argument<string[]>("URI") { Description = "the wotid: URI, or the texts of all its QR codes in any order, or a did:key (needs a node running with --bootstrap)", Arity = ArgumentArity.OneOrMore },
        CliSymbols.Value("--name", "NAME", "the name you give the contact (default: the name its invitation suggests)"),
    ];

    protected override void Validate(CliArguments arguments)
    {
        if (arguments.Positional.Count == 1 && arguments.Positional[0].Trim().StartsWith("did:", StringComparison.Ordinal))
        {
            _uri = arguments.Positional[0].Trim();
            return;
        }

        try
        {
            _uri = InvitationQr.Join(arguments.Positional.Select(p => p.Trim()).Where(p => p.Length > 0).ToArray());
        }
        catch (InvitationException ex)
        {
            throw new CliFailure($"not an invitation: {ex.Message}", "pass the whole wotid: URI (quote it), or every QR text", "invalid-invitation", ExitCodes.InvalidInput);
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        ContactSummary contact = await node.AddContactAsync(_uri, arguments.Get("name"), cancellationToken).ConfigureAwait(false);
        string text = $"added {contact.Name} ({contact.Fingerprint}), {contact.Verification}"
            + (contact.HasMailbox ? ", has a mailbox" : string.Empty)
            + $"\ncompare fingerprints with them; write with: wotid send {Quote(contact.Name)} TEXT";
        await WriteAsync(context, contact, text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    internal static string Quote(string name) => name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\') ? "'" + name.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : name;
}
