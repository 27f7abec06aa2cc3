using System.Collections.Generic;
using System.CommandLine;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Invitations;

namespace WotId.Cli.Commands.Nodes;

/// <summary><c>wotid invite</c>: a fresh signed invitation as a <c>wotid:</c> URI and as QR codes (InvitationQr).</summary>
internal sealed class InviteCommand : NodeCommand
{
    public override string Name => "invite";

    public override string Summary => "print a signed invitation: the wotid: URI to send, and the QR codes to scan (all of them)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Flag("--no-qr", "print only the URI"),
        CliSymbols.Flag("--dark-modules", "draw the dark modules (for terminals with a light background)"),
    ];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        string uri = await node.CreateInvitationAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteAsync(context, new { uri }, string.Empty).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var text = new StringBuilder().AppendLine(uri);
        if (!arguments.Has("no-qr"))
        {
            IReadOnlyList<string> parts = InvitationQr.Split(uri);
            text.AppendLine()
                .AppendLine(parts.Count == 1
                    ? "or let them scan this QR code (`wotid contact add` accepts the scanned text too):"
                    : $"or let them scan all {parts.Count} QR codes, in any order (each holds one part; `wotid contact add` needs them all):");
            for (int i = 0; i < parts.Count; i++)
            {
                text.AppendLine()
                    .AppendLine(parts.Count == 1 ? string.Empty : $"code {i + 1} of {parts.Count}")
                    .Append(InvitationQr.Render(parts[i], arguments.Has("dark-modules")));
            }
        }

        text.AppendLine().Append("they add you with: wotid contact add URI");
        await WriteAsync(context, new { uri }, text.ToString()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
