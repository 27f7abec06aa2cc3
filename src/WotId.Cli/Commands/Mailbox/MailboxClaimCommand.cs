using System.CommandLine;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox claim</c>: claims (archives) pending messages with the owner cap.</summary>
internal sealed class MailboxClaimCommand : MailboxCommand
{
    public override string Name => "mailbox claim";

    public override string Summary => "claim pending messages of your mailbox (one ID or --all)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("MESSAGE_ID", "the message to claim (or --all)", required: false),
        CliSymbols.Flag("--all", "claim every pending message"),
        .. HandleOptions(),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        MailboxHandle h = s.Handle();
        List<IotaAddress> ids = s.Arguments.Has("all")
            ? (await s.ListAllAsync(h.MailboxId, cancellationToken).ConfigureAwait(false)).Where(m => m.State == MessageState.Pending).Select(m => m.Id).ToList()
            : [IotaAddress.Parse(s.Arguments.RequirePositional(0, "MESSAGE_ID or --all"))];
        foreach (IotaAddress id in ids)
        {
            await s.Mailbox.ClaimAsync(h, id, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(s.Context, new JsonObject { ["claimed"] = new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i.ToString())).ToArray()) },
            ids.Count == 0 ? "nothing to claim" : string.Join('\n', ids.Select(i => "claimed " + i))).ConfigureAwait(false);
        return 0;
    }
}
