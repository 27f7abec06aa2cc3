using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary>
/// <c>wotid mailbox delete</c>: deletes a claimed message. A pending message has never been read: deleting it
/// (<c>--pending</c>) also needs <c>--discard-unread</c>, and without it the command says what would be lost.
/// </summary>
internal sealed class MailboxDeleteCommand : MailboxCommand
{
    public override string Name => "mailbox delete";

    public override string Summary => "delete a claimed message (--pending --discard-unread: delete a pending one unread)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("MESSAGE_ID", "the message to delete"),
        CliSymbols.Flag("--pending", "delete a message that was never claimed (needs --discard-unread)"),
        CliSymbols.Flag("--discard-unread", "with --pending: confirm that the unread message is lost"),
        .. HandleOptions(),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        var id = IotaAddress.Parse(s.Arguments.RequirePositional(0, "MESSAGE_ID"));
        MailboxHandle h = s.Handle();
        if (s.Arguments.Has("pending"))
        {
            if (!s.Arguments.Has("discard-unread"))
            {
                MessageInfo? m = (await s.ListAllAsync(h.MailboxId, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(i => i.Id == id && i.State == MessageState.Pending);
                string what = m is null
                    ? $"message {id} is not pending in mailbox {h.MailboxId}"
                    : $"message {id} from {m.Sender} (seq {m.Seq}, {m.Size} bytes) has never been read and would be deleted unread";
                return await RefuseAsync(s.Context,
                    what + ". To keep it: `wotid mailbox claim " + id + "` then `wotid mailbox read " + id + "`. To discard it: add --discard-unread.")
                    .ConfigureAwait(false);
            }

            MailboxMessage discarded = await s.Mailbox.ReceiveAndDeleteAsync(h, id, cancellationToken).ConfigureAwait(false);
            await WriteAsync(s.Context, new JsonObject { ["deleted"] = id.ToString(), ["unread"] = true, ["size"] = discarded.Info.Size },
                $"deleted {id} unread ({discarded.Info.Size} bytes from {discarded.Info.Sender})").ConfigureAwait(false);
            return 0;
        }

        await s.Mailbox.DeleteAsync(h, id, cancellationToken).ConfigureAwait(false);
        await WriteAsync(s.Context, new JsonObject { ["deleted"] = id.ToString() }, "deleted " + id).ConfigureAwait(false);
        return 0;
    }
}
