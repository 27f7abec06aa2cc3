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

/// <summary>
/// <c>wotid mailbox list</c>: one page of the pending and archived messages of a mailbox (pending first). The
/// next page's cursor is printed; pass it back with <c>--cursor</c>.
/// </summary>
internal sealed class MailboxListCommand : MailboxCommand
{
    public override string Name => "mailbox list";

    public override string Summary => "list pending and claimed messages of a mailbox, one page at a time";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--mailbox", "ID", "mailbox object id (default: the one created here)"),
        CliSymbols.Value("--limit", "N", "messages per page, 1..50 (default 50)"),
        CliSymbols.Value("--cursor", "C", "continue after the page that returned this cursor"),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        IotaAddress mailbox = s.Arguments.Get("mailbox") is string m ? IotaAddress.Parse(m) : s.Handle().MailboxId;
        long limit = s.Arguments.GetInt64("limit", MailboxLimits.MaxListPageSize);
        if (limit is < 1 or > MailboxLimits.MaxListPageSize)
        {
            throw new CliUsageException($"--limit must be 1..{MailboxLimits.MaxListPageSize}");
        }

        MessagePage page;
        try
        {
            page = await s.Mailbox.ListAsync(mailbox, s.Arguments.Get("cursor"), (int)limit, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ArgumentException ex) when (ex.ParamName == "cursor")
        {
            throw new CliUsageException("--cursor must be a cursor printed by an earlier `wotid mailbox list`");
        }

        var text = new StringBuilder();
        foreach (MessageInfo i in page.Messages)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i.Id}  {i.State,-8} seq {i.Seq,-6} {i.Size,6} B  from {i.Sender}\n");
        }

        if (page.Messages.Count == 0)
        {
            text.Append("(no messages)\n");
        }

        if (page.NextCursor is not null)
        {
            text.Append("more: --cursor ").Append(page.NextCursor).Append('\n');
        }

        var json = new JsonObject
        {
            ["messages"] = new JsonArray(page.Messages.Select(i => (JsonNode?)ToJson(i)).ToArray()),
            ["nextCursor"] = page.NextCursor,
        };
        await WriteAsync(s.Context, json, text.ToString().TrimEnd()).ConfigureAwait(false);
        return 0;
    }
}
