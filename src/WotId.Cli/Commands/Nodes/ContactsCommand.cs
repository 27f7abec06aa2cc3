using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid contacts</c>: one line per contact.</summary>
internal sealed class ContactsCommand : NodeCommand
{
    public override string Name => "contacts";

    public override string Summary => "your contacts: name, fingerprint, verification, whether they have a mailbox, a refused credential";

    public override IReadOnlyList<Symbol> Symbols { get; } = [];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContactSummary> contacts = await node.GetContactsAsync(cancellationToken).ConfigureAwait(false);
        string text;
        if (contacts.Count == 0)
        {
            text = "no contacts yet (add one with `wotid contact add URI`)";
        }
        else
        {
            int width = System.Math.Max(4, contacts.Max(c => c.Name.Length));
            var sb = new StringBuilder().Append("NAME".PadRight(width)).Append("  FINGERPRINT          VERIFICATION  MAILBOX");
            foreach (ContactSummary c in contacts)
            {
                sb.AppendLine().Append(c.Name.PadRight(width)).Append("  ").Append(c.Fingerprint).Append("  ")
                    .Append(c.Verification.PadRight(12)).Append("  ").Append(c.HasMailbox ? "yes" : "no");
                if (c.Refusal is { } refusal)
                {
                    sb.Append("      refused: ").Append(refusal).Append(c.RefusedAt is { } at ? $" ({at:yyyy-MM-dd HH:mm} UTC)" : string.Empty);
                }
            }

            text = sb.ToString();
        }

        await WriteAsync(context, contacts, text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
