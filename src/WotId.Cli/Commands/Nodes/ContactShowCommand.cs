using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid contact show NAME</c>: fingerprint, safety number, addresses and state of one contact.</summary>
internal sealed class ContactShowCommand : NodeCommand
{
    public override string Name => "contact show";

    public override string Summary => "one contact: fingerprint, safety number to compare in person, addresses, verification state";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        ContactSummary c = await node.GetContactAsync(arguments.RequirePositional(0, "CONTACT"), cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, c, Describe(c)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The <c>refused:</c> line (docs/node.md "Refused contacts"), or nothing.</summary>
    private static string Refusal(ContactSummary c)
    {
        if (c.Refusal is not { } reason)
        {
            return string.Empty;
        }

        string at = c.RefusedAt is { } t ? $" ({t:yyyy-MM-dd HH:mm} UTC)" : string.Empty;
        return $"refused:       {reason}{at}: this node refused their credential; messages from their mailbox are refused until a handshake verifies them{Environment.NewLine}";
    }

    internal static string Describe(ContactSummary c)
    {
        var text = new StringBuilder()
            .AppendLine($"name:          {c.Name}")
            .AppendLine($"fingerprint:   {c.Fingerprint}")
            .AppendLine($"peer id:       {c.PeerId}")
            .AppendLine($"verification:  {c.Verification}" + (c.LastVerifiedAt is { } v ? $" (last handshake {v:yyyy-MM-dd HH:mm} UTC)" : string.Empty))
            .Append(Refusal(c))
            .AppendLine($"mailbox:       {(c.HasMailbox ? "yes" : "no")}")
            .AppendLine($"added:         {c.AddedAt:yyyy-MM-dd HH:mm} UTC");
        foreach (string a in c.Addresses)
        {
            text.AppendLine($"address:       {a}");
        }

        if (c.SafetyNumber is { } number)
        {
            text.AppendLine("safety number (compare with theirs, in person or on a call):");
            foreach (string line in number.Split('\n'))
            {
                text.AppendLine("  " + line.Trim());
            }
        }
        else
        {
            text.AppendLine("safety number: not yet known (after the first connection or message)");
        }

        if (c.Verification == "key_changed")
        {
            text.AppendLine($"their key changed: messages to them are held; compare the safety number, then `wotid contact accept {ContactAddCommand.Quote(c.Name)}`");
        }

        return text.ToString().TrimEnd();
    }
}
