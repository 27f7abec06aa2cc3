using System.CommandLine;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox list</c>: pending and archived messages of a mailbox.</summary>
internal sealed class MailboxListCommand : MailboxCommand
{
    public override string Name => "mailbox list";

    public override string Summary => "list pending and claimed messages of a mailbox";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--mailbox", "ID", "mailbox object id (default: the one created here)"),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        IotaAddress mailbox = s.Arguments.Get("mailbox") is string m ? IotaAddress.Parse(m) : s.Handle().MailboxId;
        IReadOnlyList<MessageInfo> list = await s.Mailbox.ListAsync(mailbox, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (MessageInfo i in list)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i.Id}  {i.State,-8} seq {i.Seq,-6} {i.Size,6} B  from {i.Sender}\n");
        }

        await WriteAsync(s.Context, new JsonArray(list.Select(i => (JsonNode?)ToJson(i)).ToArray()),
            list.Count == 0 ? "(no messages)" : text.ToString().TrimEnd()).ConfigureAwait(false);
        return 0;
    }
}
