using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid inbox [CONTACT]</c>: received messages, oldest first.</summary>
internal sealed class InboxCommand : NodeCommand
{
    public override string Name => "inbox";

    public override string Summary => "received messages, oldest first, of one contact or all (--json: id, from, text, via, receivedAt)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "only this contact's messages (name or fingerprint)", required: false),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string? contact = arguments.Positional.Count > 0 ? arguments.Positional[0] : null;
        IReadOnlyList<InboxMessage> messages = await node.GetInboxAsync(contact, cancellationToken).ConfigureAwait(false);
        string text = messages.Count == 0
            ? "no messages"
            : string.Join('\n', messages.Select(m => $"{m.ReceivedAt.ToLocalTime():yyyy-MM-dd HH:mm} {(m.Read ? " " : "*")} {m.From}: {m.Text}  [{m.Via}]"));
        await WriteAsync(context, messages, text).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
