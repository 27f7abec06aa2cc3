// `wotid files`: every transfer, newest first, one line each (short id, contact, direction, name, size, progress,
// state), or the FileTransferSummary records with --json.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Files;

/// <summary><c>wotid files</c>.</summary>
internal sealed class FilesCommand : NodeCommand
{
    public override string Name => "files";

    public override string Summary => "file transfers, incoming and outgoing: id, contact, name, size, progress, state";

    public override IReadOnlyList<Symbol> Symbols { get; } = [];

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        IReadOnlyList<FileTransferSummary> transfers = await node.GetFileTransfersAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, transfers, Table(transfers)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The table, or a hint when there is nothing.</summary>
    internal static string Table(IReadOnlyList<FileTransferSummary> transfers)
    {
        if (transfers.Count == 0)
        {
            return "no file transfers (send one with `wotid send-file CONTACT PATH`)";
        }

        int contactWidth = Math.Max(7, transfers.Max(t => EventText.Printable(t.Contact).Length));
        int nameWidth = Math.Min(40, Math.Max(4, transfers.Max(t => EventText.Printable(t.Name).Length)));
        StringBuilder sb = new StringBuilder()
            .Append("ID        ").Append("CONTACT".PadRight(contactWidth)).Append("  DIR  ").Append("NAME".PadRight(nameWidth))
            .Append("        SIZE  PROGRESS  STATE");
        foreach (FileTransferSummary t in transfers)
        {
            string name = EventText.Printable(t.Name);
            if (name.Length > nameWidth)
            {
                name = name[..(nameWidth - 1)] + "…";
            }

            sb.AppendLine()
                .Append(TransferText.ShortId(t.Id).PadRight(10))
                .Append(EventText.Printable(t.Contact).PadRight(contactWidth)).Append("  ")
                .Append(t.Direction == FileTransferDirections.Incoming ? "in " : "out").Append("  ")
                .Append(name.PadRight(nameWidth)).Append("  ")
                .Append(TransferText.Size(t.Size).PadLeft(10)).Append("  ")
                .Append((TransferText.Percent(t.Transferred, t.Size).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%").PadLeft(8)).Append("  ")
                .Append(t.State);
            if (t.Reason is not null && t.Reason != t.State && t.State is FileTransferStates.Failed or FileTransferStates.Declined or FileTransferStates.Cancelled
                or FileTransferStates.Interrupted)
            {
                sb.Append(" (").Append(ReasonText(t.Reason)).Append(')');
            }
        }

        return sb.ToString();
    }

    /// <summary>The pause reasons of an interrupted transfer in words (docs/files.md "Disk full"); other reasons as they are.</summary>
    private static string ReasonText(string reason) => reason switch
    {
        "disk_full" => "no space on this disk",
        "destination_full" => "verified; no space in its destination folder",
        "receiver_disk_full" => "their disk is full",
        "receiver_destination_full" => "verified; no space in their destination folder",
        "destination_unwritable" => "verified; its destination folder cannot be written",
        "receiver_destination_unwritable" => "verified; their destination folder cannot be written",
        _ => EventText.Printable(reason),
    };
}
