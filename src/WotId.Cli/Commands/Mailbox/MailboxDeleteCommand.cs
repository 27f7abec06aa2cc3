using System.CommandLine;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox delete</c>: deletes a claimed message, or with --pending receives and deletes a pending one.</summary>
internal sealed class MailboxDeleteCommand : MailboxCommand
{
    public override string Name => "mailbox delete";

    public override string Summary => "delete a claimed message (--pending: receive and delete a pending one)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("MESSAGE_ID", "the message to delete"),
        CliSymbols.Flag("--pending", "delete a message that was never claimed"),
        .. HandleOptions(),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        var id = IotaAddress.Parse(s.Arguments.RequirePositional(0, "MESSAGE_ID"));
        MailboxHandle h = s.Handle();
        if (s.Arguments.Has("pending"))
        {
            await s.Mailbox.ReceiveAndDeleteAsync(h, id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await s.Mailbox.DeleteAsync(h, id, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(s.Context, new JsonObject { ["deleted"] = id.ToString() }, "deleted " + id).ConfigureAwait(false);
        return 0;
    }
}
